package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.InvalidValuesException;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No string, however odd, changes the structure of the output. For every string-valued key of the
 * chart and an arbitrary string {@code s}: either both renderers refuse the values, cleanly; or
 * both render the same bytes, and reading those back gives exactly what the render with a
 * harmless placeholder gives once {@code s} is put back in the placeholder's place.
 *
 * <p>Two Helm behaviours are left out of the alphabet on purpose, because they change the value
 * (not the structure) identically in both renderers: the text {@code <no value>}, which Helm
 * deletes from every template's output, and NEL (U+0085), which Helm's JSON round trip turns into
 * a space inside toYaml'd maps. The schema refuses the control characters that make Helm's
 * {@code toYaml} print nothing.
 */
@Tag("helm")
@Tag("slow")
class NoInjectionPropertyTest {
    private static final Release RELEASE = Release.named("prod").in("infrahub");
    private static Path work;
    private static HelmChart helm;
    private static InfrahubBackupChart chart;

    /** A key, the values around it that make it render, and a harmless value unique in the output. */
    record Target(String path, String base, String placeholder) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static final String BACKUP_S3 = "backup: {enabled: true, mode: cronjob, storage: {s3: {bucket: b, prefix: p, endpoint: e, secretName: s}}}";
    private static final String BACKUP_LOCAL = "backup: {enabled: true, mode: job, storage: {type: local, local: {persistence: {enabled: true}}}}";
    private static final String RESTORE_S3 = "restore: {enabled: true, storage: {s3: {bucket: b, key: k, endpoint: e, secretName: s}}}";
    private static final String RESTORE_LOCAL = "restore: {enabled: true, storage: {type: local, local: {existingClaim: c}}}";

