package io.github.infrahubbackup.chartkit.golden;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario's Pebble render equals its golden file, byte for byte. */
class GoldenTest {
    @TestFactory
    Stream<DynamicTest> scenarios() {
        return GoldenFiles.of(Project.SCENARIOS, Project.GOLDEN).tests();
    }
}
