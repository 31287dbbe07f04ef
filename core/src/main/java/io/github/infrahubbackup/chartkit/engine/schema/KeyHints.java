package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
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
            int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
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

    /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
