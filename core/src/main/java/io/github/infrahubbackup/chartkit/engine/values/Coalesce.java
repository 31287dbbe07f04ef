package io.github.infrahubbackup.chartkit.engine.values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helm's two ways of combining values: merging user sources, and coalescing them over the chart's defaults. */
public final class Coalesce {
    private Coalesce() {
    }

    /**
     * Merges {@code overlay} into {@code base} as successive {@code -f} files merge: maps deeply,
     * anything else (lists and nulls included) replaced.
     */
    public static void merge(Map<String, Object> base, Map<String, Object> overlay) {
        for (Map.Entry<String, Object> entry : overlay.entrySet()) {
            Object current = base.get(entry.getKey());
            if (current instanceof Map<?, ?> currentMap && entry.getValue() instanceof Map<?, ?> overlayMap) {
                merge(asMap(currentMap), asMap(overlayMap));
            } else {
                base.put(entry.getKey(), deepCopy(entry.getValue()));
            }
        }
    }

    /**
     * The values a template sees: the user's values over the chart's defaults. A null user value
     * removes the default key; a user value of another shape than the default wins. Neither argument
     * is changed; the user's values are copied, and subtrees of the defaults that the user did not
     * touch are shared, so the defaults must never be changed (see {@link #unmodifiable}).
     */
    public static Map<String, Object> withDefaults(Map<String, Object> user, Map<String, Object> defaults) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : user.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object fallback = defaults.get(key);
            if (value == null && defaults.containsKey(key)) {
                continue;
            }
            if (value instanceof Map<?, ?> userMap && fallback instanceof Map<?, ?> defaultMap) {
                result.put(key, withDefaults(asMap(userMap), asMap(defaultMap)));
            } else {
                result.put(key, deepCopy(value));
            }
        }
        for (Map.Entry<String, Object> entry : defaults.entrySet()) {
            if (!user.containsKey(entry.getKey())) {
                result.put(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /** A read-only deep copy: maps and lists that throw on any change, in the same order. */
    public static Object unmodifiable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, unmodifiable(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(unmodifiable(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A copy no caller can change through the original, and the other way round. */
    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /** A deep copy of a map read from values. */
    public static Map<String, Object> asMapCopy(Map<?, ?> map) {
        return asMap(deepCopy(map));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object map) {
        return (Map<String, Object>) map;
    }
}
