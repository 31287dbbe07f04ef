package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.testing.OnStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values may nest as deep as the reader accepts whatever the caller's thread stack: building,
 * validating, rendering and copying them on a 256 KB stack gives what it gives on a 64 MB one. Before
 * deep values were worked on on a stack of their own, merging 400 levels overflowed 256 KB and
 * the library threw a StackOverflowError.
 */
class CallerStackTest {
    private static final InfrahubBackupChart CHART = InfrahubBackupChart.load();
    private static final Release RELEASE = Release.named("prod").in("infrahub");
    private static final long SMALL_STACK = 256 * 1024;
    private static final long LARGE_STACK = 64L * 1024 * 1024;

    /** A valid values file whose affinity (free-form, copied into the CronJob) nests {@code depth} lists deep. */
    private static String deepAffinity(int depth) {
        return "backup:\n  enabled: true\n  storage:\n    type: local\naffinity:\n  x: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    private record Outcome(String yaml, String notes, Map<String, Object> values) {
    }

    private static Outcome everything(String yaml) {
        Values values = Values.builder().yaml("deep.yaml", yaml).set("podAnnotations.note=set").build();
        Validation validation = CHART.validate(values);
        assertTrue(validation.isValid(), () -> validation.problems().toString());
        Rendering rendering = CHART.render(validation, RELEASE);
        return new Outcome(rendering.yaml(), rendering.notes(), values.asMap());
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {10, 63, 64, 65, 400, 990})
    void deepValuesGiveTheSameOutputOnASmallStack(int depth) throws Exception {
        String yaml = deepAffinity(depth);
        Outcome large = OnStack.call(LARGE_STACK, () -> everything(yaml));
        Outcome small = OnStack.call(SMALL_STACK, () -> everything(yaml));
        assertEquals(large, small);
        assertTrue(small.yaml().contains("- ".repeat(depth - 1) + "[]"), "the affinity is rendered all the way down");
        Object affinity = ((Map<?, ?>) small.values().get("affinity")).get("x");
        for (int level = 1; level < depth; level++) {
            affinity = ((List<?>) affinity).get(0);
        }
        assertEquals(List.of(), affinity);
    }
}
