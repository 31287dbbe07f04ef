package io.github.infrahubbackup.chartkit.testing;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintCommand;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one way the tests run real Helm (helm-java, in process): on a chart folder they own, either
 * written for the test (a throwaway chart that prints what the test compares) or a copy of a real
 * chart that prints exactly what {@code helm template} prints.
 *
 * <p>helm-java returns the release manifest without hooks, whereas {@code helm template} prints
 * each hook after it. So a real chart is rendered from a copy whose {@code helm.sh/hook*}
 * annotation keys are renamed: its hooks render as plain documents, which {@link #template} then
 * moves after the others (keeping Helm's kind order, which hooks share) and gives their keys back.
 */
public final class HelmChart {
    private static final String HOOK_KEY = "helm.sh/hook";
    private static final String RENAMED_HOOK_KEY = "parity.invalid/hook";
    /**
     * The Kubernetes version Helm renders for: the oldest the chart accepts (Chart.yaml's
     * kubeVersion). helm-java's Helm is built without the flags of Helm's own build, so its default
     * is v1.20.0, which the chart refuses; the helm command's default is the Kubernetes of its
     * client-go, newer. No template reads .Capabilities (ChartYamlTest), so every accepted version prints the same.
     */
    public static final String KUBE_VERSION = "v1.25.0";

    private final Path folder;

    private HelmChart(Path folder) {
        this.folder = folder;
    }

    /**
     * A throwaway chart {@code workFolder/name}: a Chart.yaml (apiVersion v2, version 0.1.0) and
     * the given files, by their path in the chart ({@code templates/dump.yaml}, {@code values.yaml}).
     */
    public static HelmChart write(Path workFolder, String name, Map<String, String> files) {
        Path chart = workFolder.resolve(name);
        try {
            Files.createDirectories(chart.resolve("templates"));
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = chart.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HelmChart(chart);
    }

    /** A copy of a real chart in {@code workFolder}, under the chart folder's own name. */
    public static HelmChart copyOf(Path chartFolder, Path workFolder) {
        Path copy = workFolder.resolve(chartFolder.getFileName());
        copyRenamingHooks(chartFolder, copy);
        return new HelmChart(copy);
    }

    /**
     * A copy of an umbrella chart whose {@code charts/} folder gets a copy of {@code subchart} under
     * {@code subchartFolderName}: the umbrella's dependency is then met without a repository.
     */
    public static HelmChart umbrellaOf(Path umbrellaFolder, Path subchart, String subchartFolderName, Path workFolder) {
        Path copy = workFolder.resolve(umbrellaFolder.getFileName());
        copyRenamingHooks(umbrellaFolder, copy);
        copyRenamingHooks(subchart, copy.resolve("charts").resolve(subchartFolderName));
        return new HelmChart(copy);
    }

    /** helm-java's {@code helm lint} on a chart folder as it is: linting only reads the chart, so no copy is made. */
    public static LintCommand lint(Path chartFolder) {
        return new Helm(chartFolder).lint();
    }

    /** A chart this test made, as a folder or a packaged {@code .tgz}, used as it is. */
    public static HelmChart at(Path chartOrArchive) {
        return new HelmChart(chartOrArchive);
    }

    /** The chart's folder (or archive, for {@link #at}). */
    public Path folder() {
        return folder;
    }

    /** helm-java's {@code helm template} on this chart, to configure (name, values, --set) and call. */
    public TemplateCommand command() {
        return new Helm(folder).template().withKubeVersion(KUBE_VERSION);
    }

    /** What {@code helm template RELEASE CHART -n NAMESPACE -f FILE...} prints. */
    public String template(String release, String namespace, List<Path> valuesFiles) {
        TemplateCommand command = command().withName(release).withNamespace(namespace);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        // helm-java returns null for a release without objects, where `helm template` prints an empty line.
        String manifest = command.call();
        return asHelmTemplatePrints(manifest == null ? "" : manifest);
    }

    /**
     * What {@code helm install RELEASE CHART -n NAMESPACE -f FILE... --dry-run} prints from its
     * "NOTES:" line to the end, or "" when Helm prints no notes. {@code helm template} never prints
     * notes; an install without a cluster (helm-java's client-only dry run) renders them as a real
     * install does: only the top chart's NOTES.txt, printed with the white space around it trimmed.
     */
    public String installNotes(String release, String namespace, List<Path> valuesFiles) {
        InstallCommand command = new Helm(folder).install().withKubeVersion(KUBE_VERSION).withName(release).withNamespace(namespace).dryRun().clientOnly();
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        String output = command.call().getOutput();
        int notes = output.indexOf("\nNOTES:\n");
        return notes < 0 ? "" : output.substring(notes + 1);
    }

    /** Deletes the chart's work folder and everything in it (for charts outside a JUnit @TempDir). */
    public void deleteWorkFolder() {
        try (Stream<Path> paths = Files.walk(folder.getParent())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the documents with renamed hook keys after the others and names the keys back. */
    static String asHelmTemplatePrints(String manifest) {
        List<String> plain = new ArrayList<>();
        List<String> hooks = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\n")) {
            if (document.isEmpty()) {
                continue;
            }
            (document.contains(RENAMED_HOOK_KEY) ? hooks : plain).add(document.replace(RENAMED_HOOK_KEY, HOOK_KEY));
        }
        StringBuilder out = new StringBuilder();
        plain.forEach(document -> out.append("---\n").append(document));
        String text = out.toString().strip() + "\n";
        StringBuilder all = new StringBuilder(text.equals("\n") ? "\n" : text);
        hooks.forEach(document -> all.append("---\n").append(document));
        return all.toString();
    }

    private static void copyRenamingHooks(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.toString().endsWith(".yaml") || source.toString().endsWith(".tpl")) {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    Files.writeString(target, text.replace(HOOK_KEY, RENAMED_HOOK_KEY), StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
