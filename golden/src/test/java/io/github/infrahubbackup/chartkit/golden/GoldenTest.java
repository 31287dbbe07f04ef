package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario's Pebble render equals its golden file, byte for byte. */
class GoldenTest {
    @TestFactory
    Stream<DynamicTest> scenarios() {
        return GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN).tests();
    }
}
