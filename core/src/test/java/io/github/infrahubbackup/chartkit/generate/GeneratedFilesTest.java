package io.github.infrahubbackup.chartkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * The schema, the chart's copy and the README's values reference are generated from values.yaml
 * (see {@link GeneratedFiles}): each committed file must be what the generator writes now.
 */
class GeneratedFilesTest {
    @TestFactory
    Stream<DynamicTest> everyGeneratedFileIsUpToDate() {
        Map<Path, String> expected = GeneratedFiles.expected(ProjectFolder.ROOT);
        return expected.entrySet().stream().map(file -> DynamicTest.dynamicTest(ProjectFolder.ROOT.relativize(file.getKey()).toString(), () ->
                assertEquals(file.getValue(), Files.readString(file.getKey(), StandardCharsets.UTF_8),
                        ProjectFolder.ROOT.relativize(file.getKey()) + " is stale: regenerate it with `" + GeneratedFiles.COMMAND
                                + "` and review the diff")));
    }
}
