package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.render.ChartMetadata;
import io.github.infrahubbackup.chartkit.engine.render.ChartRenderer;
import io.github.infrahubbackup.chartkit.engine.render.Document;
import io.github.infrahubbackup.chartkit.engine.render.HelmOutput;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaValidator;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaViolation;
import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.engine.values.SourcePosition;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The infrahub-backup chart: its defaults, schema and templates, bundled in this jar. Load it once
 * and share it: validating and rendering are thread-safe.
 *
 * <pre>{@code
 * InfrahubBackupChart chart = InfrahubBackupChart.load();
 * Values values = Values.builder().file(Path.of("backup-values.yaml")).set("backup.enabled=true").build();
 * Validation validation = chart.validate(values);
 * Rendering rendering = chart.render(values, Release.named("prod").in("infrahub"));
 * System.out.print(rendering.yaml());
 * }</pre>
 */
public final class InfrahubBackupChart {
    private static final String RESOURCES = "io/github/infrahubbackup/chartkit/";
    private static final String TEMPLATES = RESOURCES + "pebble";

    /** The release the chart's rules are checked with; names do not depend on values' validity. */
    private static final Release CHECK_RELEASE = Release.named("validate");

    private static final Lazy<InfrahubBackupChart> BUNDLED = new Lazy<>(InfrahubBackupChart::new);

    private final ChartMetadata metadata;
    private final String schemaJson;
    // The two below are built on first use: the schema command and --version need neither.
    /** values.yaml, read-only: renders share the subtrees of the defaults that the user's values leave alone. */
    private final Lazy<Map<String, Object>> defaults;
    /** The parsed schema and the compiled templates, shared by every validation and render. */
    private final Lazy<Engines> engines;

    private InfrahubBackupChart() {
        this.metadata = ChartMetadata.parse(resource("chart/Chart.yaml"));
        this.schemaJson = resource("schema/values.schema.json");
        this.defaults = new Lazy<>(() ->
                Coalesce.asMap(Coalesce.unmodifiable(ValuesReader.read("values.yaml", resource("chart/values.yaml")).values())));
        this.engines = new Lazy<>(() -> new Engines(new SchemaValidator(schemaJson, defaults.get()),
                new ChartRenderer(metadata, TEMPLATES, templateNames(), defaults.get())));
    }

    private record Engines(SchemaValidator schema, ChartRenderer renderer) {
    }