    static final List<Target> TARGETS = List.of(
            new Target("serviceAccount.name", BACKUP_S3, "zq-placeholder"),
            new Target("serviceAccount.annotations.zq", BACKUP_S3, "zqplaceholder"),
            new Target("image.repository", BACKUP_S3, "zqplaceholder"),
            new Target("image.tag", BACKUP_S3, "zqplaceholder"),
            new Target("priorityClassName", BACKUP_S3, "zq-placeholder"),
            new Target("cronJob.timeZone", BACKUP_S3, "Zq/Placeholder"),
            new Target("commonLabels.zq", BACKUP_S3, "zqplaceholder"),
            new Target("podLabels.zq", BACKUP_S3, "zqplaceholder"),
            new Target("podAnnotations.zq", BACKUP_S3, "zqplaceholder"),
            new Target("nodeSelector.zq", BACKUP_S3, "zqplaceholder"),
            new Target("resources.requests.cpu", BACKUP_S3, "777m"),
            new Target("backup.options.extraArgs[]", BACKUP_S3, "zqplaceholder"),
            new Target("extraEnv[].value", BACKUP_S3, "zqplaceholder"),
            new Target("tolerations[].value", BACKUP_S3, "zqplaceholder"),
            new Target("backup.schedule", BACKUP_S3, "59 23 31 12 6"),
            new Target("backup.storage.path", BACKUP_S3, "/zq/placeholder"),
            new Target("backup.storage.s3.bucket", BACKUP_S3, "zqplaceholder"),
            new Target("backup.storage.s3.prefix", BACKUP_S3, "zqplaceholder"),
            new Target("backup.storage.s3.endpoint", BACKUP_S3, "zqplaceholder"),
            new Target("backup.storage.s3.region", BACKUP_S3, "zqplaceholder"),
            new Target("backup.storage.s3.secretName", BACKUP_S3, "zq-placeholder"),
            new Target("backup.storage.s3.accessKeyIdKey", BACKUP_S3, "zqplaceholder"),
            new Target("backup.storage.s3.secretAccessKeyKey", BACKUP_S3, "zqplaceholder"),
            new Target("backup.options.sleep", BACKUP_LOCAL, "7h13m"),
            new Target("backup.storage.local.persistence.size", BACKUP_LOCAL, "777Mi"),
            new Target("backup.storage.local.persistence.storageClass", BACKUP_LOCAL, "zq-placeholder"),
            new Target("backup.storage.local.persistence.existingClaim", BACKUP_LOCAL, "zq-placeholder"),
            new Target("restore.storage.s3.key", RESTORE_S3, "zqplaceholder"),
            new Target("restore.storage.s3.prefix", RESTORE_S3, "zqplaceholder"),
            new Target("restore.storage.s3.endpoint", RESTORE_S3, "zqplaceholder"),
            new Target("restore.storage.local.filename", RESTORE_LOCAL, "zqplaceholder"),
            new Target("restore.storage.local.existingClaim", RESTORE_LOCAL, "zq-placeholder"),
            new Target("restore.storage.path", RESTORE_LOCAL, "/zq/placeholder"),
            new Target("restore.options.sleep", RESTORE_LOCAL, "7h13m"));

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("no-injection");
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("chart")));
        chart = InfrahubBackupChart.load();
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.walk(work)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    /** Strings over YAML's, Go templates' and Pebble's special characters, line breaks and non-ASCII. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> special = Arbitraries.strings()
                .withChars("\n\r\t \"'\\:-#*&!|>%@`,[]{}?=~<>/.0123456789aZé中\u2028\u2029\u00a0\ufeff\u0000\u0007\u001b")
                .ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> fragments = Arbitraries.of("---", "...", "{{ .Values }}", "{% if %}", "{{", "}}", "- ", ": ",
                " #", "true", "null", "0x1F", "1e3", "'", "\"", "\n  injected: true\n", "\n- item", "\n---\nkind: Secret",
                "*alias", "&anchor", "!!str", "%YAML 1.1", "a\u2028b", "😀");
        Arbitrary<String> joined = Combinators.combine(fragments, special, fragments).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(special, joined, fragments);
        // Empty strings are left out: "" means "not set, use the default" for every key here.
    }

    @Property(tries = 2000, seed = "20261126")
    void noStringChangesTheStructure(@ForAll("targets") Target target, @ForAll("hostile") String value) {
        Outcome withValue = renderBoth(target, value);
        if (withValue.refused()) {
            return;
        }
        Outcome withPlaceholder = renderBoth(target, target.placeholder());
        assertEquals(false, withPlaceholder.refused(), "the placeholder for " + target + " must be valid");
        Object expected = replace(read(withPlaceholder.yaml()), target.placeholder(), value);
        Object actual = read(withValue.yaml());
        if (!expected.equals(actual)) {
            fail("with " + target + " = " + javaString(value) + " the output differs from the placeholder's at "
                    + firstDifference(expected, actual, ""));
        }
    }

    private record Outcome(boolean refused, String yaml) {
    }

    /** Renders with both renderers: both refuse, or both print the same bytes. */
    private static Outcome renderBoth(Target target, String value) {
        Map<String, Object> values = ValuesReader.read("base", target.base()).values();
        put(values, target.path(), value);
        Path file = work.resolve("values.json");
        try {
            Files.writeString(file, DifferentialTest.toJson(values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pebble = null;
        try {
            pebble = chart.render(Values.builder().file(file).build(), RELEASE).yaml();
        } catch (InvalidValuesException refused) {
            // Refused by the schema or a rule: Helm must refuse too.
        }
        String helmText = null;
        try {
            helmText = helm.template(RELEASE.name(), RELEASE.namespace(), List.of(file));
        } catch (IllegalStateException refused) {
            // helm-java reports Helm's errors as IllegalStateException.
        }
        assertEquals(pebble == null, helmText == null, "one renderer refused " + target + " = " + javaString(value)
                + " and the other did not");
        if (pebble != null) {
            assertEquals(helmText, pebble, "Helm and Pebble differ for " + target + " = " + javaString(value));
        }
        return new Outcome(pebble == null, pebble);
    }

    /**
     * Sets the value at a dotted path; {@code a[]} makes a one-item list, {@code a[].b} a list of one
     * map whose required neighbours are filled in.
     */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, String path, String value) {
        String[] keys = path.split("\\.");
        Map<String, Object> map = values;
        for (int i = 0; i < keys.length - 1; i++) {
            if (keys[i].endsWith("[]")) {
                Map<String, Object> item = new LinkedHashMap<>(keys[i].equals("extraEnv[]")
                        ? Map.of("name", "ZQ") : Map.of("key", "k", "operator", "Equal"));
                map.put(keys[i].substring(0, keys[i].length() - 2), List.of(item));
                map = item;
            } else {
                map = (Map<String, Object>) map.computeIfAbsent(keys[i], key -> new LinkedHashMap<>());
            }
        }
        String last = keys[keys.length - 1];
        if (last.endsWith("[]")) {
            map.put(last.substring(0, last.length() - 2), List.of(value));
        } else {
            map.put(last, value);
        }
    }

    /** Every document of a release, read as Kubernetes reads YAML (go-yaml's typing). */
    private static List<Object> read(String release) {
        List<Object> documents = new ArrayList<>();
        for (String document : release.split("(?m)^---\n")) {
            if (!document.isBlank()) {
                documents.add(ValuesReader.read("output", document).values());
            }
        }
        return documents;
    }

    private static Object replace(Object tree, String placeholder, String value) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(((String) k).replace(placeholder, value), replace(v, placeholder, value)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(replace(item, placeholder, value)));
            return copy;
        }
        return tree instanceof String s ? s.replace(placeholder, value) : tree;
    }

    /** The path of the first difference between two trees, with both sides. */
    private static String firstDifference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            if (!a.keySet().equals(b.keySet())) {
                return path + ": keys " + a.keySet() + " became " + b.keySet();
            }
            for (Object key : a.keySet()) {
                if (!java.util.Objects.equals(a.get(key), b.get(key))) {
                    return firstDifference(a.get(key), b.get(key), path + "." + key);
                }
            }
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!java.util.Objects.equals(a.get(i), b.get(i))) {
                    return firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                }
            }
        }
        return path + ": expected " + expected + " but was " + actual;
    }

    private static String javaString(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
                ? String.valueOf((char) cp) : String.format("\\u%04x", cp)));
        return out.append('"').toString();
    }
}
