package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaValidator;
import io.github.infrahubbackup.chartkit.engine.schema.SchemaViolation;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code pattern} of the schema gives the same verdict on every probe string in the three
 * regular-expression dialects that read it: Go's RE2 (real Helm's schema check, through a
 * throwaway chart whose schema holds the patterns), Java's (the library's {@link SchemaValidator},
 * networknt with its regex factory) and JavaScript's (the YAML language server's own
 * {@code safeCreateUnicodeRegExp} and {@code test}, run by Node). The probes put hard characters
 * (line and paragraph separators, carriage return, NEL, NUL, tab, an astral character) alone,
 * before, inside and after strings that match some pattern. Lone surrogates are left out: a values
 * file is UTF-8 text, and an escape of a surrogate is refused by go-yaml and by the library before
 * any pattern sees it.
 */
@Tag("helm")
class PatternDialectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HARD = List.of("\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\u0000", "\t", "\uD83D\uDE00", "\u00e9");
    private static final List<String> BASES = List.of("", "a", "z9", "A", "0", "12", "a.b", "a-b", "a_b", "1.2.3", "v1.2.3", "--redact",
            "--redact=x", "sha256:" + "a".repeat(64), "/data", "infrahub/backup", "registry.io:5000/a/b", "1h30m", "300ms", "5m", "90s",
            "1y2w", "0 2 * * *", "@daily", "*/5 * * * *", "100Mi", "1.5Gi", "+1e3", "ab c", "key.pem", "x=y", "a.tar.gz.enc");

    @TempDir
    static Path work;
    private static List<String> patterns;
    private static List<String> probes;

    @BeforeAll
    static void collect() throws IOException {
        patterns = new ArrayList<>(new LinkedHashSet<>(patterns(JSON.readTree(ProjectFolder.SCHEMA.toFile()))));
        Set<String> all = new LinkedHashSet<>(BASES);
        all.addAll(HARD);
        for (String base : BASES) {
            for (String hard : HARD) {
                all.add(hard + base);
                all.add(base + hard);
                if (base.length() > 1) {
                    all.add(base.charAt(0) + hard + base.substring(1));
                }
            }
        }
        probes = new ArrayList<>(all);
    }

    @Test
    void goJavaAndJavaScriptGiveTheSameVerdicts() throws IOException, InterruptedException {
        Set<String> java = failingKeysInJava();
        Set<String> go = failingKeysInGo();
        Set<String> javaScript = failingKeysInJavaScript();
        for (int p = 0; p < patterns.size(); p++) {
            int failing = 0;
            for (int s = 0; s < probes.size(); s++) {
                failing += java.contains(key(p, s)) ? 1 : 0;
            }
            assertTrue(failing > 0 && failing < probes.size(), "the probes both match and fail " + patterns.get(p) + " (" + failing + " fail)");
        }
        assertEquals("", differences("Java", java, go), "Java's verdicts differ from Go's (Helm's)");
        assertEquals("", differences("JavaScript", javaScript, go), "JavaScript's verdicts differ from Go's (Helm's)");
    }

    /** The patterns of a schema: every "pattern" keyword's value and every patternProperties key. */
    static List<String> patterns(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    found.add(field.getValue().asText());
                } else if (field.getKey().equals("patternProperties")) {
                    field.getValue().fieldNames().forEachRemaining(found::add);
                }
                found.addAll(patterns(field.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(patterns(item)));
        }
        return found;
    }

    private static String key(int pattern, int probe) {
        return "p" + pattern + "s" + probe;
    }

    /** A schema with one property per pattern and probe, holding the pattern. */
    private static String schema() throws IOException {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        ObjectNode properties = schema.putObject("properties");
        for (int p = 0; p < patterns.size(); p++) {
            for (int s = 0; s < probes.size(); s++) {
                properties.putObject(key(p, s)).put("type", "string").put("pattern", patterns.get(p));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
    }

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (int s = 0; s < probes.size(); s++) {
                values.put(key(p, s), probes.get(s));
            }
        }
        return values;
    }

    private static Set<String> failingKeysInJava() throws IOException {
        Set<String> failing = new HashSet<>();
        for (SchemaViolation violation : new SchemaValidator(schema(), Map.of(), List.of()).validate(values())) {
            failing.add(violation.path());
        }
        return failing;
    }

    /** Helm refuses the values with one "at '/KEY'" line per failing property. */
    private static Set<String> failingKeysInGo() throws IOException {
        HelmChart chart = HelmChart.write(work, "patterns", Map.of("values.schema.json", schema(), "templates/none.yaml", "# nothing\n"));
        Path file = work.resolve("values.json");
        // JSON is YAML, but YAML 1.1 reads a raw NEL, LS or PS as a line break even inside quotes: escape them.
        String json = JSON.writeValueAsString(values()).replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Set<String> failing = new HashSet<>();
        try {
            chart.command().withName("patterns").withValuesFile(file).call();
        } catch (IllegalStateException e) {
            Matcher at = Pattern.compile("at '/(p\\d+s\\d+)'").matcher(e.getMessage());
            while (at.find()) {
                failing.add(at.group(1));
            }
            assertTrue(!failing.isEmpty(), "Helm refused the values for another reason:\n" + e.getMessage());
        }
        return failing;
    }

    /** The YAML language server's regex construction and test, run by Node over every pattern and probe. */
    private static Set<String> failingKeysInJavaScript() throws IOException, InterruptedException {
        Path strings = ProjectFolder.ROOT.resolve(YamlLanguageServer.PACKAGE_DIR).resolve("lib/umd/languageservice/utils/strings.js");
        assertTrue(Files.isRegularFile(strings), strings + " is missing: run `npm ci` in " + ProjectFolder.ROOT);
        String script = """
                const { safeCreateUnicodeRegExp } = require(process.argv[1]);
                let input = '';
                process.stdin.on('data', chunk => input += chunk);
                process.stdin.on('end', () => {
                  const { patterns, probes } = JSON.parse(input);
                  const failing = [];
                  patterns.forEach((pattern, p) => {
                    const regex = safeCreateUnicodeRegExp(pattern);
                    probes.forEach((probe, s) => { if (!regex || !regex.test(probe)) failing.push('p' + p + 's' + s); });
                  });
                  process.stdout.write(JSON.stringify(failing));
                });
                """;
        Process node = new ProcessBuilder(System.getProperty("yaml.ls.node", "node"), "-e", script, strings.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ObjectNode input = JSON.createObjectNode();
        ArrayNode patternList = input.putArray("patterns");
        patterns.forEach(patternList::add);
        ArrayNode probeList = input.putArray("probes");
        probes.forEach(probeList::add);
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(input));
        }
        JsonNode failing = JSON.readTree(node.getInputStream());
        assertEquals(0, node.waitFor(), "node exited with an error");
        Set<String> keys = new HashSet<>();
        failing.forEach(key -> keys.add(key.asText()));
        return keys;
    }

    /** The probe with every character outside printable ASCII as a Java escape. */
    private static String escaped(String probe) {
        StringBuilder out = new StringBuilder("\"");
        probe.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }

    /** Each pattern and probe on which the dialect and Go disagree, one a line. */
    private static String differences(String dialect, Set<String> failing, Set<String> failingInGo) {
        Set<String> lines = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (int s = 0; s < probes.size(); s++) {
                boolean fails = failing.contains(key(p, s));
                if (fails != failingInGo.contains(key(p, s))) {
                    lines.add(patterns.get(p) + " on " + escaped(probes.get(s)) + ": " + dialect + (fails ? " refuses" : " accepts")
                            + ", Go " + (fails ? "accepts" : "refuses"));
                }
            }
        }
        return String.join("\n", lines);
    }
}
