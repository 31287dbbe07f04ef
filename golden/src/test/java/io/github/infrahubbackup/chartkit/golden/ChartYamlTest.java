package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What Chart.yaml says about the world: the oldest Kubernetes that accepts what the chart renders
 * (kubeVersion), and the Artifact Hub annotations, held to the facts they restate.
 */
class ChartYamlTest {
    private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()));

    private static Map<?, ?> chartYaml() throws IOException {
        return (Map<?, ?>) YAML.load(Files.readString(ProjectFolder.CHART.resolve("Chart.yaml"), StandardCharsets.UTF_8));
    }

    /** kubernetes-fields.txt: each rendered field and the first Kubernetes release (minor of 1.x) that accepts it. */
    private static Map<String, String> knownFields() throws IOException {
        Map<String, String> fields = new TreeMap<>();
        try (InputStream in = ChartYamlTest.class.getResourceAsStream("/kubernetes-fields.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int since = line.lastIndexOf(' ');
                    fields.put(line.substring(0, since), line.substring(since + 1));
                }
            }
        }
        return fields;
    }

    /** "apiVersion Kind .path" of every field of every golden file, list items as [], the user's label and selector keys left out. */
    private static TreeSet<String> renderedFields() throws IOException {
        TreeSet<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.list(ProjectFolder.GOLDEN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : YAML.loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (document instanceof Map<?, ?> object) {
                        walk(object.get("apiVersion") + " " + object.get("kind"), object, "", fields);
                    }
                }
            }
        }
        return fields;
    }

    private static void walk(String kind, Object node, String path, TreeSet<String> fields) {
        if (node instanceof Map<?, ?> map) {
            if (path.endsWith(".labels") || path.endsWith(".annotations") || path.endsWith(".nodeSelector") || path.contains(".affinity")) {
                return;
            }
            map.forEach((key, value) -> walk(kind, value, path + "." + key, fields));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(kind, item, path + "[]", fields));
        } else {
            fields.add(kind + " " + path);
        }
    }

    @Test
    void everyRenderedFieldHasTheReleaseThatAcceptsIt() throws IOException {
        Map<String, String> known = knownFields();
        List<String> unknown = new ArrayList<>(renderedFields());
        unknown.removeAll(known.keySet());
        assertEquals(List.of(), unknown, "fields the golden files render that kubernetes-fields.txt does not list: add each with its first Kubernetes release");
        List<String> stale = new ArrayList<>(known.keySet());
        stale.removeAll(renderedFields());
        assertEquals(List.of(), stale, "fields kubernetes-fields.txt lists that no golden file renders");
    }

    @Test
    void kubeVersionIsTheNewestReleaseTheRenderedFieldsNeed() throws IOException {
        int newest = knownFields().values().stream().filter(since -> !since.equals("crd"))
                .mapToInt(since -> Integer.parseInt(since.substring("1.".length()))).max().orElseThrow();
        assertEquals(25, newest, "a CronJob's spec.timeZone is the newest field (1.25)");
        assertEquals(">=1." + newest + ".0-0", chartYaml().get("kubeVersion"), "Chart.yaml's kubeVersion");
        String chartReadme = Files.readString(ProjectFolder.CHART.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(chartReadme.contains("Kubernetes 1." + newest + " or later"), "the chart README states the same Kubernetes version");
    }

    @Test
    void noTemplateDependsOnTheKubernetesVersion() throws IOException {
        // So that the Kubernetes version the tests give Helm (HelmChart.KUBE_VERSION) changes nothing Helm prints.
        try (Stream<Path> files = Files.list(ProjectFolder.CHART.resolve("templates"))) {
            for (Path file : files.toList()) {
                assertTrue(!Files.readString(file, StandardCharsets.UTF_8).contains(".Capabilities"), file + " reads .Capabilities");
            }
        }
    }

    @Test
    void artifactHubShowsTheDefaultImageAndTheLicence() throws IOException {
        Map<?, ?> chart = chartYaml();
        Map<?, ?> annotations = (Map<?, ?>) chart.get("annotations");
        List<?> images = (List<?>) YAML.load((String) annotations.get("artifacthub.io/images"));
        Map<?, ?> image = (Map<?, ?>) ((Map<?, ?>) InfrahubBackupChart.load().defaults().get("image"));
        assertEquals(List.of(Map.of("name", "infrahub-backup", "image", image.get("repository") + ":" + chart.get("appVersion"))), images,
                "artifacthub.io/images: the image values.yaml and appVersion run by default");
        assertEquals("Apache-2.0", annotations.get("artifacthub.io/license"));
        assertTrue(Files.readString(ProjectFolder.ROOT.resolve("LICENSE"), StandardCharsets.UTF_8).strip().startsWith("Apache License\n                           Version 2.0"),
                "LICENSE is the Apache License 2.0");
        for (String list : List.of("artifacthub.io/changes", "artifacthub.io/links")) {
            assertTrue(YAML.load((String) annotations.get(list)) instanceof List<?> entries && !entries.isEmpty(), list + " is a YAML list");
        }
    }

    @Test
    void thePomAndChartYamlNameTheSameLicenceAndHome() throws IOException {
        // The Maven artifacts (parent pom, inherited) and the chart (Artifact Hub) are one project.
        String pom = Files.readString(ProjectFolder.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Map<?, ?> chart = chartYaml();
        assertTrue(pom.contains("<license>\n      <!--") && pom.contains("<name>" + ((Map<?, ?>) chart.get("annotations")).get("artifacthub.io/license") + "</name>"),
                "pom.xml's licence is Chart.yaml's artifacthub.io/license");
        assertTrue(pom.contains("<url>" + chart.get("home") + "</url>"), "pom.xml's url is Chart.yaml's home");
        assertTrue(((List<?>) chart.get("sources")).contains(chart.get("home")), "Chart.yaml's sources hold its home");
    }

    @Test
    void theLibraryStillReadsChartYaml() throws IOException {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        assertEquals(chartYaml().get("version"), chart.version());
        assertEquals(chartYaml().get("appVersion"), chart.appVersion());
    }
}
