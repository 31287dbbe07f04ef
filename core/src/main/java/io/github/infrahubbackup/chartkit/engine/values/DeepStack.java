package io.github.infrahubbackup.chartkit.engine.values;

import java.util.function.Supplier;

/**
 * Runs a read where its recursion fits: reading, merging and checking values recurse once per
 * level of nesting, and {@link ReadLimits#MAX_NESTING} levels need more stack than a caller's
 * thread may have. A text that cannot nest deeply is first read on the caller's thread (starting a
 * thread costs more than reading a real values file); any other, and any read that ran out of the
 * caller's stack, on a thread with a stack of its own. How much stack a level takes depends on the
 * text's style and on the JIT's state (interpreted, C1 or C2 frames): 255 levels of block sequences
 * fit a 256 KB stack cold and once C2 has compiled the parser, not in between. So the caller's stack
 * is a fast path, never the limit.
 */
final class DeepStack {
    /** A thread stack deep enough for {@link ReadLimits#MAX_NESTING} levels, reserved only while reading. */
    private static final long READER_STACK = 64L * 1024 * 1024;
    /**
     * Texts this short that nest at most this deep are tried on the caller's thread: the nesting
     * bounds the parse, the length the %YAML directive's search.
     */
    private static final int SHORT = 16 * 1024;
    static final int SHALLOW = 256;

    private DeepStack() {
    }

    /**
     * The read's result, or its exception; running out of the reader's own stack is refused as too
     * deep a nesting of {@code source}. The read must have no effect but its result, since a read
     * that overflows the caller's stack is run again.
     */
    static <T> T run(String source, String text, Supplier<T> read) {
        if (text.length() <= SHORT && nestingBound(text) <= SHALLOW) {
            try {
                return read.get();
            } catch (StackOverflowError e) {
                // The caller's stack is smaller than this text needs: read it again where it fits.
            }
        }
        return onOwnStack(source, read);
    }

    private static <T> T onOwnStack(String source, Supplier<T> read) {
        Object[] outcome = new Object[1];
        Thread reader = new Thread(null, () -> {
            try {
                outcome[0] = read.get();
            } catch (RuntimeException | StackOverflowError e) {
                outcome[0] = e;
            }
        }, "values-reader", READER_STACK);
        reader.setDaemon(true);
        reader.start();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] instanceof StackOverflowError) {
            throw tooDeep(source);
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    /**
     * A bound on how deep the text can nest: every level of a map or list, written or reached
     * through an alias, starts at one of the characters counted here.
     */
    private static int nestingBound(String text) {
        int structural = 0;
        for (int i = 0; i < text.length() && structural <= SHALLOW; i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{' || c == '-' || c == ':' || c == '?') {
                structural++;
            }
        }
        return structural;
    }

    private static ValuesSyntaxException tooDeep(String source) {
        return new ValuesSyntaxException(new SourcePosition(source, 1, 1), ReadLimits.tooDeep());
    }
}
