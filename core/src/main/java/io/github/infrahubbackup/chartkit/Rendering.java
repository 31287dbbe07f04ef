package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.text.GoPathMatch;
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
     * @param templates template paths inside the chart ({@code templates/role.yaml}), with the
     *                  wildcards of Go's {@code filepath.Match} ({@code *}, {@code ?}, {@code [a-z]}, {@code [^a-z]})
     * @throws IllegalArgumentException naming the first template that matches no rendered object,
     *                                  and the templates that did render objects
     */
    public Rendering showOnly(List<String> templates) {
        List<Manifest> selected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Manifest manifest : manifests) {
            String source = manifest.source();
            String inChart = source.substring(source.indexOf('/') + 1);
            if (!names.contains(inChart)) {
                names.add(inChart);
            }
        }
        for (String template : templates) {
            boolean found = false;
            for (Manifest manifest : manifests) {
                String source = manifest.source();
                if (GoPathMatch.matches(template, source.substring(source.indexOf('/') + 1))) {
                    selected.add(manifest);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("could not find template " + template + " in chart; "
                        + (names.isEmpty() ? "these values render no objects at all"
                        : "the templates that render objects with these values are " + String.join(", ", names)
                        + " (wildcards: * and ? within one folder, [a-z], [^a-z])"));
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
