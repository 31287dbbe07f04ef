package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm renders the Go chart to the same bytes as every golden file, and lints it clean. */
@Tag("helm")
class HelmParityTest {
    @TempDir
    static Path work;

    private static HelmChart helm;
    private static HelmChart umbrella;

    @BeforeAll
    static void copyCharts() throws java.io.IOException {
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("standalone")));
        umbrella = HelmChart.umbrellaOf(ProjectFolder.UMBRELLA, ProjectFolder.CHART, InfrahubBackupChart.load().name(),
                Files.createDirectories(work.resolve("umbrella")));
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = HelmChart.lint(ProjectFolder.CHART).strict().call();
        assertEquals(List.of(), result.getMessages(), "helm lint --strict messages");
        assertTrue(!result.isFailed(), "helm lint --strict failed");
    }

    @Test
    void helmRefusesKubernetesOlderThanKubeVersionAndAcceptsManagedClusterVersions() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> helm.command().withKubeVersion("v1.24.17").withName("prod").call());
        assertTrue(refused.getMessage().contains("chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.24.17"), refused.getMessage());
        assertTrue(helm.command().withKubeVersion("v1.27.4-eks-2d98532").withName("prod").call().contains("kind: Role"));
        assertEquals("v1.25.0", HelmChart.KUBE_VERSION, "the tests give Helm the oldest Kubernetes the chart accepts (ChartYamlTest ties 1.25 to kubeVersion)");
    }

    @TestFactory
    Stream<DynamicTest> helmRendersUpstreamValuesFilesAsTheLibraryDoes() throws java.io.IOException {
        // README's "Move from the upstream chart": upstream's values files (UpstreamValues) render the same with both.
        Path folder = Files.createDirectories(work.resolve("upstream-values"));
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return UpstreamValues.OVERLAYS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<Path> files = UpstreamValues.files(folder, name);
            String library = chart.render(UpstreamValues.values(files), Release.named("prod").in("infrahub")).yaml();
            assertEquals(library, helm.template("prod", "infrahub", files), "helm template -f upstream defaults -f " + name);
        }));
    }

    @TestFactory
    Stream<DynamicTest> helmPrintsEveryGoldenFile() {
        GoldenFiles golden = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN);
        return golden.scenarios().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    String expected = Files.readString(golden.goldenFile(scenario), StandardCharsets.UTF_8);
                    HelmChart runner = scenario.parent().isPresent() ? umbrella : helm;
                    String actual = runner.template(scenario.release().name(), scenario.release().namespace(), List.of(scenario.file()));
                    assertEquals(expected, actual, "helm template of " + scenario.file());
                }));
    }
}
