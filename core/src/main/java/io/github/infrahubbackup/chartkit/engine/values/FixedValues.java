package io.github.infrahubbackup.chartkit.engine.values;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A conversion of the maps and lists of values that never change, worked out the first time each
 * one is asked for and remembered by identity. Renders share the subtrees of a chart's defaults
 * that the user's values leave alone (see {@link Coalesce#withDefaults}), so what is printed or
 * converted from those subtrees is the same on every render. The defaults must be read-only
 * ({@link Coalesce#unmodifiable}): a map changed after this was built would be looked up with its
 * old result.
 *
 * <p>Thread-safe: which objects are fixed is settled in the constructor; a result is a pure
 * function of its object, so two threads that race to work out the same one store equal results.
 *
 * @param <T> what a map or list converts to
 */
public final class FixedValues<T> {
    private final Map<Object, Integer> slots = new IdentityHashMap<>();
    private final AtomicReferenceArray<T> converted;
    private final Function<Object, T> convert;

    /**
     * @param fixed   the values that never change, usually the chart's read-only defaults
     * @param convert the conversion; it must depend on nothing but its argument
     */
    public FixedValues(Object fixed, Function<Object, T> convert) {
        collect(fixed);
        this.converted = new AtomicReferenceArray<>(slots.size());
        this.convert = convert;
    }

    private void collect(Object value) {
        if (value instanceof Map<?, ?> map) {
            slots.put(value, slots.size());
            map.values().forEach(this::collect);
        } else if (value instanceof List<?> list) {
            slots.put(value, slots.size());
            list.forEach(this::collect);
        }
    }

    /** The conversion of {@code value} if it is one of the fixed maps or lists (the same object), else null. */
    public T get(Object value) {
        Integer slot = slots.get(value);
        if (slot == null) {
            return null;
        }
        T result = converted.get(slot);
        if (result == null) {
            result = convert.apply(value);
            converted.set(slot, result);
        }
        return result;
    }
}
