package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.render.HelmOutput;
import io.github.infrahubbackup.chartkit.engine.text.GoPathMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A rendered release: its objects in the order {@code helm template} prints them, and that text. Immutable. */
public final class Rendering {
    private final Release release;
    private final List<Manifest> manifests;
    private final String yaml;
    /** Rendered on first use: most callers never ask for the notes. */
    private final Lazy<String> notes;

    /** The release of these objects, printed as {@code helm template} prints them, and its notes. */
    Rendering(Release release, List<Manifest> manifests, Supplier<String> notes) {
        this(release, manifests, HelmOutput.print(manifests), new Lazy<>(notes));
    }

    private Rendering(Release release, List<Manifest> manifests, String yaml, Lazy<String> notes) {
        this.release = release;
        this.manifests = List.copyOf(manifests);
        this.yaml = yaml;
        this.notes = notes;
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
     * What {@code helm install} (and {@code upgrade}) prints under "NOTES:" after the release: the
     * chart's {@code templates/NOTES.txt} rendered for these values, with the white space around it
     * removed and one line end. "" when Helm prints no notes: for the values of a parent chart,
     * Helm prints the parent's notes only (unless {@code --render-subchart-notes}).
     */
    public String notes() {
        return notes.get();
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
        return new Rendering(release, selected, HelmOutput.write(selected), notes);
    }

    /**
     * Each template's objects as {@code helm template --output-dir} writes them to files: by the
     * template's path in the release ({@code infrahub-backup/templates/role.yaml}), in the order of
     * {@link #manifests()}.
     */
    public Map<String, String> byTemplate() {
        Map<String, List<Manifest>> groups = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            groups.computeIfAbsent(manifest.source(), source -> new ArrayList<>()).add(manifest);
        }
        Map<String, String> files = new LinkedHashMap<>();
        groups.forEach((source, group) -> files.put(source, HelmOutput.write(group)));
        return Collections.unmodifiableMap(files);
    }

    @Override
    public String toString() {
        return yaml;
    }
}
