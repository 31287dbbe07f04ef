package io.github.infrahubbackup.chartkit.testing;

import java.util.concurrent.Callable;

/** Runs work on a thread with a stack of a chosen size, as a caller with a small stack would. */
public final class OnStack {
    private OnStack() {
    }

    /** The result of {@code work} on a thread with a {@code bytes} stack; anything it throws fails the test, naming the size. */
    public static <T> T call(long bytes, Callable<T> work) throws InterruptedException {
        Object[] outcome = new Object[1];
        Thread caller = new Thread(null, () -> {
            try {
                outcome[0] = work.call();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "caller-" + bytes / 1024 + "k", bytes);
        caller.start();
        caller.join();
        if (outcome[0] instanceof Throwable e) {
            throw new AssertionError("failed on a " + bytes / 1024 + " KB stack", e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }
}
