package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Problem;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Validation;
import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An older image of the tool is accepted exactly when it has every flag the values turn on (the
 * first release of each flag, read from the tool's git tags, is in tool.yaml): the image of the
 * upstream chart 1.2.1 (1.7.4) runs local storage, encryption and restore --force, and releases
 * older than a flag are refused by the library and by Helm, naming the flag and its release (and
 * releases before 1.3.0, which read no s3:// archive, for a restore from S3).
 */
@Tag("helm")
class ImageTagGateTest {
    private static final InfrahubBackupChart CHART = InfrahubBackupChart.load();
    private static final Release RELEASE = Release.named("prod").in("infrahub");
    private static final ToolContract TOOL = ToolContract.bundled();
    /** Releases of the tool with a git tag, and the forms a tag is written in. */
    private static final List<String> RELEASES = List.of(
            "0.0.1", "0.0.3", "0.0.7", "1.0.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.7.0", "1.7.4", "v1.7.4");

    private static final String LOCAL_BACKUP = """
            backup:
              enabled: true
              storage:
                type: local
            """;
    private static final String ENCRYPTED_BACKUP = """
            backup:
              enabled: true
              storage:
                s3:
                  bucket: infrahub-backups
              encryption:
                enabled: true
                publicKey:
                  secretName: backup-public-key
            """;
    private static final String S3_RESTORE = """
            restore:
              enabled: true
              storage:
                s3:
                  bucket: infrahub-backups
                  key: prod/infrahub_backup_20261201_021500.tar.gz
            """;
    private static final String FORCED_RESTORE = S3_RESTORE + "  options:\n    force: true\n";
    private static final String STAGING_RESTORE = S3_RESTORE + "  options:\n    resetDeploymentId: true\n";

    @TempDir
    static Path work;

    private static HelmChart helm;

    @BeforeAll
    static void copyTheChart() {
        helm = HelmChart.copyOf(ProjectFolder.CHART, work.resolve("chart"));
    }

    @ParameterizedTest(name = "1.7.4 runs {0}")
    @ValueSource(strings = {"local", "encrypted", "forced restore", "staging restore"})
    void theUpstreamChartsImageRunsWhatItHas(String what) throws IOException {
        String values = withTag("1.7.4", what);
        Validation validation = CHART.validate(values(values));
        assertTrue(validation.isValid(), () -> "1.7.4 with " + what + " is refused: " + validation);
        String pebble = CHART.render(validation, RELEASE).yaml();
        assertEquals(helm.template(RELEASE.name(), RELEASE.namespace(), List.of(file(values))), pebble,
                "Helm and the library render 1.7.4 with " + what + " alike");
        assertEquals(List.of(), TOOL.problems(pebble, java.util.Set.of()),
                "every argument rendered for 1.7.4 with " + what + " is one that release accepts");
    }

    @ParameterizedTest(name = "{0} refuses --{2} (since {3})")
    @CsvSource({
        "1.2.0, local,           sleep,               1.3.0, backup.options.sleep",
        "1.4.0, encrypted,       encrypt-key,         1.5.0, backup.encryption.publicKey",
        "1.6.0, staging restore, reset-deployment-id, 1.7.0, restore.options.resetDeploymentId",
        "1.5.0, forced restore,  force,               1.6.0, restore.options.force",
        "1.2.0, restore from s3, ,                    1.3.0, restore.storage.s3.key",
    })
    void anOlderReleaseIsRefusedNamingTheFlagAndItsRelease(String tag, String what, String flag, String since, String value)
            throws IOException {
        String values = withTag(tag, what);
        // An s3:// archive is an argument, not a flag: releases before 1.3.0 read a file path only.
        String accepts = flag == null ? "restore an s3:// archive" : "accept --" + flag;
        String expected = tag + " is older than " + since + ", the first release of the tool known to " + accepts
                + ", which " + value + " turns on";

        Validation validation = CHART.validate(values(values));
        assertFalse(validation.isValid(), tag + " with " + what + " must be refused");
        Problem problem = validation.problems().get(0);
        assertEquals("image.tag", problem.path());
        assertTrue(problem.message().contains(expected), () -> "the library says: " + problem.message());

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> helm.template(RELEASE.name(), RELEASE.namespace(), List.of(file(values))));
        assertTrue(String.valueOf(refused.getMessage()).contains(expected), () -> "Helm says: " + refused.getMessage());
    }

    /**
     * Every scenario on every tagged release of the tool: Helm and the library render it alike or
     * refuse it alike, and what they render is a command line that release accepts.
     */
    @TestFactory
    Stream<DynamicTest> everyScenarioOnEveryReleaseAgreesWithHelmAndTheTool() throws IOException {
        GoldenFiles golden = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN);
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario scenario : golden.scenarios()) {
            if (scenario.parent().isPresent()) {
                continue; // an umbrella's values: the same chart, with its section one level down
            }
            for (String tag : RELEASES) {
                tests.add(DynamicTest.dynamicTest(scenario.name() + " on " + tag, () -> {
                    Path image = file("image:\n  tag: \"" + tag + "\"\n");
                    Values values = Values.builder().file(scenario.file()).file(image).build();
                    Validation validation = CHART.validate(values);
                    String helmText = null;
                    String helmError = null;
                    try {
                        helmText = helm.template(scenario.release().name(), scenario.release().namespace(),
                                List.of(scenario.file(), image));
                    } catch (RuntimeException e) {
                        helmError = String.valueOf(e.getMessage());
                    }
                    if (validation.isValid()) {
                        assertEquals(null, helmError, "the library renders " + tag + ", Helm refuses it");
                        String pebble = CHART.render(validation, scenario.release()).yaml();
                        assertEquals(helmText, pebble, "Helm and the library render " + tag + " alike");
                        Map<String, Object> own = values.asMap();
                        assertEquals(List.of(), TOOL.problems(pebble, ToolContract.userEnv(own)),
                                "what the chart renders for image " + tag + " is a command line that release accepts");
                    } else {
                        Problem problem = validation.problems().get(0);
                        String sentence = problem.message().startsWith(problem.path() + ": ")
                                ? problem.message().substring(problem.path().length() + 2) : problem.message();
                        String helmSays = helmError;
                        assertTrue(helmSays != null && helmSays.contains(sentence),
                                () -> "the library refuses " + tag + " (" + problem + "); Helm says: " + helmSays);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Values that turn on {@code what}, on the image {@code tag}. */
    private static String withTag(String tag, String what) {
        return "image:\n  tag: \"" + tag + "\"\n" + switch (what) {
            case "local" -> LOCAL_BACKUP;
            case "encrypted" -> ENCRYPTED_BACKUP;
            case "forced restore" -> FORCED_RESTORE;
            case "restore from s3" -> S3_RESTORE;
            case "staging restore" -> STAGING_RESTORE;
            default -> throw new IllegalArgumentException("no values for " + what);
        };
    }

    private static Values values(String yaml) {
        return Values.builder().yaml("values.yaml", yaml).build();
    }

    private static Path file(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(work, "values", ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
