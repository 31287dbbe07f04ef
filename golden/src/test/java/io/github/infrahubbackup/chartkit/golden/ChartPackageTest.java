package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged chart (core/src/build/java/ChartPackage.java, which the build runs and attaches as
 * {@code infrahub-backup-core-VERSION-helm-chart.tgz}): Helm loads it, renders every golden scenario
 * from it to the golden file, and shows its README and values; it holds exactly the chart's files
 * that Helm keeps (.helmignore), and the same folder packages to the same bytes.
 */
@Tag("helm")
class ChartPackageTest {
    private static final String TIMESTAMP = "2026-12-01T00:00:00Z";

    @TempDir
    static Path work;

    private static Path chartPackage;

    @BeforeAll
    static void packageTheChart() throws Exception {
        chartPackage = pack(ProjectFolder.CHART, work.resolve("infrahub-backup.tgz"));
    }

    /** Runs the build's packager, as core/pom.xml runs it. */
    private static Path pack(Path chart, Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ProjectFolder.ROOT.resolve("core/src/build/java/ChartPackage.java").toString(), chart.toString(), output.toString(), TIMESTAMP)
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), log);
        return output;
    }

    /** The entries of a .tgz (a ustar archive of regular files), by name. */
    private static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(archive)))) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return entries;
                }
                String name = new String(header, 0, 100, StandardCharsets.UTF_8).replaceAll("\0.*", "");
                int size = Integer.parseInt(new String(header, 124, 11, StandardCharsets.US_ASCII), 8);
                entries.put(name, in.readNBytes(size));
                in.readNBytes((512 - size % 512) % 512);
            }
        }
    }

    @Test
    void theSameFolderPackagesToTheSameBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(chartPackage), Files.readAllBytes(pack(ProjectFolder.CHART, work.resolve("again.tgz"))));
    }

    @Test
    void thePackageHoldsTheChartsFilesButWhatHelmIgnores() throws IOException {
        Map<String, byte[]> expected = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ProjectFolder.CHART)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = ProjectFolder.CHART.relativize(file).toString().replace('\\', '/');
                if (!name.equals("chart-kit.yaml")) {
                    expected.put("infrahub-backup/" + name, Files.readAllBytes(file));
                }
            }
        }
        Map<String, byte[]> actual = entries(chartPackage);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "the package's entries (chart-kit.yaml is in .helmignore)");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
        Path built = ProjectFolder.ROOT.resolve("core/target/infrahub-backup-chart.tgz");
        if (Files.exists(built)) {
            // The build's package (present after core's package phase) holds the same files.
            Map<String, byte[]> fromBuild = entries(built);
            assertEquals(List.copyOf(actual.keySet()), List.copyOf(fromBuild.keySet()), built.toString());
            actual.forEach((name, bytes) -> assertArrayEquals(bytes, fromBuild.get(name), built + ": " + name));
        }
    }

    @Test
    void helmShowsTheReadmeAndValuesOfThePackage() throws IOException {
        Helm helm = new Helm(chartPackage);
        // helm show prints the file and a line end.
        assertEquals(Files.readString(ProjectFolder.CHART.resolve("README.md"), StandardCharsets.UTF_8) + "\n", helm.show().readme().call());
        assertEquals(Files.readString(ProjectFolder.CHART.resolve("values.yaml"), StandardCharsets.UTF_8) + "\n", helm.show().values().call());
        assertTrue(helm.show().chart().call().contains("kubeVersion: '>=1.25.0-0'"));
    }

    @Test
    void helmRendersAScenarioFromThePackageAsItIs() throws IOException {
        // No hook in this scenario: the package renders as built, without the hook renaming below.
        String expected = Files.readString(ProjectFolder.GOLDEN.resolve("backup-cronjob-s3.yaml"), StandardCharsets.UTF_8);
        assertEquals(expected, HelmChart.at(chartPackage).template("prod", "infrahub", List.of(ProjectFolder.SCENARIOS.resolve("backup-cronjob-s3.yaml"))));
    }

    @TestFactory
    Stream<DynamicTest> helmRendersEveryGoldenScenarioFromAPackage() throws Exception {
        // helm-java returns no hooks, so the package is made from the copy whose hook keys HelmChart renames.
        Path standalone = Files.createDirectories(work.resolve("standalone"));
        HelmChart copy = HelmChart.copyOf(ProjectFolder.CHART, standalone);
        HelmChart packaged = HelmChart.at(pack(copy.folder(), standalone.resolve("infrahub-backup.tgz")));
        // The umbrella holds the package in charts/, as `helm dependency build` leaves it.
        String name = InfrahubBackupChart.load().name();
        Path umbrellaWork = Files.createDirectories(work.resolve("umbrella"));
        HelmChart umbrella = HelmChart.umbrellaOf(ProjectFolder.UMBRELLA, ProjectFolder.CHART, name, umbrellaWork);
        Path subchart = umbrella.folder().resolve("charts").resolve(name);
        try (Stream<Path> paths = Files.walk(subchart)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.copy(packaged.folder(), umbrella.folder().resolve("charts").resolve(name + ".tgz"));
        GoldenFiles golden = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN);
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario scenario : golden.scenarios()) {
            tests.add(DynamicTest.dynamicTest(scenario.name(), () -> {
                HelmChart runner = scenario.parent().isPresent() ? umbrella : packaged;
                assertEquals(Files.readString(golden.goldenFile(scenario), StandardCharsets.UTF_8),
                        runner.template(scenario.release().name(), scenario.release().namespace(), List.of(scenario.file())),
                        "helm template of the package with " + scenario.file());
            }));
        }
        return tests.stream();
    }
}
