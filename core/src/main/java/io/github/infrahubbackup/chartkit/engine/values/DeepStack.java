package io.github.infrahubbackup.chartkit.engine.values;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work on values where its recursion fits: reading, merging, checking and rendering values
 * recurse once per level of nesting, and {@link ReadLimits#MAX_NESTING} levels need more stack than
 * a caller's thread may have (a 256 KB stack overflowed merging 400 levels). Shallow input is worked
 * on in the caller's thread (starting a thread costs more than reading or rendering a real values
 * file); deep input on a thread with a stack of its own, reserved only while the work runs.
 */
public final class DeepStack {
    /** A thread stack deep enough for {@link ReadLimits#MAX_NESTING} levels. */
    private static final long OWN_STACK = 64L * 1024 * 1024;
    /**
     * Texts this short that nest at most this deep are first read on the caller's thread: the
     * nesting bounds the parse, the length the %YAML directive's search. How much stack a level
     * takes depends on the text's style and on the JIT's state (interpreted, C1 or C2 frames): 255
     * levels of block sequences fit a 256 KB stack cold and once C2 has compiled the parser, not in
     * between. So a read that overflows the caller's stack is read again on a stack of its own.
     */
    private static final int SHORT = 16 * 1024;
    static final int SHALLOW = 256;
    /**
     * Values trees at most this deep are merged, checked and rendered on the caller's thread. Real
     * values files nest about ten levels; on a 256 KB stack, building, validating and rendering all
     * in place worked up to about 200 levels in every JIT mode measured (JDK 17 and 25), so this
     * uses a third of such a stack at most and leaves room for the caller's own frames.
     */
    static final int SHALLOW_TREE = 64;

    private DeepStack() {
    }

    /**
     * Reads {@code text}: the read's result, or its exception; running out of even the own stack
     * is refused as too deep a nesting of {@code source}. The read must have no effect but its
     * result, since a read that overflows the caller's stack is run again.
     */
    static <T> T forText(String source, String text, Supplier<T> read) {
        if (text.length() <= SHORT && nestingBound(text) <= SHALLOW) {
            try {
                return read.get();
            } catch (StackOverflowError e) {
                // The caller's stack is smaller than this text needs: read it again where it fits.
            }
        }
        Object result = onOwnStack(read);
        if (result instanceof StackOverflowError) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), ReadLimits.tooDeep());
        }
        return cast(result);
    }

    /** The result of {@code work} on values as deep as {@code tree}, or its exception. */
    public static <T> T forTree(Object tree, Supplier<T> work) {
        if (depthAtMost(tree, SHALLOW_TREE)) {
            return work.get();
        }
        Object result = onOwnStack(work);
        if (result instanceof StackOverflowError e) {
            // Read values nest at most MAX_NESTING levels, which the own stack holds many times over.
            throw e;
        }
        return cast(result);
    }

    /** Runs {@code work} on values as deep as {@code tree}. */
    public static void forTree(Object tree, Runnable work) {
        forTree(tree, () -> {
            work.run();
            return null;
        });
    }

    /** The work's result, the RuntimeException it threw, or its StackOverflowError; other errors are thrown. */
    private static Object onOwnStack(Supplier<?> work) {
        Object[] outcome = new Object[1];
        Thread worker = new Thread(null, () -> {
            try {
                outcome[0] = work.get();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "values-deep-stack", OWN_STACK);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[0] instanceof Error e && !(e instanceof StackOverflowError)) {
            throw e;
        }
        return outcome[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object result) {
        return (T) result;
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

    /** Whether no map or list in {@code tree} is more than {@code limit} levels down; walked without recursion. */
    static boolean depthAtMost(Object tree, int limit) {
        Deque<Object> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(tree);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Object node = nodes.pop();
            int depth = depths.pop();
            Iterable<?> children = node instanceof Map<?, ?> map ? map.values() : node instanceof List<?> list ? list : null;
            if (children == null) {
                continue;
            }
            if (depth >= limit) {
                return false;
            }
            for (Object child : children) {
                if (child instanceof Map<?, ?> || child instanceof List<?>) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return true;
    }
}
