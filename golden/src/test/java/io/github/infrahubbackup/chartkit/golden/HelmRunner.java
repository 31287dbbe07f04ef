package io.github.infrahubbackup.chartkit.golden;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real Helm (helm-java, in process) rendering a chart, printing what {@code helm template} prints.
 *
 * <p>helm-java returns the release manifest without hooks, whereas {@code helm template} prints
 * each hook after it. So the chart is rendered from a copy whose {@code helm.sh/hook*} annotation
 * keys are renamed: its hooks render as plain documents, which are then moved after the others
 * (keeping Helm's kind order, which hooks share) and given their real keys back.
 */
final class HelmRunner {
    private static final String HOOK_KEY = "helm.sh/hook";
    private static final String RENAMED_HOOK_KEY = "parity.invalid/hook";

    private final Path chart;

    private HelmRunner(Path chart) {
        this.chart = chart;
    }

    /** A runner over a hook-renamed copy of the chart in {@code workFolder}. */
    static HelmRunner forChart(Path chartFolder, Path workFolder) {
        Path copy = workFolder.resolve(chartFolder.getFileName());
        copyRenamingHooks(chartFolder, copy);
        return new HelmRunner(copy);
    }

    /**
     * A runner over an umbrella chart whose {@code charts/} folder gets a hook-renamed copy of
     * {@code subchart}: the umbrella's dependency on it is then satisfied without a repository.
     */
    static HelmRunner forUmbrella(Path umbrellaFolder, Path subchart, String subchartFolderName, Path workFolder) {
        Path copy = workFolder.resolve(umbrellaFolder.getFileName());
        copyRenamingHooks(umbrellaFolder, copy);
        copyRenamingHooks(subchart, copy.resolve("charts").resolve(subchartFolderName));
        return new HelmRunner(copy);
    }

    Path chart() {
        return chart;
    }

    /** What {@code helm template RELEASE CHART -n NAMESPACE -f FILE...} prints. */
    String template(String release, String namespace, List<Path> valuesFiles) {
        TemplateCommand command = new Helm(chart).template().withName(release).withNamespace(namespace);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        // helm-java returns null for a release without objects, where `helm template` prints an empty line.
        String manifest = command.call();
        return asHelmTemplatePrints(manifest == null ? "" : manifest);
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
