package io.github.infrahubbackup.chartkit;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** A rendered release: its objects in the order {@code helm template} prints them, and that text. Immutable. */
public final class Rendering {
    private final Release release;
    private final List<Manifest> manifests;
    private final String yaml;

    Rendering(Release release, List<Manifest> manifests, String yaml) {
        this.release = release;
        this.manifests = List.copyOf(manifests);
        this.yaml = yaml;
    }

    public Release release() {
        return release;
    }

    /** The rendered objects, manifests first and hooks last, each in Helm's install order of kinds. */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** Exactly what {@code helm template} prints for the same chart, values and release. */
    public String yaml() {
        return yaml;
    }

    /**
     * Only the objects of the given templates, as {@code helm template --show-only} prints them.
     *
     * @param templates template paths inside the chart ({@code templates/role.yaml}), globs allowed
     * @throws IllegalArgumentException naming the first template that matches no rendered object
     */
    public Rendering showOnly(List<String> templates) {
        List<Manifest> selected = new ArrayList<>();
        for (String template : templates) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + template);
            boolean found = false;
            for (Manifest manifest : manifests) {
                String source = manifest.source();
                String inChart = source.substring(source.indexOf('/') + 1);
                if (matcher.matches(Path.of(inChart))) {
                    selected.add(manifest);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("could not find template " + template + " in chart");
            }
        }
        StringBuilder text = new StringBuilder();
        selected.forEach(manifest -> text.append("---\n# Source: ").append(manifest.source()).append('\n')
                .append(manifest.text()).append('\n'));
        return new Rendering(release, selected, text.toString());
    }

    @Override
    public String toString() {
        return yaml;
    }
}
