package io.github.infrahubbackup.chartkit.engine.render;

import java.util.Collection;
import java.util.Map;

/**
 * The chart's own files beside its templates, as templates see them ({@code .Files} in Helm,
 * {@code root.Files} in the Pebble twins). Only the files the chart packages for its templates.
 */
public final class HelmFiles {
    private final Map<String, String> files;

    /** @param files each file's text by its path in the chart, such as {@code tool.yaml} */
    public HelmFiles(Map<String, String> files) {
        this.files = Map.copyOf(files);
    }

    /** Helm's {@code .Files.Get}: the file's text, or "" when the chart has no such file. */
    public String Get(String name) {
        return files.getOrDefault(name, "");
    }

    Collection<String> texts() {
        return files.values();
    }
}
