package io.github.infrahubbackup.chartkit.engine.values;

import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chart's own values inside the values of a parent (umbrella) chart that has it as a dependency,
 * as Helm hands them to the subchart: the section under the chart's key, with the parent's
 * {@code global} merged under the section's own {@code global}.
 */
public final class Subchart {
    private Subchart() {
    }

    /**
     * The values the subchart at {@code key} sees; empty when {@code key.enabled} is {@code false},
     * the condition umbrella charts conventionally give their dependencies. {@code parentValues} is
     * not changed.
     */
    public static Optional<Map<String, Object>> scope(Map<String, Object> parentValues, String key) {
        Object section = parentValues.get(key);
        if (section instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("enabled"))) {
            return Optional.empty();
        }
        Map<String, Object> own = section instanceof Map<?, ?> map ? Coalesce.asMapCopy(map) : new LinkedHashMap<>();
        if (parentValues.get("global") instanceof Map<?, ?> global) {
            Map<String, Object> shared = Coalesce.asMapCopy(global);
            if (own.get("global") instanceof Map<?, ?> ownGlobal) {
                Coalesce.merge(shared, Coalesce.asMapCopy(ownGlobal));
            }
            // A section's own global that is not a map stays, for the schema to refuse as Helm's does.
            if (own.get("global") == null || own.get("global") instanceof Map<?, ?>) {
                own.put("global", shared);
            }
        }
        return Optional.of(own);
    }

    /**
     * What is wrong with the subchart's section when it is there but not a map (null, a list, a
     * scalar), as Helm refuses it at the dependency's condition; empty when it is a map or absent.
     */
    public static Optional<String> sectionProblem(Map<String, Object> parentValues, String key) {
        Object section = parentValues.get(key);
        if (!parentValues.containsKey(key) || section instanceof Map<?, ?>) {
            return Optional.empty();
        }
        String found = section == null ? "null" : section instanceof List<?> ? "a list" : "\"" + GoStrings.print(section) + "\"";
        return Optional.of("must be a map of this chart's values, not " + found + " (Helm refuses it: \"type mismatch on " + key
                + "\"); write a map, or remove the key to use the defaults");
    }
}
