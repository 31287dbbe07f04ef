package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short, shallow text is read on the caller's thread (a thread start costs more than the read);
 * that must hold on a small stack, up to the nesting that keeps a text there, and deeper texts must
 * still read on the reader's own deep stack.
 */
class ValuesReaderStackTest {
    /** A thread stack smaller than any JVM's default, where a caller might well read values. */
    private static final long SMALL_STACK = 256 * 1024;

    @Test
    void theDeepestTextReadOnTheCallersThreadFitsASmallStack() throws InterruptedException {
        // One map key and flow lists: the most structural characters a text read in place may hold.
        int depth = DeepStack.SHALLOW - 1;
        String text = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertEquals(List.of(), readOnSmallStack(text).values().get("a") instanceof List<?> list ? flatten(list) : null);
    }

    @Test
    void deeperTextsAreReadOnTheReadersOwnStack() throws InterruptedException {
        String text = "a: " + "[".repeat(900) + "]".repeat(900) + "\n";
        assertEquals(List.of(), readOnSmallStack(text).values().get("a") instanceof List<?> list ? flatten(list) : null);
    }

    private static ValuesFile readOnSmallStack(String text) throws InterruptedException {
        Object[] outcome = new Object[1];
        Thread caller = new Thread(null, () -> {
            try {
                outcome[0] = ValuesReader.read("nested.yaml", text);
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "small-stack-caller", SMALL_STACK);
        caller.start();
        caller.join();
        if (outcome[0] instanceof Throwable e) {
            throw new AssertionError("reading failed on a " + SMALL_STACK / 1024 + " KB stack", e);
        }
        return (ValuesFile) outcome[0];
    }

    /** The innermost list of nested single-item lists (an empty list when all nest to the bottom). */
    private static List<?> flatten(List<?> list) {
        List<?> current = list;
        while (current.size() == 1 && current.get(0) instanceof List<?> inner) {
            current = inner;
        }
        return current;
    }
}
