package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infrahubbackup.chartkit.engine.text.EditDistance;
import io.github.infrahubbackup.chartkit.engine.values.ValuePaths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Suggestions for unknown keys: where a moved key went, else the known key that was probably meant. */
final class KeyHints {
    private final JsonNode schema;
    private final Map<String, MovedKey> movedKeys;

    KeyHints(JsonNode schema, List<MovedKey> movedKeys) {
        this.schema = schema;
        this.movedKeys = movedKeys.stream().collect(Collectors.toUnmodifiableMap(MovedKey::from, Function.identity()));
    }

    /**
     * A hint for the unknown {@code key} found in the object at {@code parentPath} (path elements:
     * map keys as strings, list indexes as integers), or null.
     */
    String forUnknownKey(List<Object> parentPath, String key) {
        MovedKey moved = movedKeys.get(path(parentPath, key));
        if (moved != null) {
            return "did you mean " + moved.to() + "? " + moved.from() + ".* is " + moved.why();
        }
        JsonNode object = objectSchema(parentPath);
        if (object == null) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Iterator<String> names = object.path("properties").fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            int distance = EditDistance.between(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return "did you mean " + best + "?";
        }
        List<String> known = new ArrayList<>();
        object.path("properties").fieldNames().forEachRemaining(known::add);
        return known.isEmpty() ? null : "known keys here: " + String.join(", ", known);
    }

    private static String path(List<Object> parentPath, String key) {
        String path = "";
        for (Object step : parentPath) {
            path = step instanceof Integer index ? ValuePaths.index(path, index) : ValuePaths.child(path, step.toString());
        }
        return ValuePaths.child(path, key);
    }

    /** The schema of the object at this path, following properties and items; null if unknown. */
    private JsonNode objectSchema(List<Object> path) {
        JsonNode node = schema;
        for (Object step : path) {
            node = step instanceof Integer ? node.path("items") : node.path("properties").path(step.toString());
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node.has("properties") ? node : null;
    }
}
