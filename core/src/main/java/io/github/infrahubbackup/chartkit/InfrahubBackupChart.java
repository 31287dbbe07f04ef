package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.render.ChartMetadata;
import io.github.infrahubbackup.chartkit.engine.render.ChartRenderer;
import io.github.infrahubbackup.chartkit.engine.render.HelmOutput;
import io.github.infrahubbackup.chartkit.engine.render.ReleaseObject;
import io.github.infrahubbackup.chartkit.engine.render.TemplateFolder;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaValidator;
import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.engine.values.DeepStack;
import io.github.infrahubbackup.chartkit.engine.values.Subchart;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The infrahub-backup chart: its defaults, schema and templates, bundled in this jar. Load it once
 * and share it: validating and rendering are thread-safe.
 *
 * <p>The flow is one way: {@link Values} are read, {@link #validate} checks them into a
 * {@link Validation}, and {@link #render(Validation, Release)} renders a valid one.
 *
 * <pre>{@code
 * InfrahubBackupChart chart = InfrahubBackupChart.load();
 * Values values = Values.builder().file(Path.of("backup-values.yaml")).set("backup.enabled=true").build();
 * Validation validation = chart.validate(values);
 * Rendering rendering = chart.render(validation, Release.named("prod").in("infrahub"));
 * System.out.print(rendering.yaml());
 * }</pre>
 */
public final class InfrahubBackupChart {
    /** The release the chart's rules are checked with; names do not depend on values' validity. */
    private static final Release CHECK_RELEASE = Release.named("validate");

    private static final Lazy<InfrahubBackupChart> BUNDLED = new Lazy<>(InfrahubBackupChart::new);

    private final ChartMetadata metadata;
    private final String schemaJson;
    private final ChartFiles.ChartKit chartKit;
    // The two below are built on first use: the schema command and --version need neither.
    /** values.yaml, read-only: renders share the subtrees of the defaults that the user's values leave alone. */
    private final Lazy<Map<String, Object>> defaults;
    /** The parsed schema and the compiled templates, shared by every validation and render. */
    private final Lazy<Engines> engines;

    private InfrahubBackupChart() {
        this.metadata = ChartMetadata.parse(ChartFiles.read(ChartFiles.CHART_YAML));
        this.schemaJson = ChartFiles.read(ChartFiles.SCHEMA);
        this.chartKit = ChartFiles.ChartKit.parse(ChartFiles.read(ChartFiles.CHART_KIT_YAML));
        this.defaults = new Lazy<>(() -> Coalesce.asMap(Coalesce.unmodifiable(
                ValuesReader.read("values.yaml", ChartFiles.read(ChartFiles.VALUES_YAML)).values())));
        this.engines = new Lazy<>(() -> new Engines(new SchemaValidator(schemaJson, defaults.get(), chartKit.movedKeys()),
                new ChartRenderer(metadata, ChartFiles.TEMPLATES, TemplateFolder.templateNames(ChartFiles.TEMPLATES), defaults.get(),
                        ChartFiles.templateFiles(), TemplateFolder.hasNotes(ChartFiles.TEMPLATES))));
    }

    private record Engines(SchemaValidator schema, ChartRenderer renderer) {
    }

    /** The chart bundled in this library; read on the first call (defaults, templates and schema on first use), then shared. */
    public static InfrahubBackupChart load() {
        return BUNDLED.get();
    }

    /** The chart's name, from Chart.yaml; also the key of its values in a parent chart's values, unless given. */
    public String name() {
        return metadata.name();
    }

    /** The chart's version, from Chart.yaml. */
    public String version() {
        return metadata.version();
    }

    /** The version of the infrahub-backup image the chart runs by default, from Chart.yaml. */
    public String appVersion() {
        return metadata.appVersion();
    }

    /** The chart's default values (values.yaml); a copy. */
    public Map<String, Object> defaults() {
        return Coalesce.asMapCopy(defaults.get());
    }

    /** The JSON schema (draft-07) of the values, as the chart ships it. */
    public String schema() {
        return schemaJson;
    }

    /**
     * Checks the values, combined with the defaults as Helm combines them, against the schema, then
     * against the chart's own rules and whether the output would read back.
     */
    public Validation validate(Values values) {
        Objects.requireNonNull(values, "values");
        if (!values.readProblems().isEmpty()) {
            return new Validation(values.readProblems());
        }
        return DeepStack.forTree(values.raw(), () -> check(values));
    }

    private Validation check(Values values) {
        String key = values.parentChart().isPresent() ? values.parentKey().orElse(metadata.name()) : "";
        if (!key.isEmpty()) {
            Optional<String> section = Subchart.sectionProblem(values.raw(), key);
            if (section.isPresent()) {
                return new Validation(List.of(new ProblemLocator(values.sources(), "").locate(key, false, section.get(), null, Problem.SUBCHART_SECTION)));
            }
        }
        ProblemLocator locator = new ProblemLocator(values.sources(), key);
        String sourcePrefix = values.parentChart().map(parent -> parent + "/charts/").orElse("") + metadata.name() + "/templates/";
        Optional<Map<String, Object>> own = key.isEmpty() ? Optional.of(values.raw()) : Subchart.scope(values.raw(), key);
        if (own.isEmpty()) {
            return new Validation(List.of(), new Validation.Checked(null, locator, sourcePrefix, null, true));
        }
        Map<String, Object> merged = Coalesce.withDefaults(own.get(), defaults.get());
        List<Problem> problems = new ArrayList<>(locator.schemaProblems(engines.get().schema().validate(merged)));
        String separatorPath = HelmOutput.firstLineSeparator(merged, "");
        Validation.Checked checked = new Validation.Checked(merged, locator, sourcePrefix, separatorPath, !key.isEmpty());
        if (problems.isEmpty()) {
            try {
                engines.get().renderer().check(chartKit.rulesTemplate(), merged, releaseObject(CHECK_RELEASE));
                unreadableOutput(checked, CHECK_RELEASE).ifPresent(problems::add);
            } catch (ChartRenderer.TemplateFailedException e) {
                problems.add(ruleProblem(locator, e));
            }
        }
        return new Validation(problems, problems.isEmpty() ? checked : null);
    }

    /**
     * Renders the chart as {@code helm template RELEASE -n NAMESPACE} does: {@link #validate} the
     * values, then {@link #render(Validation, Release)} them. To show problems before rendering,
     * validate first and render the {@link Validation}: the values are then checked once.
     *
     * @throws InvalidValuesException if the values do not validate; nothing is rendered
     */
    public Rendering render(Values values, Release release) {
        Objects.requireNonNull(release, "release");
        return render(validate(values), release);
    }

    /**
     * Renders values this chart validated, as {@code helm template RELEASE -n NAMESPACE} does.
     *
     * @throws InvalidValuesException if the validation found problems; nothing is rendered
     */
    public Rendering render(Validation validation, Release release) {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(release, "release");
        if (!validation.isValid()) {
            throw new InvalidValuesException(validation);
        }
        Validation.Checked checked = validation.checked();
        if (checked.merged() == null) {
            return new Rendering(release, List.of(), () -> "");
        }
        List<Manifest> manifests = DeepStack.forTree(checked.merged(), () -> checkedManifests(checked, release));
        return new Rendering(release, manifests, checked.subchart() ? () -> ""
                : () -> DeepStack.forTree(checked.merged(), () -> notes(checked, release)));
    }

    private List<Manifest> checkedManifests(Validation.Checked checked, Release release) {
        List<Manifest> manifests;
        try {
            manifests = manifests(checked, release);
        } catch (ChartRenderer.TemplateFailedException e) {
            // Validation ran the rules with a stand-in release; only a rule about the release itself
            // (its name or namespace) can refuse here, and it is reported as validation reports rules.
            throw invalid(ruleProblem(checked.locator(), e));
        }
        unreadableOutput(checked, manifests).ifPresent(problem -> {
            throw invalid(problem);
        });
        return manifests;
    }

    /** What {@code helm install} prints under "NOTES:": the rendered notes without the white space around them. */
    private String notes(Validation.Checked checked, Release release) {
        String notes = GoStrings.trimSpace(engines.get().renderer().notes(checked.merged(), releaseObject(release)));
        return notes.isEmpty() ? "" : notes + "\n";
    }

    private List<Manifest> manifests(Validation.Checked checked, Release release) {
        return HelmOutput.documents(engines.get().renderer().render(checked.merged(), releaseObject(release), checked.sourcePrefix()));
    }

    private static Map<String, Object> releaseObject(Release release) {
        return ReleaseObject.of(release.name(), release.namespace());
    }

    private static Problem ruleProblem(ProblemLocator locator, ChartRenderer.TemplateFailedException failure) {
        return locator.locate(failure.path(), false, failure.reason(), null, failure.rule());
    }

    private static InvalidValuesException invalid(Problem problem) {
        return new InvalidValuesException(new Validation(List.of(problem)));
    }

    private Optional<Problem> unreadableOutput(Validation.Checked checked, Release release) {
        return checked.separatorPath() == null ? Optional.empty() : unreadableOutput(checked, manifests(checked, release));
    }

    /**
     * Helm refuses a release whose rendered YAML does not read back. Only a YAML line separator
     * in a value can cause that, so the documents are only read back when a value holds one.
     */
    private static Optional<Problem> unreadableOutput(Validation.Checked checked, List<Manifest> manifests) {
        if (checked.separatorPath() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(HelmOutput.unreadableDocument(manifests)).map(reason -> checked.locator().locate(
                checked.separatorPath(), false, "holds a line or paragraph separator (U+0085, U+2028 or U+2029) that breaks the rendered YAML ("
                        + reason + "); remove it", null, Problem.OUTPUT_LINE_SEPARATOR));
    }
}
