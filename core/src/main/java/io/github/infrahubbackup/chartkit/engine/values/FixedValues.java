package io.github.infrahubbackup.chartkit.engine.values;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A conversion worked out once for every map and list of values that never change, and looked up
 * by identity afterwards. Renders share the subtrees of a chart's defaults that the user's values
 * leave alone (see {@link Coalesce#withDefaults}), so what is printed or converted from those
 * subtrees is the same on every render. The defaults must be read-only ({@link Coalesce#unmodifiable}):
 * a map changed after this was built would be looked up with its old result. Thread-safe: the table
 * is filled in the constructor and only read afterwards.
 *
 * @param <T> what a map or list converts to
 */
public final class FixedValues<T> {
    private final Map<Object, T> converted;

    /**
     * @param fixed   the values that never change, usually the chart's read-only defaults
     * @param convert the conversion; it must depend on nothing but its argument
     */
    public FixedValues(Object fixed, Function<Object, T> convert) {
        Map<Object, T> table = new IdentityHashMap<>();
        collect(fixed, convert, table);
        this.converted = Collections.unmodifiableMap(table);
    }

    private static <T> void collect(Object value, Function<Object, T> convert, Map<Object, T> table) {
        if (value instanceof Map<?, ?> map) {
            table.put(value, convert.apply(value));
            map.values().forEach(item -> collect(item, convert, table));
        } else if (value instanceof List<?> list) {
            table.put(value, convert.apply(value));
            list.forEach(item -> collect(item, convert, table));
        }
    }

    /** The conversion of {@code value} if it is one of the fixed maps or lists (the same object), else null. */
    public T get(Object value) {
        return converted.get(value);
    }
}
