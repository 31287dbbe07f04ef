package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The harness as a platform team meets it: missing, approved, matching and mismatching golden files. */
class GoldenFilesTest {
    private static final String BACKUP = """
            backup:
              enabled: true
              mode: cronjob
              storage:
                s3:
                  bucket: team-backups
            """;

    @TempDir
    Path folder;

    @AfterEach
    void stopApproving() {
        System.clearProperty(GoldenFiles.APPROVE_PROPERTY);
    }

    private List<DynamicTest> tests(GoldenFiles golden) {
        return golden.tests().toList();
    }

    @Test
    void aValuesFileWithoutGoldenFileFailsNamingItAndHowToApprove() throws Exception {
        Path values = Files.createDirectories(folder.resolve("values"));
        Files.writeString(values.resolve("team.yaml"), BACKUP);
        DynamicTest test = tests(GoldenFiles.of(values, folder.resolve("golden"))).get(0);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute());
        assertTrue(failure.getMessage().contains("no golden file " + folder.resolve("golden/team.yaml")), failure.getMessage());
        assertTrue(failure.getMessage().contains(values.resolve("team.yaml").toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dgolden.approve=true"), failure.getMessage());
    }

    @Test
    void approvingWritesWhatTheChartRendersAndThenTheTestPasses() throws Throwable {
        Path values = Files.createDirectories(folder.resolve("values"));
        Files.writeString(values.resolve("team.yaml"), BACKUP);
        GoldenFiles golden = GoldenFiles.of(values, folder.resolve("golden"));

        System.setProperty(GoldenFiles.APPROVE_PROPERTY, "true");
        tests(golden).get(0).getExecutable().execute();
        System.clearProperty(GoldenFiles.APPROVE_PROPERTY);

        String written = Files.readString(folder.resolve("golden/team.yaml"), StandardCharsets.UTF_8);
        String expected = InfrahubBackupChart.load()
                .render(io.github.infrahubbackup.chartkit.Values.builder().yaml("team", BACKUP).build(),
                        Release.named("prod").in("infrahub"))
                .yaml();
        assertEquals(expected, written);
        tests(golden).get(0).getExecutable().execute();
    }

    @Test
    void aMismatchNamesTheFirstDifferingLineAndItsDocument() throws Exception {
        Path values = Files.createDirectories(folder.resolve("values"));
        Path goldenFolder = Files.createDirectories(folder.resolve("golden"));
        Files.writeString(values.resolve("team.yaml"), BACKUP);
        String rendered = InfrahubBackupChart.load()
                .render(io.github.infrahubbackup.chartkit.Values.builder().yaml("team", BACKUP).build(),
                        Release.named("prod").in("infrahub"))
                .yaml();
        Files.writeString(goldenFolder.resolve("team.yaml"), rendered.replace("team-backups", "old-bucket"));

        DynamicTest test = tests(GoldenFiles.of(values, goldenFolder)).get(0);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute());
        assertTrue(failure.getMessage().contains("in infrahub-backup/templates/cronjob-backup.yaml"), failure.getMessage());
        assertTrue(failure.getMessage().matches("(?s).*\\d - +value: \"old-bucket\".*"), failure.getMessage());
        assertTrue(failure.getMessage().matches("(?s).*\\d \\+ +value: \"team-backups\".*"), failure.getMessage());
        assertTrue(Files.exists(goldenFolder.resolve("team.received.yaml")), "received file beside the golden file");
    }

    @Test
    void releaseNamespaceAndParentComeFromTheFolderOrTheFile() throws Exception {
        Path values = Files.createDirectories(folder.resolve("values"));
        Files.writeString(values.resolve("a.yaml"), BACKUP);
        Files.writeString(values.resolve("b.yaml"), "# release: other\n# namespace: ops\n# parent: stack\n" + BACKUP);
        List<Scenario> scenarios = GoldenFiles.of(values, folder).release(Release.named("team").in("apps")).scenarios();
        assertEquals(Release.named("team").in("apps"), scenarios.get(0).release());
        assertEquals(Release.named("other").in("ops"), scenarios.get(1).release());
        assertEquals("stack", scenarios.get(1).parent().orElseThrow());
    }
}
