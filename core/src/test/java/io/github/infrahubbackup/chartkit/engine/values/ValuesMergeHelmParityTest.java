package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.TemplateCommand;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.NativeStderr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values files combine with each other and with a chart's defaults as real Helm combines them:
 * each case renders a throwaway chart whose template prints {@code toJson .Values}, with Helm and
 * with {@link ValuesReader} + {@link Coalesce}, and compares the two.
 */
@Tag("helm")
class ValuesMergeHelmParityTest {
    private static final String DEFAULTS = """
            name: base
            replicas: 1
            ratio: 0.5
            flags: {a: true, b: false}
            list: [x, y]
            nested:
              keep: 1
              drop: 2
              deeper: {one: 1, two: 2}
            nothing: null
            """;

    @TempDir
    static Path work;
    static HelmChart chart;

    @BeforeAll
    static void writeChart() {
        chart = HelmChart.write(work, "probe", Map.of("values.yaml", DEFAULTS, "templates/values.yaml", "# dump\n{{ toJson .Values }}\n"));
    }

    static List<List<String>> cases() {
        return List.of(
                List.of("{}"),
                List.of("name: user"),
                List.of("list: [z]"),
                List.of("list: []"),
                List.of("nested: {drop: null}"),
                List.of("nested: {deeper: null}"),
                List.of("nested: {deeper: {two: null, three: 3}}"),
                List.of("nested: null"),
                List.of("name: null", "name: again"),
                List.of("nested: {keep: 10}", "nested: {drop: 20}"),
                List.of("list: [a, b]", "list: [c]"),
                List.of("flags: {a: false}", "flags: {b: yes}"),
                List.of("nested: scalar-over-map"),
                List.of("name: {now: a-map}"),
                List.of("extra: {unknown: null}"),
                List.of("replicas: 0x10", "ratio: 1e3"),
                List.of("nothing: {was: null}"),
                List.of("a: on\nb: off\nc: y\nd: n\ne: ~\nf: 012\ng: 1_000\nh: '.inf'\ni: 2001-12-14\nj: 1:20"),
                List.of("big: 12345678901234567890\nneg: -7\nfloat: 1.50\nexp: 6.02e23"),
                List.of("nested: {deeper: {one: null}}", "nested: {deeper: {one: 5}}"),
                List.of("'quoted key': \"x\"\n1: one\ntrue: yes-key"));
    }

    /** Values become JSON in Helm, which has no infinity or NaN: both refuse them. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x: .inf", "x: -.Inf", "x: .nan", "x: [1, .NaN]"})
    void bothRefuseNumbersJsonCannotHold(String file) throws Exception {
        Path path = work.resolve("nonjson.yaml");
        Files.writeString(path, file, StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> chart.command().withName("probe").withValuesFile(path).call());
        ValuesSyntaxException refused = org.junit.jupiter.api.Assertions.assertThrows(ValuesSyntaxException.class,
                () -> ValuesReader.read("v.yaml", file));
        org.junit.jupiter.api.Assertions.assertTrue(refused.reason().contains("not a number Helm can use"), refused.reason());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergesAsHelmDoes(List<String> files) throws Exception {
        List<Path> paths = new ArrayList<>();
        Map<String, Object> user = new java.util.LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = work.resolve("values-" + i + ".yaml");
            Files.writeString(file, files.get(i), StandardCharsets.UTF_8);
            paths.add(file);
            Coalesce.merge(user, ValuesReader.read(file.toString(), files.get(i)).values());
        }
        TemplateCommand helm = chart.command().withName("probe");
        for (Path path : paths) {
            helm = helm.withValuesFile(path);
        }
        // Helm warns on stderr where a map replaces a scalar default; that belongs to this case's report, not the log.
        NativeStderr.Captured<String> run = NativeStderr.capture(helm::call);
        String output = run.value();
        String json = output.substring(output.indexOf("# dump\n") + "# dump\n".length()).strip();

        Map<String, Object> merged = Coalesce.withDefaults(user, ValuesReader.read("values.yaml", DEFAULTS).values());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = mapper.readTree(json);
        JsonNode actual = mapper.valueToTree(merged);
        assertEquals(normalise(expected), normalise(actual), () -> "values after merging " + files
                + (run.stderr().isEmpty() ? "" : "; Helm warned:\n" + run.stderr()));
    }

    /** Numbers compared by value: Helm prints a whole double without a fraction. */
    private static Object normalise(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new java.util.TreeMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), normalise(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(normalise(item)));
            return list;
        }
        if (node.isNumber()) {
            return new java.math.BigDecimal(node.asText()).stripTrailingZeros();
        }
        return node.isNull() ? null : node.isBoolean() ? node.booleanValue() : node.asText();
    }
}
