package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.infrahubbackup.chartkit.testing.OnStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A short, shallow text is first read on the caller's thread (a thread start costs more than the
 * read). How deep a stack that needs depends on the text's style and on the JVM, so a caller's stack
 * too small for the text must not matter: the read goes on on the reader's own deep stack. Deeper
 * texts are read there from the start.
 */
class ValuesReaderStackTest {
    /** A thread stack smaller than any JVM's default, where a caller might well read values. */
    private static final long SMALL_STACK = 256 * 1024;

    /**
     * Block sequences take the most stack per level of the texts tried in place (block maps, as
     * deep, are too long to be tried there). On JDK 17 and 25, 255 levels overflowed a 160 KB stack
     * in every JIT state, and a 256 KB one once C1 had compiled the parser but C2 not yet: the read
     * must then go on on the reader's own stack.
     */
    @ParameterizedTest(name = "{0} KB")
    @ValueSource(ints = {160, 256})
    void blockSequencesAtTheInPlaceBoundReadOnAnyStack(int stackKb) throws InterruptedException {
        int depth = DeepStack.SHALLOW - 1;
        String text = "a:\n" + "- ".repeat(depth) + "leaf\n";
        Object value = readOn(stackKb * 1024L, text).values().get("a");
        for (int level = 1; level < depth; level++) {
            value = assertInstanceOf(List.class, value, "level " + level).get(0);
        }
        assertEquals(List.of("leaf"), value);
    }

    @Test
    void flowListsAtTheInPlaceBoundReadOnASmallStack() throws InterruptedException {
        // One map key and flow lists: the most structural characters a text read in place may hold.
        int depth = DeepStack.SHALLOW - 1;
        String text = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertEquals(List.of(), innermost(readOn(SMALL_STACK, text).values().get("a")));
    }

    @Test
    void deeperTextsAreReadOnTheReadersOwnStack() throws InterruptedException {
        String text = "a: " + "[".repeat(900) + "]".repeat(900) + "\n";
        assertEquals(List.of(), innermost(readOn(SMALL_STACK, text).values().get("a")));
    }

    private static ValuesFile readOn(long stack, String text) throws InterruptedException {
        return OnStack.call(stack, () -> ValuesReader.read("nested.yaml", text));
    }

    /** The innermost list of nested single-item lists (an empty list when all nest to the bottom). */
    private static List<?> innermost(Object value) {
        List<?> current = assertInstanceOf(List.class, value);
        while (current.size() == 1 && current.get(0) instanceof List<?> inner) {
            current = inner;
        }
        return current;
    }
}
