package io.github.infrahubbackup.chartkit.engine.schema;

import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.CHART_DIR;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.CHART_SCHEMA_FILE;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.JSON;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.SCHEMA_FILE;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.TREE;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.VALUES_FILE;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.at;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.defaults;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.merge;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.schemaAt;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.types;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.validate;
import static io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.TemplateCommand;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.github.infrahubbackup.chartkit.engine.render.ChartMetadata;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaFixture.Problem;
import io.github.infrahubbackup.chartkit.engine.values.Subchart;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values schema ({@code schema/values.schema.json}, copied to the chart): the document itself,
 * its agreement with {@code values.yaml}, every pattern family with tables of good and bad values,
 * the cross-field rules (the schema's if/then blocks, which the chart's fail calls repeat), and real
 * Helm reading it. Values are read, merged and validated by the library's own classes (see
 * {@link SchemaFixture}).
 *
 * <p>Every negative case is checked twice: as an editor sees it (the user's file alone) and as Helm
 * and the library see it (the file merged over the chart defaults).
 */
class SchemaDocumentTest {

    /** The chart's cross-key rules, worded once in templates/chart/rules.yaml. */
    static final String RULE_BOTH_ENABLED = rule("backup-and-restore");
    static final String RULE_BACKUP_BUCKET = rule("backup-bucket");
    static final String RULE_RESTORE_BUCKET = rule("restore-bucket");
    static final String RULE_KEY_AND_LATEST = rule("restore-key-and-latest");
    static final String RULE_KEY_OR_LATEST = rule("restore-key-or-latest");
    static final String RULE_LOCAL_CRONJOB = rule("restore-cronjob-local");

    private static String rule(String name) {
        try {
            Map<?, ?> rules = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions())).load(Files.readString(ProjectFolder.CHART.resolve("rules.yaml")));
            return (String) ((Map<?, ?>) rules.get(name)).get("message");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Objects of the Kubernetes API passed through as they are: the schema lists their fields, values.yaml a few. */
    static final Set<String> KUBERNETES_OBJECTS = Set.of("resources", "podSecurityContext", "securityContext");

    // ------------------------------------------------------------------ the document

    @Test
    void declaresDraft07AndIsAValidDraft07Schema() {
        assertEquals("http://json-schema.org/draft-07/schema#", TREE.path("$schema").asText());
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertEquals(Set.of(), metaSchema.validate(TREE), "the schema against the draft-07 meta-schema");
        assertEquals("object", TREE.path("type").asText());
        assertFalse(TREE.path("additionalProperties").asBoolean(true), "unknown top-level keys are errors");
    }

    @Test
    void theChartCarriesAByteIdenticalCopy() throws IOException {
        assertArrayEquals(Files.readAllBytes(SCHEMA_FILE), Files.readAllBytes(CHART_SCHEMA_FILE),
                "templates/chart/values.schema.json must be a byte-identical copy of schema/values.schema.json");
    }

    @Test
    void everyKeyOfValuesYamlIsInTheSchemaWithItsDefaultAndComment() throws IOException {
        Map<String, String> comments = valuesComments();
        List<String> problems = new ArrayList<>();
        walkValues("", defaults(), (path, value) -> {
            JsonNode node = schemaAt(path);
            if (node == null) {
                problems.add(path + ": not in the schema");
                return;
            }
            // As the library hands values to the schema, read back so that numbers compare by value.
            JsonNode expected = readJson(SchemaValidator.toJson(value, null).toString());
            if (!node.has("default")) {
                problems.add(path + ": no default");
            } else if (!node.get("default").equals(expected)) {
                problems.add(path + ": default " + node.get("default") + ", values.yaml has " + expected);
            }
            if (!node.path("description").isTextual() || node.path("description").asText().isBlank()) {
                problems.add(path + ": no description");
            } else if (comments.containsKey(path) && !comments.get(path).equals(node.path("description").asText())) {
                problems.add(path + ": description \"" + node.path("description").asText() + "\", values.yaml says \""
                        + comments.get(path) + "\"");
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(comments.size() > 70, "values.yaml documents its keys: " + comments.size());
    }

    @Test
    void everySchemaPropertyIsAKeyOfValuesYaml() {
        List<String> missing = new ArrayList<>();
        walkSchema("", TREE, missing);
        assertEquals(List.of(), missing, "schema properties that values.yaml does not have");
    }

    @Test
    void everyPropertyHasATypeAndADescription() {
        List<String> problems = new ArrayList<>();
        forEachProperty("", TREE, (path, node) -> {
            if (!node.path("description").isTextual()) {
                problems.add(path + ": no description");
            }
            // resources.requests.cpu and .memory only carry their default: the map of quantities checks them.
            if (types(node).isEmpty() && !path.startsWith("resources.requests.")) {
                problems.add(path + ": no type");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void nullIsAllowedExactlyWhereTheDefaultIsNull() {
        List<String> problems = new ArrayList<>();
        forEachProperty("", TREE, (path, node) -> {
            boolean nullDefault = node.has("default") && node.get("default").isNull();
            boolean nullType = types(node).contains("null");
            if (nullDefault != nullType) {
                problems.add(path + (nullDefault ? ": default null but null not allowed" : ": allows null but default is not null"));
            }
        });
        assertEquals(List.of(), problems);
    }

    /** An editor sees a partial file: nothing may be required that the defaults provide; only the rules require keys. */
    @Test
    void nothingIsRequiredOutsideListItemsAndTheCrossFieldRules() {
        List<String> found = new ArrayList<>();
        findRequired("", TREE.path("properties"), found);
        findRequired("#/definitions", TREE.path("definitions"), found);
        assertEquals(List.of(), found);
        assertEquals(List.of(), validate(Map.of()), "an empty values file is valid");
    }

    @Test
    void everyPatternHasASentenceAndEveryErrorMessageIsAPlainString() {
        List<String> problems = new ArrayList<>();
        visit("#", TREE, (pointer, node) -> {
            if (node.has("pattern") && node.get("pattern").isTextual()) {
                try {
                    Pattern.compile(node.get("pattern").asText());
                } catch (RuntimeException e) {
                    problems.add(pointer + ": pattern does not compile: " + e.getMessage());
                }
                // A pattern inside "if" never fails by itself; one inside "not" fails its parent,
                // whose errorMessage says what to do.
                boolean condition = pointer.endsWith("/if") || pointer.contains("/if/");
                if (!condition && !pointer.endsWith("/not") && !node.path("errorMessage").isTextual()) {
                    problems.add(pointer + ": a pattern without an errorMessage");
                }
            }
            if (node.path("not").has("pattern") && !pointer.contains("/if/") && !node.path("errorMessage").isTextual()) {
                problems.add(pointer + ": a negated pattern without an errorMessage");
            }
            if (node.has("errorMessage")) {
                String text = node.get("errorMessage").asText();
                if (!node.get("errorMessage").isTextual()) {
                    problems.add(pointer + ": errorMessage must be a string (the form the YAML language server reads)");
                }
                // Plain sentences: no quote or brace that a MessageFormat-based reader would eat.
                if (text.contains("'") || text.contains("{") || text.contains("}") || text.isBlank()) {
                    problems.add(pointer + ": errorMessage has ' or a brace: " + text);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------ valid files

    @Test
    void valuesYamlIsValid() {
        assertEquals(List.of(), validate(defaults()));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIsValidAloneAndMergedOverTheDefaults() throws IOException {
        List<Path> files = scenarioFiles();
        assertTrue(files.size() >= 3, "scenarios: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Map<String, Object> values = scenarioValues(file);
            assertEquals(List.of(), validate(values), "the file alone (what an editor sees)");
            assertEquals(List.of(), validate(merge(defaults(), values)), "merged over values.yaml (what Helm sees)");
        }));
    }

    // ------------------------------------------------------------------ pattern families

    record Case(String path, Object value, boolean valid) {
        @Override
        public String toString() {
            return path + "=" + (value instanceof String s ? "\"" + s.replace("\t", "\\t").replace("\n", "\\n") + "\"" : value)
                    + (valid ? " accepted" : " rejected");
        }
    }

    static final String CRON_SENTENCE = "use a five-field cron schedule";
    static final String DURATION_SENTENCE = "use a Go duration";
    static final String QUANTITY_SENTENCE = "use a non-negative Kubernetes quantity";
    static final String SIZE_SENTENCE = "use a Kubernetes quantity of storage";
    static final String LABEL_SENTENCE = "use a DNS-1123 label";
    static final String SUBDOMAIN_SENTENCE = "use a Kubernetes object name (a DNS-1123 subdomain)";
    static final String TIME_ZONE_SENTENCE = "use an IANA time zone name";

    static final List<String> VALID_SCHEDULES = List.of(
            "0 2 * * *", "0 4 * * *", "* * * * *", "*/15 * * * *", "0 */6 * * *", "30 1 * * 1-5", "45 23 * * 0,3",
            "5 4 * * SUN", "0 9 * * MON-FRI", "0 9 * * mon-fri", "0 9 * * Sat", "0 0 1 1 *", "0 0 1 JAN *",
            "0 12 * JUN-AUG *", "0 12 * 6-8/1 *", "0-59/10 * * * *", "5/10 * * * *", "0 0 1,15 * *", "59 23 31 12 6",
            "00 02 01 01 0", "1,2,3-5,10-20/2 * * * *", "0 0 29 2 *", "  0 2 * * *  ", "0\t2\t*\t*\t*", "0 2 * * */2",
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    static final List<String> INVALID_SCHEDULES = List.of(
            "", "0 2 * *", "0 2 * * * *", "60 2 * * *", "0 24 * * *", "0 2 0 * *", "0 2 32 * *", "0 2 * 0 *",
            "0 2 * 13 *", "0 2 * * 7", "0 2 * * 8", "*/0 * * * *", "-1 2 * * *", "0 2 * * MON-", "0 2 * * MONDAY",
            "0 2 * JANUARY *", "0 2 * * 1,", "0 2 * * ,1", "1-2-3 * * * *", "0 2 * * */", "0 2 L * *", "0 2 15W * *",
            "0 2 * * 1#2", "a b c d e", "0 2\n* * *", "@every 1h", "@reboot", "@Daily", " @daily", "@daily ",
            "TZ=Europe/Paris 0 2 * * *", "CRON_TZ=UTC 0 2 * * *", "0 2 * * * # nightly");

    static final List<String> VALID_DURATIONS = List.of(
            "3m", "1h30m", "90s", "1.5h", "300ms", "0", "", "10m", "15m", "2h45m30s", "500us", "500\u00b5s", "500\u03bcs",
            "100ns", ".5h", "1.h", "1h0m0s", "0s");
    static final List<String> INVALID_DURATIONS = List.of(
            "3", "00", "-3m", "+3m", "3 m", "3min", "1d", "1w", "m", "1.5", "3M", "3m ", " 3m", "1h-30m", ".h", "0s0",
            "three minutes", "3m\n");

    static final List<Object> VALID_QUANTITIES = List.of(
            "100m", "0.5", "1", "2", "256Mi", "1Gi", "512M", "1e9", "1e3", "1E3", "10Gi", "1.5Gi", ".5", "0", "2k",
            "1Ei", "5e-3", "+1", 1, 0.5, 2, 0);
    static final List<Object> INVALID_QUANTITIES = List.of(
            "1.5.2", "100 m", "abc", "-1", "-100m", "1Kb", "1K", "1gi", "Mi", "", "1e", "1 Gi", "1mi", "0x10", "1e3.5",
            -1, -0.5);

    static final List<String> VALID_LABEL_NAMES = List.of("", "ib", "backup-tool", "x", "a1", "1a", "a--b", "a".repeat(63));
    static final List<String> INVALID_LABEL_NAMES = List.of(
            "Backup", "-a", "a-", "a_b", "a.b", "a b", "\u00e9t\u00e9", "a".repeat(64), "a\n");

    static final List<String> VALID_SUBDOMAINS = List.of(
            "", "s3-credentials", "a.b.c", "x", "infrahub-backup-s3", "0", "a-1.b-2", "a".repeat(63) + "." + "b".repeat(63));
    static final List<String> INVALID_SUBDOMAINS = List.of(
            "S3", "-x", "x-", "a..b", "a_b", ".a", "a.", "a/b", "a b", ("a".repeat(63) + ".").repeat(4) + "a".repeat(2));

    static final List<String> VALID_TIME_ZONES = List.of(
            "", "UTC", "GMT", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14",
            "America/Port-au-Prince", "Antarctica/DumontDUrville", "EST5EDT", "America/North_Dakota/New_Salem",
            "US/Pacific");
    static final List<String> INVALID_TIME_ZONES = List.of(
            "Local", "LOCAL", "europe/paris", "Europe/", "/Europe/Paris", "Europe//Paris", "Europe/Paris/A/B",
            "Europe Paris", "+05:00", "America/Argentina/Buenos_Aires_Long", "Etc/../UTC", "CET ", "Mars/Olympus_Mons",
            "Europe/Pariss", "Asia/Springfield");

    static Stream<Case> patternCases() {
        List<Case> cases = new ArrayList<>();
        VALID_SCHEDULES.forEach(v -> cases.add(new Case("backup.schedule", v, true)));
        INVALID_SCHEDULES.forEach(v -> cases.add(new Case("backup.schedule", v, false)));
        cases.add(new Case("restore.schedule", "0 4 * * MON", true));
        cases.add(new Case("restore.schedule", "0 4 * *", false));
        VALID_DURATIONS.forEach(v -> cases.add(new Case("backup.options.sleep", v, true)));
        INVALID_DURATIONS.forEach(v -> cases.add(new Case("backup.options.sleep", v, false)));
        cases.add(new Case("restore.options.sleep", "45s", true));
        cases.add(new Case("restore.options.sleep", "45", false));
        VALID_QUANTITIES.forEach(v -> cases.add(new Case("resources.requests.cpu", v, true)));
        INVALID_QUANTITIES.forEach(v -> cases.add(new Case("resources.requests.cpu", v, false)));
        cases.add(new Case("resources.limits.memory", "1Gi", true));
        cases.add(new Case("resources.limits.ephemeral-storage", "20Gi", true));
        cases.add(new Case("resources.limits.memory", "1 GB", false));
        cases.add(new Case("backup.storage.local.persistence.size", "20Gi", true));
        cases.add(new Case("backup.storage.local.persistence.size", "1e3", true));
        cases.add(new Case("backup.storage.local.persistence.size", "20 GiB", false));
        cases.add(new Case("backup.storage.local.persistence.size", "", false));
        VALID_LABEL_NAMES.forEach(v -> cases.add(new Case("nameOverride", v, true)));
        INVALID_LABEL_NAMES.forEach(v -> cases.add(new Case("nameOverride", v, false)));
        cases.add(new Case("fullnameOverride", "infrahub-eu-west-1", true));
        cases.add(new Case("fullnameOverride", "Infrahub", false));
        VALID_SUBDOMAINS.forEach(v -> cases.add(new Case("backup.storage.s3.secretName", v, true)));
        INVALID_SUBDOMAINS.forEach(v -> cases.add(new Case("backup.storage.s3.secretName", v, false)));
        for (String path : List.of("restore.storage.s3.secretName", "backup.storage.local.persistence.existingClaim",
                "backup.storage.local.persistence.storageClass", "restore.storage.local.existingClaim",
                "serviceAccount.name", "priorityClassName")) {
            cases.add(new Case(path, "fast-ssd.example", true));
            cases.add(new Case(path, "Fast_SSD", false));
        }
        VALID_TIME_ZONES.forEach(v -> cases.add(new Case("cronJob.timeZone", v, true)));
        INVALID_TIME_ZONES.forEach(v -> cases.add(new Case("cronJob.timeZone", v, false)));
        String hex = "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
        cases.add(new Case("image.digest", "", true));
        cases.add(new Case("image.digest", "sha256:" + hex, true));
        cases.add(new Case("image.digest", "sha256:" + hex.substring(1), false));
        cases.add(new Case("image.digest", "sha256:" + hex.toUpperCase(), false));
        cases.add(new Case("image.digest", "sha512:" + hex + hex, false));
        cases.add(new Case("image.digest", hex, false));
        for (String path : List.of("backup.storage.s3.accessKeyIdKey", "backup.storage.s3.secretAccessKeyKey",
                "restore.storage.s3.accessKeyIdKey", "restore.storage.s3.secretAccessKeyKey")) {
            cases.add(new Case(path, "rootUser", true));
            cases.add(new Case(path, "access.key-id_1", true));
            cases.add(new Case(path, "", false));
            cases.add(new Case(path, "access key", false));
            cases.add(new Case(path, "a/b", false));
        }
        for (String label : List.of("", "platform", "a.b_c-d", "4711", "true", "A".repeat(63))) {
            cases.add(new Case("commonLabels.team", label, true));
        }
        for (String label : List.of("-x", "x-", "a b", "a/b", "A".repeat(64))) {
            cases.add(new Case("commonLabels.team", label, false));
            cases.add(new Case("podLabels.tier", label, false));
            cases.add(new Case("nodeSelector.disktype", label, false));
        }
        cases.add(new Case("commonLabels.team", 4711, false));
        cases.add(new Case("podAnnotations.note", "any text, even: this", true));
        cases.add(new Case("podAnnotations.note", 5, false));
        cases.add(new Case("serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn", "arn:aws:iam::1:role/x", true));
        for (String repository : List.of("registry.opsmill.io/opsmill/infrahub-backup", "infrahub-backup",
                "localhost:5000/x/y", "registry.example.com/mirror/infrahub-backup", "Registry.Example.com/a__b/c-d")) {
            cases.add(new Case("image.repository", repository, true));
        }
        for (String repository : List.of("infrahub-backup:1.3.0", "registry.example.com/x@sha256:" + hex, "",
                "https://registry.example.com/x", "registry.example.com/Team/x", "a//b")) {
            cases.add(new Case("image.repository", repository, false));
        }
        for (String tag : List.of("", "1.3.0", "latest", "v2.0.0-rc.1", "_x")) {
            cases.add(new Case("image.tag", tag, true));
        }
        for (String tag : List.of(".1", "-x", "a b", "a:b", "x".repeat(129))) {
            cases.add(new Case("image.tag", tag, false));
        }
        for (String bucket : List.of("", "infrahub-backups", "b", "my.bucket.example", "Legacy_Bucket")) {
            cases.add(new Case("backup.storage.s3.bucket", bucket, true));
        }
        for (String bucket : List.of("s3://infrahub-backups", "infrahub-backups/prod", "my bucket")) {
            cases.add(new Case("backup.storage.s3.bucket", bucket, false));
            cases.add(new Case("restore.storage.s3.bucket", bucket, false));
        }
        cases.add(new Case("backup.storage.path", "/infrahub_backups", true));
        cases.add(new Case("restore.storage.path", "/var/lib/backup dir", true));
        cases.add(new Case("backup.storage.path", "infrahub_backups", false));
        cases.add(new Case("restore.storage.path", "", false));
        return cases.stream();
    }

    /** The path of a Case with {@code \.} standing for a dot inside a key. */
    static Map<String, Object> partial(Case c) {
        String marker = "\u0000";
        String[] keys = c.path().replace("\\.", marker).split("\\.");
        Object node = c.value();
        for (int i = keys.length - 1; i >= 0; i--) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(keys[i].replace(marker, "."), node);
            node = map;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) node;
        return values;
    }

    /** Where the library reports a Case: its path, a dot inside a key escaped, as {@code --set} writes it. */
    static String instancePath(Case c) {
        return c.path();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patternCases")
    void patternFamilies(Case c) {
        Map<String, Object> partial = partial(c);
        for (Map<String, Object> values : List.of(partial, merge(defaults(), partial))) {
            List<Problem> problems = validate(values);
            if (c.valid()) {
                assertEquals(List.of(), problems, values == partial ? "alone" : "merged");
            } else {
                assertFalse(problems.isEmpty(), "must be rejected");
                String expectedPath = instancePath(c);
                for (Problem problem : problems) {
                    boolean atValueOrKey = problem.path().equals(expectedPath)
                            || expectedPath.startsWith(problem.path() + ".");
                    assertTrue(atValueOrKey, "problem elsewhere: " + problem);
                }
            }
        }
    }

    @Test
    void tablesAreLargeEnough() {
        assertAll(
                () -> assertTrue(VALID_SCHEDULES.size() >= 20 && INVALID_SCHEDULES.size() >= 20, "cron"),
                () -> assertTrue(VALID_DURATIONS.size() >= 8 && INVALID_DURATIONS.size() >= 8, "durations"),
                () -> assertTrue(VALID_QUANTITIES.size() >= 8 && INVALID_QUANTITIES.size() >= 8, "quantities"),
                () -> assertTrue(VALID_LABEL_NAMES.size() >= 8 && INVALID_LABEL_NAMES.size() >= 8, "labels"),
                () -> assertTrue(VALID_SUBDOMAINS.size() >= 8 && INVALID_SUBDOMAINS.size() >= 8, "subdomains"),
                () -> assertTrue(VALID_TIME_ZONES.size() >= 8 && INVALID_TIME_ZONES.size() >= 8, "time zones"));
    }

    /** The sentence of each family reaches the user, alone and merged. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sentences")
    void eachFamilySaysWhatToDo(String path, Object value, String sentence) {
        Map<String, Object> partial = partial(new Case(path, value, false));
        for (Map<String, Object> values : List.of(partial, merge(defaults(), partial))) {
            List<Problem> problems = validate(values);
            assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().startsWith(sentence)),
                    "expected \"" + sentence + "...\" at " + path + ", got " + problems);
        }
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("backup.schedule", "0 2 * * 7", CRON_SENTENCE),
                Arguments.of("backup.schedule", "@every 1h", CRON_SENTENCE),
                Arguments.of("restore.schedule", "TZ=UTC 0 4 * * *", CRON_SENTENCE),
                Arguments.of("backup.schedule", 5, CRON_SENTENCE),
                Arguments.of("backup.options.sleep", "3 minutes", DURATION_SENTENCE),
                Arguments.of("restore.options.sleep", "-1s", DURATION_SENTENCE),
                Arguments.of("resources.requests.cpu", "1 core", QUANTITY_SENTENCE),
                Arguments.of("resources.requests.memory", -5, QUANTITY_SENTENCE),
                Arguments.of("backup.storage.local.persistence.size", "10 GB", SIZE_SENTENCE),
                Arguments.of("nameOverride", "Infrahub", LABEL_SENTENCE),
                Arguments.of("fullnameOverride", "x".repeat(64), LABEL_SENTENCE),
                Arguments.of("backup.storage.s3.secretName", "My_Secret", SUBDOMAIN_SENTENCE),
                Arguments.of("restore.storage.s3.secretName", "My_Secret", SUBDOMAIN_SENTENCE),
                Arguments.of("backup.storage.local.persistence.existingClaim", "claim/1", SUBDOMAIN_SENTENCE),
                Arguments.of("restore.storage.local.existingClaim", "Claim", SUBDOMAIN_SENTENCE),
                Arguments.of("backup.storage.local.persistence.storageClass", "fast_ssd", SUBDOMAIN_SENTENCE),
                Arguments.of("serviceAccount.name", "Ops", SUBDOMAIN_SENTENCE),
                Arguments.of("priorityClassName", "High", SUBDOMAIN_SENTENCE),
                Arguments.of("cronJob.timeZone", "Local", TIME_ZONE_SENTENCE),
                Arguments.of("cronJob.timeZone", "Mars/Olympus_Mons", TIME_ZONE_SENTENCE),
                Arguments.of("cronJob.timeZone", "paris", TIME_ZONE_SENTENCE),
                Arguments.of("image.digest", "sha256:abc", "use an image digest"),
                Arguments.of("image.repository", "infrahub-backup:1.3.0", "use an image repository"),
                Arguments.of("image.tag", "-1", "use an image tag"),
                Arguments.of("backup.storage.s3.accessKeyIdKey", "access key", "use the name of a key in the Secret"),
                Arguments.of("restore.storage.s3.secretAccessKeyKey", "", "use the name of a key in the Secret"),
                Arguments.of("commonLabels.team", "a b", "use a label value"),
                Arguments.of("backup.storage.s3.bucket", "s3://b", "use a bucket name"),
                Arguments.of("backup.storage.path", "backups", "use an absolute path"));
    }

    @Test
    void labelAndAnnotationKeysAreQualifiedNames() {
        for (String key : List.of("team", "example.com/tier", "app.kubernetes.io/name", "a.b/c-d", "x0", "A_b.C")) {
            for (String map : List.of("commonLabels", "podLabels", "nodeSelector", "podAnnotations", "serviceAccount.annotations")) {
                Map<String, Object> values = at(map, Map.of(key, "v"));
                assertEquals(List.of(), validate(values), map + " key " + key);
            }
        }
        for (String key : List.of("Example.com/tier", "/tier", "a/b/c", "tier-", "-tier", "", "a b", "x".repeat(64))) {
            for (String map : List.of("commonLabels", "podLabels", "nodeSelector", "podAnnotations", "serviceAccount.annotations")) {
                Map<String, Object> values = at(map, Map.of(key, "v"));
                List<Problem> problems = validate(values);
                assertTrue(problems.stream().anyMatch(p -> p.message().contains("each key is an optional DNS subdomain prefix")),
                        map + " key \"" + key + "\": " + problems);
            }
        }
    }

    @Test
    void listsOfKubernetesObjectsAreChecked() {
        assertEquals(List.of(), validate(yaml("""
                imagePullSecrets: [{name: regcred}]
                tolerations:
                  - {key: dedicated, operator: Equal, value: ops, effect: NoSchedule}
                  - {operator: Exists}
                  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
                extraEnv:
                  - {name: LOG_LEVEL, value: debug}
                  - name: FROM_SECRET
                    valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}
                  - name: POD
                    valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  - name: MEMORY
                    valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
                backup: {options: {extraArgs: ["--log-format=json", "--x"]}}
                restore: {options: {extraArgs: []}}
                """)));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("imagePullSecrets: [{name: Reg_Cred}]", "imagePullSecrets[0].name");
        bad.put("imagePullSecrets: [{}]", "imagePullSecrets[0]");
        bad.put("imagePullSecrets: [regcred]", "imagePullSecrets[0]");
        bad.put("tolerations: [{key: a, operator: In}]", "tolerations[0].operator");
        bad.put("tolerations: [{key: a, effect: NoExecution}]", "tolerations[0].effect");
        bad.put("tolerations: [{key: a, tolerationSecond: 5}]", "tolerations[0].tolerationSecond");
        bad.put("tolerations: [{key: a, tolerationSeconds: '5'}]", "tolerations[0].tolerationSeconds");
        bad.put("extraEnv: [{value: x}]", "extraEnv[0]");
        bad.put("extraEnv: [{name: A, value: 5}]", "extraEnv[0].value");
        bad.put("extraEnv: [{name: 'A=B', value: x}]", "extraEnv[0].name");
        bad.put("extraEnv: [{name: A, valu: x}]", "extraEnv[0].valu");
        bad.put("extraEnv: [{name: A, valueFrom: {secretRef: {name: s}}}]", "extraEnv[0].valueFrom.secretRef");
        bad.put("extraEnv: {A: x}", "extraEnv");
        bad.put("backup: {options: {extraArgs: [--force, 5]}}", "backup.options.extraArgs[1]");
        bad.put("backup: {options: {extraArgs: --force}}", "backup.options.extraArgs");
        bad.put("backup: {storage: {local: {persistence: {accessModes: [ReadWriteEverywhere]}}}}",
                "backup.storage.local.persistence.accessModes[0]");
        assertRejectedAt(bad);
    }

    @Test
    void securityContextsListKubernetesFieldsAndCatchTypos() {
        assertEquals(List.of(), validate(yaml("""
                podSecurityContext:
                  runAsNonRoot: true
                  runAsUser: 10001
                  runAsGroup: 10001
                  fsGroup: 10001
                  fsGroupChangePolicy: OnRootMismatch
                  supplementalGroups: [2000]
                  seccompProfile: {type: Localhost, localhostProfile: profiles/backup.json}
                  seLinuxOptions: {level: "s0:c123,c456"}
                  sysctls: [{name: net.core.somaxconn, value: "1024"}]
                  appArmorProfile: {type: RuntimeDefault}
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                  readOnlyRootFilesystem: true
                  runAsNonRoot: true
                  runAsUser: 10001
                  privileged: false
                  procMount: Default
                  seccompProfile: {type: RuntimeDefault}
                """)));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("podSecurityContext: {runAsUSer: 1000}", "podSecurityContext.runAsUSer");
        bad.put("podSecurityContext: {runAsUser: -1}", "podSecurityContext.runAsUser");
        bad.put("podSecurityContext: {runAsUser: '1000'}", "podSecurityContext.runAsUser");
        bad.put("podSecurityContext: {seccompProfile: {type: Default}}", "podSecurityContext.seccompProfile.type");
        bad.put("podSecurityContext: {fsGroupChangePolicy: Never}", "podSecurityContext.fsGroupChangePolicy");
        bad.put("podSecurityContext: {allowPrivilegeEscalation: false}", "podSecurityContext.allowPrivilegeEscalation");
        bad.put("securityContext: {capabilities: {drop: ALL}}", "securityContext.capabilities.drop");
        bad.put("securityContext: {capabilities: {remove: [ALL]}}", "securityContext.capabilities.remove");
        bad.put("securityContext: {readOnlyRootFileSystem: true}", "securityContext.readOnlyRootFileSystem");
        bad.put("securityContext: {fsGroup: 1000}", "securityContext.fsGroup");
        bad.put("securityContext: {procMount: Masked}", "securityContext.procMount");
        bad.put("resources: {request: {cpu: 1}}", "resources.request");
        bad.put("resources: {requests: {CPU!: 1}}", "resources.requests");
        assertRejectedAt(bad);
    }

    @Test
    void enumsAndIntegers() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("image: {pullPolicy: always}", "image.pullPolicy");
        bad.put("cronJob: {concurrencyPolicy: Skip}", "cronJob.concurrencyPolicy");
        bad.put("backup: {mode: weekly}", "backup.mode");
        bad.put("restore: {mode: once}", "restore.mode");
        bad.put("backup: {storage: {type: gcs}}", "backup.storage.type");
        bad.put("restore: {storage: {type: S3}}", "restore.storage.type");
        bad.put("backup: {options: {neo4jMetadata: everything}}", "backup.options.neo4jMetadata");
        bad.put("cronJob: {successfulJobsHistoryLimit: -1}", "cronJob.successfulJobsHistoryLimit");
        bad.put("cronJob: {failedJobsHistoryLimit: 1.5}", "cronJob.failedJobsHistoryLimit");
        bad.put("cronJob: {startingDeadlineSeconds: -10}", "cronJob.startingDeadlineSeconds");
        bad.put("cronJob: {suspend: 'yes'}", "cronJob.suspend");
        bad.put("job: {backoffLimit: -1}", "job.backoffLimit");
        bad.put("job: {ttlSecondsAfterFinished: -1}", "job.ttlSecondsAfterFinished");
        bad.put("job: {activeDeadlineSeconds: '60'}", "job.activeDeadlineSeconds");
        bad.put("backup: {retention: {days: 0}}", "backup.retention.days");
        bad.put("backup: {retention: {count: 0}}", "backup.retention.count");
        bad.put("backup: {enabled: 'true'}", "backup.enabled");
        bad.put("enabled: 1", "enabled");
        bad.put("global: []", "global");
        bad.put("affinity: []", "affinity");
        assertRejectedAt(bad);
        assertEquals(List.of(), validate(yaml("""
                cronJob: {startingDeadlineSeconds: null, successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0}
                job: {backoffLimit: 6, ttlSecondsAfterFinished: 0, activeDeadlineSeconds: null}
                backup: {retention: {days: 1, count: null}}
                global: {imageRegistry: registry.example.com, anything: {goes: [here]}}
                affinity: {podAntiAffinity: {anything: goes}}
                """)));
    }

    /** Credentials never have a place in values: S3 objects know only bucket, prefix, endpoint, region and the Secret's keys. */
    @Test
    void credentialsAreUnknownKeys() {
        for (String side : List.of("backup", "restore")) {
            for (String key : List.of("accessKey", "secretKey", "accessKeyId", "secretAccessKey", "AWS_ACCESS_KEY_ID",
                    "AWS_SECRET_ACCESS_KEY", "password", "credentials", "sessionToken")) {
                Map<String, Object> partial = at(side + ".storage.s3." + key, "AKIAEXAMPLE");
                for (Map<String, Object> values : List.of(partial, merge(defaults(), partial))) {
                    List<Problem> problems = validate(values);
                    assertEquals(1, problems.size(), problems.toString());
                    assertEquals(side + ".storage.s3." + key, problems.get(0).path());
                    assertTrue(problems.get(0).atKey(), "an unknown key: " + problems.get(0));
                }
            }
        }
        assertRejectedAt(Map.of("backup: {storage: {s3: {key: x}}}", "backup.storage.s3.key",
                "backup: {storage: {s3: {latest: true}}}", "backup.storage.s3.latest",
                "backup: {s3: {bucket: b}}", "backup.s3",
                "restore: {storage: {local: {persistence: {enabled: true}}}}", "restore.storage.local.persistence",
                "unknownTopLevel: 1", "unknownTopLevel"));
    }

    // ------------------------------------------------------------------ cross-field rules

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CrossFieldRules {

        /** A file that breaks one rule: the rule's sentence, and only it, alone and merged. */
        void rejects(String file, String sentence, String pathAlone, String pathMerged) {
            Map<String, Object> partial = yaml(file);
            List<Problem> alone = validate(partial);
            List<Problem> merged = validate(merge(defaults(), partial));
            assertTrue(alone.stream().anyMatch(p -> p.message().equals(sentence) && p.path().equals(pathAlone)),
                    "the file alone: expected at " + pathAlone + ", got " + alone);
            assertTrue(merged.stream().anyMatch(p -> p.message().equals(sentence) && p.path().equals(pathMerged)),
                    "merged: expected at " + pathMerged + ", got " + merged);
            assertEquals(Set.of(sentence), messages(alone), "only this rule, alone");
            assertEquals(Set.of(sentence), messages(merged), "only this rule, merged");
        }

        void accepts(String file) {
            Map<String, Object> partial = yaml(file);
            assertEquals(List.of(), validate(partial), "alone");
            assertEquals(List.of(), validate(merge(defaults(), partial)), "merged");
        }

        @Test
        void backupAndRestoreNeverTogether() {
            rejects("""
                    backup: {enabled: true, storage: {type: local}}
                    restore: {enabled: true, storage: {type: local}}
                    """, RULE_BOTH_ENABLED, "restore.enabled", "restore.enabled");
            accepts("backup: {enabled: true, storage: {type: local}}\nrestore: {enabled: false}");
            accepts("backup: {enabled: false}\nrestore: {enabled: true, storage: {type: local}}");
            accepts("backup: {enabled: true, storage: {type: local}}\nrestore: {mode: job}");
        }

        @Test
        void backupToS3NamesItsBucket() {
            rejects("backup: {enabled: true}", RULE_BACKUP_BUCKET, "backup", "backup.storage.s3.bucket");
            rejects("backup: {enabled: true, mode: cronjob, storage: {type: s3}}", RULE_BACKUP_BUCKET, "backup.storage",
                    "backup.storage.s3.bucket");
            rejects("backup: {enabled: true, storage: {s3: {prefix: p/}}}", RULE_BACKUP_BUCKET, "backup.storage.s3",
                    "backup.storage.s3.bucket");
            rejects("backup: {enabled: true, storage: {s3: {bucket: ''}}}", RULE_BACKUP_BUCKET, "backup.storage.s3.bucket",
                    "backup.storage.s3.bucket");
            accepts("backup: {enabled: true, storage: {s3: {bucket: b}}}");
            accepts("backup: {enabled: true, storage: {type: local}}");
            accepts("backup: {enabled: false, storage: {type: s3}}");
            accepts("backup: {storage: {s3: {bucket: ''}}}");
        }

        @Test
        void restoreFromS3NamesItsBucket() {
            rejects("restore: {enabled: true, storage: {s3: {latest: true}}}", RULE_RESTORE_BUCKET, "restore.storage.s3",
                    "restore.storage.s3.bucket");
            rejects("restore: {enabled: true, storage: {type: s3, s3: {bucket: '', key: a.tar.gz}}}", RULE_RESTORE_BUCKET,
                    "restore.storage.s3.bucket", "restore.storage.s3.bucket");
            accepts("restore: {enabled: true, storage: {type: local}}");
        }

        @Test
        void restoreFromS3TakesKeyOrLatestNotBoth() {
            rejects("restore: {enabled: true, storage: {s3: {bucket: b, key: a.tar.gz, latest: true}}}", RULE_KEY_AND_LATEST,
                    "restore.storage.s3.key", "restore.storage.s3.key");
            rejects("restore: {enabled: true, storage: {s3: {bucket: b}}}", RULE_KEY_OR_LATEST, "restore.storage.s3",
                    "restore.storage.s3.key");
            rejects("restore: {enabled: true, storage: {s3: {bucket: b, latest: false, key: ''}}}", RULE_KEY_OR_LATEST,
                    "restore.storage.s3.key", "restore.storage.s3.key");
            accepts("restore: {enabled: true, storage: {s3: {bucket: b, key: a.tar.gz}}}");
            accepts("restore: {enabled: true, storage: {s3: {bucket: b, latest: true}}}");
            accepts("restore: {enabled: true, storage: {s3: {bucket: b, latest: true, key: ''}}}");
            accepts("restore: {enabled: true, storage: {type: local, s3: {key: a, latest: true}}}");
            accepts("restore: {enabled: false, storage: {s3: {key: a, latest: true}}}");
        }

        @Test
        void restoreWithNeitherKeyNorLatestNorBucketGetsBothSentences() {
            Map<String, Object> partial = yaml("restore: {enabled: true}");
            assertEquals(Set.of(RULE_RESTORE_BUCKET, RULE_KEY_OR_LATEST), messages(validate(partial)));
            assertEquals(Set.of(RULE_RESTORE_BUCKET, RULE_KEY_OR_LATEST), messages(validate(merge(defaults(), partial))));
        }

        @Test
        void scheduledLocalRestoreReadsTheNewestArchiveOfAnExistingClaim() {
            rejects("restore: {enabled: true, mode: cronjob, storage: {type: local}}", RULE_LOCAL_CRONJOB, "restore.storage",
                    "restore.storage.local.existingClaim");
            rejects("restore: {enabled: true, mode: cronjob, storage: {type: local, local: {existingClaim: c}}}",
                    RULE_LOCAL_CRONJOB, "restore.storage.local", "restore.storage.local.latest");
            rejects("restore: {enabled: true, mode: cronjob, storage: {type: local, local: {latest: true}}}",
                    RULE_LOCAL_CRONJOB, "restore.storage.local", "restore.storage.local.existingClaim");
            rejects("restore: {enabled: true, mode: cronjob, storage: {type: local, local: {existingClaim: c, latest: false}}}",
                    RULE_LOCAL_CRONJOB, "restore.storage.local.latest", "restore.storage.local.latest");
            rejects("restore: {enabled: true, mode: cronjob, storage: {type: local, local: {existingClaim: '', latest: true}}}",
                    RULE_LOCAL_CRONJOB, "restore.storage.local.existingClaim", "restore.storage.local.existingClaim");
            accepts("restore: {enabled: true, mode: cronjob, storage: {type: local, local: {existingClaim: c, latest: true}}}");
            accepts("restore: {enabled: true, mode: job, storage: {type: local}}");
            accepts("restore: {enabled: true, storage: {type: local}}");
            accepts("restore: {enabled: false, mode: cronjob, storage: {type: local}}");
        }

    }

    // ------------------------------------------------------------------ real Helm

    @Nested
    @Tag("helm")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RealHelm {
        Path work;
        HelmChart chart;
        int files;

        @BeforeAll
        void copyChart(@TempDir Path work) {
            this.work = work;
            chart = HelmChart.copyOf(CHART_DIR, work);
        }

        String render(Map<String, Object> values) throws IOException {
            Path file = work.resolve("values-" + files++ + ".yaml");
            Files.writeString(file, JSON.writeValueAsString(values), StandardCharsets.UTF_8);
            return chart.command().withName("prod").withNamespace("infrahub").withValuesFile(file).call();
        }

        String failure(Map<String, Object> values) {
            Exception e = assertThrows(Exception.class, () -> render(values), "Helm must reject " + values);
            return e.getMessage();
        }

        @Test
        void acceptsTheDefaultsAndRejectsAnInvalidMode() {
            String manifest = chart.command().withName("prod").call();
            assertNotNull(manifest);
            assertTrue(manifest.contains("kind: ServiceAccount"), manifest);
            TemplateCommand weekly = chart.command().withName("prod").set("backup.mode", "weekly");
            Exception e = assertThrows(Exception.class, weekly::call);
            assertTrue(e.getMessage().contains("backup") && e.getMessage().contains("mode"), e.getMessage());
        }

        /** Helm's refusals name the path that broke the rule; the messages stay out of the build log. */
        @Test
        void namesThePathOfAPatternAndARule() throws IOException {
            assertRefusedAt("/backup/schedule", failure(at("backup.schedule", "0 2 * * 7")));
            assertRefusedAt("/cronJob/timeZone", failure(at("cronJob.timeZone", "paris")));
            assertRefusedAt("/backup/storage/s3/bucket", failure(at("backup.enabled", true)));
            assertRefusedAt("/backup/storage/s3", failure(at("backup.storage.s3.accessKey", "AKIA")));
        }

        private static void assertRefusedAt(String path, String message) {
            assertTrue(message.contains("at '" + path + "'"), () -> "Helm's refusal names " + path + ":\n" + message);
        }

        @Test
        void acceptsEveryScenario() throws IOException {
            for (Path file : scenarioFiles()) {
                render(scenarioValues(file));
            }
        }

        /** Go's regexp and Java's agree on every table entry: Helm rejects exactly what networknt rejects. */
        @Test
        void agreesWithTheJavaValidatorOnEveryPatternCase() throws IOException {
            List<String> disagreements = new ArrayList<>();
            for (Case c : (Iterable<Case>) patternCases()::iterator) {
                Map<String, Object> partial = partial(c);
                boolean javaValid = validate(merge(defaults(), partial)).isEmpty();
                boolean helmValid;
                try {
                    render(partial);
                    helmValid = true;
                } catch (RuntimeException e) {
                    helmValid = false;
                }
                if (javaValid != helmValid || javaValid != c.valid()) {
                    disagreements.add(c + ": java " + javaValid + ", helm " + helmValid);
                }
            }
            assertEquals(List.of(), disagreements);
        }

        @Test
        void rejectsEveryRuleViolation() {
            for (String file : List.of(
                    "backup: {enabled: true, storage: {type: local}}\nrestore: {enabled: true, storage: {type: local}}",
                    "backup: {enabled: true}",
                    "restore: {enabled: true, storage: {s3: {latest: true}}}",
                    "restore: {enabled: true, storage: {s3: {bucket: b, key: k, latest: true}}}",
                    "restore: {enabled: true, storage: {s3: {bucket: b}}}",
                    "restore: {enabled: true, mode: cronjob, storage: {type: local, local: {existingClaim: c}}}")) {
                String message = failure(yaml(file));
                assertTrue(message.contains("schema"), file + ": " + message);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> messages(List<Problem> problems) {
        Set<String> messages = new TreeSet<>();
        problems.forEach(p -> messages.add(p.message()));
        return messages;
    }

    static void assertRejectedAt(Map<String, String> filesAndPaths) {
        List<String> failures = new ArrayList<>();
        filesAndPaths.forEach((file, path) -> {
            Map<String, Object> partial = yaml(file);
            for (Map<String, Object> values : List.of(partial, merge(defaults(), partial))) {
                List<Problem> problems = validate(values);
                if (problems.stream().noneMatch(p -> p.path().equals(path))) {
                    failures.add(file + (values == partial ? " (alone)" : " (merged)") + ": expected a problem at " + path
                            + ", got " + problems);
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFolder.SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** A scenario's values for this chart: the file, or this chart's section of the umbrella one, as Helm scopes it. */
    static Map<String, Object> scenarioValues(Path file) {
        Map<String, Object> values = yaml(file);
        if (hasParent(file)) {
            String chartName = ChartMetadata.parse(SchemaFixture.read(CHART_DIR.resolve("Chart.yaml"))).name();
            return Subchart.scope(values, chartName).orElseThrow();
        }
        return values;
    }

    /** A scenario of an umbrella chart says so in a "# parent: CHART" line of its header. */
    private static boolean hasParent(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .takeWhile(line -> line.startsWith("#"))
                    .anyMatch(line -> line.startsWith("# parent:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Visitor {
        void visit(String path, Object value);
    }

    /** Every key of a values tree, maps descended (a list or scalar is a value). */
    @SuppressWarnings("unchecked")
    static void walkValues(String prefix, Map<String, Object> map, Visitor visitor) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            visitor.visit(path, value);
            if (value instanceof Map<?, ?> child) {
                walkValues(path, (Map<String, Object>) child, visitor);
            }
        });
    }

    /** The "# -- " comment above each key of values.yaml, by dotted path. */
    static Map<String, String> valuesComments() throws IOException {
        Map<String, String> comments = new LinkedHashMap<>();
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String pending = null;
        Pattern comment = Pattern.compile("^\\s*# -- (.*)$");
        Pattern key = Pattern.compile("^(\\s*)([A-Za-z][A-Za-z0-9]*):");
        for (String line : Files.readAllLines(VALUES_FILE)) {
            Matcher c = comment.matcher(line);
            if (c.matches()) {
                pending = c.group(1).trim();
                continue;
            }
            Matcher k = key.matcher(line);
            if (k.find()) {
                int indent = k.group(1).length();
                while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                    indents.remove(indents.size() - 1);
                    keys.remove(keys.size() - 1);
                }
                indents.add(new int[] {indent});
                keys.add(k.group(2));
                if (pending != null) {
                    comments.put(String.join(".", keys), pending);
                }
                pending = null;
            }
        }
        return comments;
    }

    interface PropertyVisitor {
        void visit(String path, JsonNode node);
    }

    /** Every named property of the values schema (not the rules, not the definitions), by dotted path. */
    static void forEachProperty(String prefix, JsonNode node, PropertyVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            visitor.visit(path, entry.getValue());
            forEachProperty(path, entry.getValue(), visitor);
        }
    }

    static boolean underKubernetesObject(String path) {
        return KUBERNETES_OBJECTS.stream().anyMatch(o -> path.startsWith(o + "."));
    }

    /** Schema properties that values.yaml lacks, Kubernetes objects passed through and free-form maps aside. */
    static void walkSchema(String prefix, JsonNode node, List<String> missing) {
        Map<String, Object> defaults = defaults();
        forEachProperty(prefix, node, (path, property) -> {
            if (underKubernetesObject(path)) {
                return;
            }
            Object value = defaults;
            for (String key : path.split("\\.")) {
                value = value instanceof Map<?, ?> map && map.containsKey(key) ? map.get(key) : Missing.VALUE;
            }
            if (value == Missing.VALUE) {
                missing.add(path);
            }
        });
    }

    enum Missing { VALUE }

    /** "required" anywhere but in list items (and what they contain) and the if/then rules. */
    static void findRequired(String pointer, JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (key.equals("items")) {
                    continue;
                }
                if (key.equals("required") && entry.getValue().isArray()) {
                    found.add(pointer + "/required " + entry.getValue());
                }
                findRequired(pointer + "/" + key, entry.getValue(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findRequired(pointer + "/" + i, node.get(i), found);
            }
        }
    }

    interface NodeVisitor {
        void visit(String pointer, JsonNode node);
    }

    static void visit(String pointer, JsonNode node, NodeVisitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            node.fields().forEachRemaining(e -> visit(pointer + "/" + e.getKey(), e.getValue(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(pointer + "/" + i, node.get(i), visitor);
            }
        }
    }
}
