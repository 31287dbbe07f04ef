package io.github.infrahubbackup.chartkit;

import java.util.function.Supplier;

/** A value built on its first use, once, then shared by every thread. */
final class Lazy<T> {
    private final Supplier<T> build;
    private volatile T value;

    Lazy(Supplier<T> build) {
        this.build = build;
    }

    T get() {
        T built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) {
                    built = build.get();
                    value = built;
                }
            }
        }
        return built;
    }
}