    /** A value built on its first use, once, then shared by every thread. */
    private static final class Lazy<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T built = value;
            if (built == null) {
                synchronized (this) {
                    built = value;
                    if (built == null) {
                        built = build.get();
                        value = built;
                    }
                }
            }
            return built;
        }
    }

    /** The chart bundled in this library; read on the first call (defaults, templates and schema on first use), then shared. */
    public static InfrahubBackupChart load() {
        return BUNDLED.get();
    }

    /** The chart's name, from Chart.yaml. */
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

    /** Checks the values, combined with the defaults as Helm combines them, against every rule of the chart. */
    public Validation validate(Values values) {
        Prepared prepared = values.validatedBy(this);
        if (prepared == null) {
            prepared = prepare(values, true);
            values.rememberValidation(prepared);
        }
        return prepared.validation();
    }

    /**
     * Renders the chart as {@code helm template RELEASE -n NAMESPACE} does. The values are checked
     * first, unless {@link #validate} already checked these same values: its answer is kept with
     * them, so validating and then rendering checks them once.
     *
     * @throws InvalidValuesException if the values do not validate; nothing is rendered
     */
    public Rendering render(Values values, Release release) {
        Objects.requireNonNull(release, "release");
        // Values validated before need no second check; otherwise the schema is checked here and
        // the chart's rules run as part of the full render below.
        Prepared prepared = values.validatedBy(this);
        if (prepared == null) {
            prepared = prepare(values, false);
        }
        if (!prepared.validation().isValid()) {
            throw new InvalidValuesException(prepared.validation());
        }
        if (prepared.merged() == null) {
            return new Rendering(release, List.of(), "\n");
        }
        List<Document> documents;
        try {
            documents = documents(values, prepared.merged(), release);
        } catch (ChartRenderer.TemplateFailedException e) {
            throw invalid(ruleProblem(values, prepared.pathPrefix(), e.reason()));
        }
        List<Document> rendered = documents;
        unreadableOutput(values, prepared.pathPrefix(), prepared.separatorPath(), () -> rendered)
                .ifPresent(problem -> {
                    throw invalid(problem);
                });
        List<Manifest> manifests = new ArrayList<>(documents.size());
        for (Document document : documents) {
            manifests.add(new Manifest(document.kind(), document.name(), document.source(), document.hook(), document.text()));
        }
        return new Rendering(release, manifests, HelmOutput.print(documents));
    }

    private List<Document> documents(Values values, Map<String, Object> merged, Release release) {
        String prefix = values.parentChart().map(parent -> parent + "/charts/").orElse("") + metadata.name() + "/templates/";
        return HelmOutput.documents(engines.get().renderer().render(merged, releaseObject(release), prefix));
    }

    /** {@code .Release} as Helm exposes it to templates during {@code helm template}. */
    private static Map<String, Object> releaseObject(Release release) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Name", release.name());
        object.put("Namespace", release.namespace());
        object.put("Service", "Helm");
        object.put("IsInstall", true);
        object.put("IsUpgrade", false);
        object.put("Revision", 1);
        return object;
    }

    /** The rule's message names the value it is about first: "restore.storage.s3: set key...". */
    private static final Pattern RULE_PATH = Pattern.compile("^([A-Za-z0-9_.]+)[ :]");

    private static Problem ruleProblem(Values values, String prefix, String reason) {
        Matcher path = RULE_PATH.matcher(reason);
        return locate(values, prefix, path.find() ? path.group(1) : "", false, reason, null);
    }

    /**
     * The values merged over the defaults and what checking them found.
     *
     * @param merged        what templates see as {@code .Values}; null when nothing renders
     * @param pathPrefix    the key of these values in a parent chart's values, or ""
     * @param separatorPath the first value holding a YAML line separator, or null (the common case)
     */
    record Prepared(InfrahubBackupChart chart, Map<String, Object> merged, Validation validation, String pathPrefix,
                    String separatorPath) {
    }

    private static InvalidValuesException invalid(Problem problem) {
        return new InvalidValuesException(new Validation(List.of(problem)));
    }

    /**
     * Merges the values over the defaults and checks them against the schema; with {@code checkRules},
     * also against the chart's own {@code fail} rules and whether the output would read back.
     */
    private Prepared prepare(Values values, boolean checkRules) {
        Objects.requireNonNull(values, "values");
        if (!values.readProblems().isEmpty()) {
            return new Prepared(this, null, new Validation(values.readProblems()), "", null);
        }
        Map<String, Object> user = values.raw();
        String pathPrefix = "";
        if (values.parentKey().isPresent()) {
            String key = values.parentKey().get();
            Object section = user.get(key);
            if (user.containsKey(key) && !(section instanceof Map<?, ?>)) {
                // Helm stops at the dependency's condition (key.enabled): "type mismatch on <key>".
                return new Prepared(this, null, new Validation(List.of(locate(values, "", key, false,
                        "must be a map of this chart's values, not " + (section == null ? "null" : section instanceof List<?> ? "a list" : "\"" + io.github.infrahubbackup.chartkit.engine.text.GoStrings.print(section) + "\"")
                                + " (Helm refuses it: \"type mismatch on " + key + "\"); write a map, or remove the key to use the defaults", null))), key, null);
            }
            if (section instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("enabled"))) {
                return new Prepared(this, null, new Validation(List.of()), key, null);
            }
            Map<String, Object> own = section instanceof Map<?, ?> map ? Coalesce.asMapCopy(map) : new LinkedHashMap<>();
            if (user.get("global") instanceof Map<?, ?> global) {
                Map<String, Object> shared = Coalesce.asMapCopy(global);
                if (own.get("global") instanceof Map<?, ?> ownGlobal) {
                    Coalesce.merge(shared, Coalesce.asMapCopy(ownGlobal));
                }
                // A section's own global that is not a map stays, for the schema to refuse as Helm's does.
                if (own.get("global") == null || own.get("global") instanceof Map<?, ?>) {
                    own.put("global", shared);
                }
            }
            user = own;
            pathPrefix = key;
        }
        Map<String, Object> merged = Coalesce.withDefaults(user, defaults.get());
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SchemaViolation violation : engines.get().schema().validate(merged)) {
            Problem problem = locate(values, pathPrefix, violation.path(), violation.atKey(), violation.message(), violation.hint());
            // One rule broken by two missing keys is one problem at one place.
            if (seen.add(problem.file().orElse("") + ":" + problem.line() + ":" + problem.column() + ":" + problem.message())) {
                problems.add(problem);
            }
        }
        // In each source, problems at what the user wrote (often the cause) before those about keys
        // the user did not write (often a knock-on, placed at the closest key written), each in file order.
        problems.sort(Comparator.<Problem>comparingInt(problem -> problem.file().map(values::sourceOrder).orElse(Integer.MAX_VALUE))
                .thenComparingInt(problem -> values.positionOf(problem.path(), false).isPresent()
                        || values.positionOf(problem.path(), true).isPresent() ? 0 : 1)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        String separatorPath = HelmOutput.firstLineSeparator(merged, "");
        if (checkRules && problems.isEmpty()) {
            try {
                engines.get().renderer().check(merged, releaseObject(CHECK_RELEASE));
                unreadableOutput(values, pathPrefix, separatorPath, () -> documents(values, merged, CHECK_RELEASE))
                        .ifPresent(problems::add);
            } catch (ChartRenderer.TemplateFailedException e) {
                problems.add(ruleProblem(values, pathPrefix, e.reason()));
            }
        }
        return new Prepared(this, merged, new Validation(problems), pathPrefix, separatorPath);
    }

    /**
     * Helm refuses a release whose rendered YAML does not read back. Only a YAML line separator
     * in a value can cause that, so the documents are only asked for (and read back) when the value
     * at {@code path} holds one; {@code path} is null when none does.
     */
    private static Optional<Problem> unreadableOutput(Values values, String pathPrefix, String path,
                                                      Supplier<List<Document>> documents) {
        if (path == null) {
            return Optional.empty();
        }
        String unreadable = HelmOutput.unreadableDocument(documents.get());
        return Optional.ofNullable(unreadable).map(reason -> locate(values, pathPrefix, path, false,
                "holds a line or paragraph separator (U+0085, U+2028 or U+2029) that breaks the rendered YAML ("
                        + reason + "); remove it", null));
    }

    private static Problem locate(Values values, String prefix, String path, boolean atKey, String message, String hint) {
        String fullPath = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        SourcePosition position = values.positionOf(fullPath, atKey)
                .or(() -> values.positionOf(fullPath, !atKey))
                .or(() -> nearestAncestor(values, fullPath))
                .orElse(null);
        if (position != null && position.source().startsWith("--set") && message.endsWith(" (remove the quotes)")) {
            message = message.substring(0, message.length() - " (remove the quotes)".length()) + (position.source().startsWith("--set-string")
                    ? " (--set-string makes every value a string: use --set)"
                    : " (--set reads only true and false as booleans and plain digits as numbers)");
        }
        return position == null
                ? new Problem(fullPath, null, 0, 0, message, hint)
                : new Problem(fullPath, position.source(), position.line(), position.column(), message, hint);
    }

    /** For a value that is missing, the key of the closest enclosing map the user wrote. */
    private static Optional<SourcePosition> nearestAncestor(Values values, String path) {
        String parent = path;
        while (!parent.isEmpty()) {
            int cut = Math.max(parent.lastIndexOf('.'), parent.lastIndexOf('['));
            while (cut > 0 && parent.charAt(cut - 1) == '\\') {
                cut = Math.max(parent.lastIndexOf('.', cut - 2), parent.lastIndexOf('[', cut - 2));
            }
            parent = cut > 0 ? parent.substring(0, cut) : "";
            Optional<SourcePosition> position = values.positionOf(parent, true);
            if (position.isPresent()) {
                return position;
            }
        }
        return Optional.empty();
    }

    private static String resource(String name) {
        try (InputStream in = InfrahubBackupChart.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the chart resource " + RESOURCES + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Pebble templates to render: every .peb file of the folder but the "_" helpers, listed once. */
    private static List<String> templateNames() {
        URL folder = InfrahubBackupChart.class.getClassLoader().getResource(TEMPLATES);
        if (folder == null) {
            throw new IllegalStateException("the chart's templates " + TEMPLATES + " are missing from the classpath");
        }
        List<String> files = new ArrayList<>();
        try {
            if ("jar".equals(folder.getProtocol())) {
                // The jar's own entry list: no file system view of the jar to open (and keep open).
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                String prefix = connection.getEntryName() + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            files.add(name.substring(prefix.length()));
                        }
                    }
                }
            } else {
                try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
                    listing.forEach(file -> files.add(file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        for (String file : files) {
            if (file.endsWith(".peb") && !file.startsWith("_")) {
                names.add(file.substring(0, file.length() - ".peb".length()));
            }
        }
        Collections.sort(names);
        return names;
    }
}
