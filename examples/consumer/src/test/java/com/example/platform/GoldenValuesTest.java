package com.example.platform;

import io.github.infrahubbackup.chartkit.golden.GoldenFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every values file renders to its reviewed golden file; approve changes with -Dgolden.approve=true. */
class GoldenValuesTest {
    @TestFactory
    Stream<DynamicTest> valuesRenderToTheirGoldenFiles() {
        return GoldenFiles.of(Path.of("values"), Path.of("golden")).tests();
    }
}
