package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes ({@code templates/NOTES.txt} and its Pebble twin) for every scenario, as real Helm
 * prints them. {@code helm template} does not print notes, so the golden files cannot hold them:
 * each scenario is installed with Helm's client-only dry run, which renders the chart as an install
 * does and prints its notes, and the library's {@code Rendering.notes()} must equal that text.
 */
@Tag("helm")
class NotesParityTest {
    @TempDir
    static Path work;

    private static HelmChart helm;
    private static HelmChart umbrella;

    @BeforeAll
    static void copyCharts() throws IOException {
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("standalone")));
        umbrella = HelmChart.umbrellaOf(ProjectFolder.UMBRELLA, ProjectFolder.CHART, InfrahubBackupChart.load().name(),
                Files.createDirectories(work.resolve("umbrella")));
    }

    @TestFactory
    Stream<DynamicTest> libraryNotesAreWhatHelmInstallPrints() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN).scenarios().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    HelmChart runner = scenario.parent().isPresent() ? umbrella : helm;
                    String helmNotes = runner.installNotes(scenario.release().name(), scenario.release().namespace(), List.of(scenario.file()));
                    String notes = scenario.render(chart).notes();
                    // A standalone release always has notes; an umbrella prints its own (it has none), not its subchart's.
                    assertEquals(scenario.parent().isEmpty(), !notes.isEmpty(), "whether " + scenario.file() + " has notes");
                    assertEquals(helmNotes, notes.isEmpty() ? "" : "NOTES:\n" + notes, "notes of " + scenario.file());
                }));
    }

    @TestFactory
    Stream<DynamicTest> notesOfUpstreamValuesFilesAreWhatHelmInstallPrints() throws IOException {
        // More shapes than the scenarios: each upstream mode over upstream's defaults (UpstreamValues).
        Path folder = Files.createDirectories(work.resolve("upstream-values"));
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return UpstreamValues.OVERLAYS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<Path> files = UpstreamValues.files(folder, name);
            String notes = chart.render(UpstreamValues.values(files), Release.named("prod").in("infrahub")).notes();
            assertEquals(helm.installNotes("prod", "infrahub", files), "NOTES:\n" + notes, "notes of upstream defaults with " + name);
        }));
    }

    @TestFactory
    Stream<DynamicTest> notesNameEveryObjectTheReleaseMakes() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN).scenarios().stream()
                .filter(scenario -> scenario.parent().isEmpty())
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    var rendering = scenario.render(chart);
                    for (var manifest : rendering.manifests()) {
                        assertTrue(rendering.notes().contains(manifest.kind() + " " + manifest.name())
                                        || manifest.kind().equals("Role") && rendering.notes().contains("Role and RoleBinding " + manifest.name())
                                        || manifest.kind().equals("RoleBinding") && rendering.notes().contains("Role and RoleBinding " + manifest.name()),
                                "the notes of " + scenario.file() + " name " + manifest.kind() + " " + manifest.name() + ":\n" + rendering.notes());
                    }
                }));
    }
}
