package io.github.infrahubbackup.chartkit.engine.values;

import java.util.LinkedHashMap;
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
            own.put("global", shared);
        }
        return Optional.of(own);
    }
}
