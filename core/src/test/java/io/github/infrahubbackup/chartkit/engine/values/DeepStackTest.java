package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which values trees are worked on in the caller's thread, and what the own stack hands back. */
class DeepStackTest {
    /** {@code levels} maps or lists nested in each other, alternating, the innermost empty. */
    private static Object nested(int levels) {
        Object tree = List.of();
        for (int level = 1; level < levels; level++) {
            tree = level % 2 == 0 ? List.of(tree) : Map.of("k", tree);
        }
        return tree;
    }

    @Test
    void depthCountsTheMapsAndListsOnTheDeepestPath() {
        assertTrue(DeepStack.depthAtMost("scalar", 0));
        assertTrue(DeepStack.depthAtMost(Map.of(), 1));
        assertFalse(DeepStack.depthAtMost(Map.of(), 0));
        assertTrue(DeepStack.depthAtMost(nested(64), 64));
        assertFalse(DeepStack.depthAtMost(nested(65), 64));
        // The deepest path counts, not the first one or the number of entries.
        Map<String, Object> wide = new java.util.HashMap<>(Map.of("a", "x", "b", List.of(1, 2, 3), "c", Map.of("d", nested(10))));
        wide.put("null", null);
        assertTrue(DeepStack.depthAtMost(wide, 12));
        assertFalse(DeepStack.depthAtMost(wide, 11));
    }

    @Test
    void shallowTreesAreWorkedOnInTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertSame(caller, DeepStack.forTree(nested(DeepStack.SHALLOW_TREE), Thread::currentThread));
        assertNotSame(caller, DeepStack.forTree(nested(DeepStack.SHALLOW_TREE + 1), Thread::currentThread));
    }

    @Test
    void theOwnStackHandsBackTheResultOrWhatWasThrown() {
        Object deep = nested(DeepStack.SHALLOW_TREE + 1);
        assertEquals("done", DeepStack.forTree(deep, () -> "done"));
        IllegalStateException thrown = new IllegalStateException("refused");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> DeepStack.forTree(deep, () -> {
            throw thrown;
        })));
        AssertionError error = new AssertionError("broken");
        assertSame(error, assertThrows(AssertionError.class, () -> DeepStack.forTree(deep, (Runnable) () -> {
            throw error;
        })));
    }
}
