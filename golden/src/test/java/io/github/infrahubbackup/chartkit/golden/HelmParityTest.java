package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm renders the Go chart to the same bytes as every golden file, and lints it clean. */
class HelmParityTest {
    @TempDir
    static Path work;

    private static HelmRunner helm;
    private static HelmRunner umbrella;

    @BeforeAll
    static void copyCharts() throws java.io.IOException {
        helm = HelmRunner.forChart(Project.CHART, Files.createDirectories(work.resolve("standalone")));
        umbrella = HelmRunner.forUmbrella(Project.UMBRELLA, Project.CHART, InfrahubBackupChart.load().name(),
                Files.createDirectories(work.resolve("umbrella")));
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(Project.CHART).lint().strict().call();
        assertEquals(List.of(), result.getMessages(), "helm lint --strict messages");
        assertTrue(!result.isFailed(), "helm lint --strict failed");
    }

    @TestFactory
    Stream<DynamicTest> helmPrintsEveryGoldenFile() {
        GoldenFiles golden = GoldenFiles.of(Project.SCENARIOS, Project.GOLDEN);
        return golden.scenarios().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    String expected = Files.readString(golden.goldenFile(scenario), StandardCharsets.UTF_8);
                    HelmRunner runner = scenario.parent().isPresent() ? umbrella : helm;
                    String actual = runner.template(scenario.release().name(), scenario.release().namespace(), List.of(scenario.file()));
                    assertEquals(expected, actual, "helm template of " + scenario.file());
                }));
    }
}
