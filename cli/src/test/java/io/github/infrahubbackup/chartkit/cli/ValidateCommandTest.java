package io.github.infrahubbackup.chartkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path INVALID = ProjectFolder.INVALID;
    private static final Path SCENARIOS = ProjectFolder.SCENARIOS;

    private static Stream<Path> yamlFiles(Path folder) throws IOException {
        return Files.list(folder).filter(file -> file.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void aTypoGetsOneLineNamingFileLineColumnKeyAndTheKeyMeant(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("values.yaml"), "backup:\n  enabled: true\n  schedul: \"0 3 * * *\"\n"
                + "  storage:\n    s3:\n      bucket: b\n");
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", file.toString());
        assertEquals(1, result.exitCode());
        assertEquals(file + ":3:3: backup.schedul: unknown key \"schedul\": the chart does not read it; remove it or"
                + " correct its name (did you mean schedule?)\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void validValuesExitZeroSilently() {
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", SCENARIOS.resolve("everything-set.yaml").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out() + result.err());
    }

    @Test
    void setArgumentsAreValidatedAndNamedAsTheSource() {
        CliTestSupport.Result result = CliTestSupport.run("validate", "--set", "backup.mode=weekly");
        assertEquals(1, result.exitCode());
        assertEquals("--set backup.mode=weekly:1:1: backup.mode: must be one of job, cronjob\n", result.err());
    }

    @Test
    void malformedSetIsReportedNotThrown() {
        CliTestSupport.Result result = CliTestSupport.run("template", "--set", "backup.enabled");
        assertEquals(1, result.exitCode());
        assertEquals("--set backup.enabled:1:1: failed parsing --set data \"backup.enabled\": key \"enabled\" has no value\n",
                result.err());
        assertEquals("", result.out());
    }

    @Test
    void aMissingFileIsReported() {
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", "/nonexistent/values.yaml");
        assertEquals(3, result.exitCode(), "a file that cannot be read is not invalid values");
        assertEquals("error: /nonexistent/values.yaml: no such file: check the path\n", result.err());
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() {
        assertEquals(2, CliTestSupport.run("template", "--no-such-option").exitCode());
        assertEquals(2, CliTestSupport.run("frobnicate").exitCode());
        assertEquals(2, CliTestSupport.run().exitCode());
    }

    @Test
    void schemaPrintsTheBundledSchema() throws IOException {
        CliTestSupport.Result result = CliTestSupport.run("schema");
        assertEquals(0, result.exitCode());
        assertEquals(Files.readString(ProjectFolder.SCHEMA, StandardCharsets.UTF_8), result.out());
    }

    /** Every invalid example: exit 1, problems in FILE:LINE:COL form, nothing on stdout, never a stack trace. */
    @TestFactory
    Stream<DynamicTest> everyInvalidExampleIsRefusedCleanlyByValidateAndTemplate() throws IOException {
        return yamlFiles(INVALID).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            for (String command : new String[] {"validate", "template"}) {
                CliTestSupport.Result result = CliTestSupport.run(command, "-f", file.toString());
                assertEquals(1, result.exitCode(), command + ": " + result.err());
                assertEquals("", result.out(), command + " printed to stdout");
                for (String line : result.err().split("\n")) {
                    assertTrue(line.startsWith(file + ":") && line.matches(".*?:\\d+:\\d+: .*"), command + ": " + line);
                }
                assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result.err());
            }
        }));
    }

    @Test
    void outputDirIsWrittenWholeOrNotAtAll(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("out");
        CliTestSupport.Result refused = CliTestSupport.run("template", "--output-dir", out.toString(),
                "-f", INVALID.resolve("typo-top-level-key.yaml").toString());
        assertEquals(1, refused.exitCode());
        assertFalse(Files.exists(out), "nothing written for invalid values");

        CliTestSupport.Result written = CliTestSupport.run("template", "prod", "--output-dir", out.toString(),
                "-f", SCENARIOS.resolve("backup-job-s3.yaml").toString());
        assertEquals(0, written.exitCode(), written.err());
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(4, files.filter(Files::isRegularFile).count());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no staging folder left behind");
        }
    }
}
