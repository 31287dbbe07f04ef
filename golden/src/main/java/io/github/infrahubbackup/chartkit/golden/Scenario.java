package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Rendering;
import io.github.infrahubbackup.chartkit.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One values file and how to render it. The release name, namespace and umbrella chart default to
 * the folder's settings; a file overrides them with comment lines at its top:
 *
 * <pre>
 * # release: a-much-longer-release-name
 * # namespace: staging
 * # parent: infrahub-stack
 * # parent-key: infrahub-backup
 * </pre>
 *
 * @param file      the values file
 * @param name      its base name without {@code .yaml}: the golden file's name
 * @param release   the release name and namespace to render with
 * @param parent    the umbrella chart whose values the file holds, if any
 * @param parentKey the key of this chart's values in the umbrella's values (default: the chart's name)
 */
public record Scenario(Path file, String name, Release release, Optional<String> parent, String parentKey) {

    /** Reads a values file's settings, defaulting to the given release. */
    public static Scenario read(Path file, Release defaults) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String release = defaults.name();
        String namespace = defaults.namespace();
        String parent = null;
        String parentKey = InfrahubBackupChart.load().name();
        for (String line : header(file)) {
            String setting = line.substring(1).strip();
            int colon = setting.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = setting.substring(0, colon).strip();
            String value = setting.substring(colon + 1).strip();
            switch (key) {
                case "release" -> release = value;
                case "namespace" -> namespace = value;
                case "parent" -> parent = value;
                case "parent-key" -> parentKey = value;
                default -> {
                    // Other comments describe the scenario.
                }
            }
        }
        return new Scenario(file, name, Release.named(release).in(namespace), Optional.ofNullable(parent), parentKey);
    }

    /** The leading comment lines of the file. */
    private static List<String> header(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .takeWhile(line -> line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file's values, read as its settings say. */
    public Values values() {
        Values.Builder builder = Values.builder().file(file);
        parent.ifPresent(chart -> builder.parent(chart, parentKey));
        return builder.build();
    }

    /** Renders the scenario with the bundled chart. */
    public Rendering render(InfrahubBackupChart chart) {
        return chart.render(values(), release);
    }
}
