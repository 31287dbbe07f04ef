package io.github.infrahubbackup.chartkit.engine.yaml;

import io.github.infrahubbackup.chartkit.testing.HelmChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Helm (through helm-java's embedded library) as the reference for {@link GoYaml}.
 *
 * <p>A throwaway chart prints, for every entry of a values map, the result of a template function
 * base64-encoded, so that whatever {@code toYaml} prints cannot break the rendered manifest (which
 * Helm parses as YAML). Many values go into one render: the first render costs about half a
 * second, later ones a few milliseconds.
 */
final class HelmOracle implements AutoCloseable {

    private static final Pattern LINE = Pattern.compile("(?m)^  ([cp])(\\d+): \"([A-Za-z0-9+/=]*)\"$");

    private final HelmChart chart;
    private final boolean deleteOnClose;

    private HelmOracle(HelmChart chart, boolean deleteOnClose) {
        this.chart = chart;
        this.deleteOnClose = deleteOnClose;
    }

    /** A chart inside a directory the caller cleans up (e.g. a JUnit @TempDir). */
    static HelmOracle in(Path dir) {
        return new HelmOracle(writeChart(dir), false);
    }

    /** A chart in a fresh temporary directory, deleted by {@link #close()}. */
    static HelmOracle inTemporaryDirectory() {
        try {
            return new HelmOracle(writeChart(Files.createTempDirectory("helm-oracle")), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HelmChart writeChart(Path dir) {
        return HelmChart.write(dir, "oracle", Map.of(
                "templates/to-yaml.yaml", """
                        # toYaml of every case
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: to-yaml
                        data:
                        {{- range $k, $v := .Values.cases }}
                          {{ $k }}: {{ toYaml $v | b64enc | quote }}
                        {{- end }}
                        """,
                "templates/types.yaml", """
                        # Go type and %v text of every plain scalar
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: types
                        data:
                        {{- range $k, $v := .Values.plain }}
                          {{ $k }}: {{ printf "%s|%v" (typeOf $v) $v | b64enc | quote }}
                        {{- end }}
                        """));
    }

    /**
     * Helm's {@code toYaml} of each value, in order. The values are written as JSON (with YAML
     * escapes where JSON's would not survive go-yaml's reader), so Helm sees float64 numbers.
     */
    List<String> toYaml(List<?> values) {
        StringBuilder file = new StringBuilder("{\"cases\": {");
        for (int i = 0; i < values.size(); i++) {
            file.append(i == 0 ? "" : ",\n").append('"').append(caseKey('c', i)).append("\": ");
            YamlSafeJson.write(values.get(i), file);
        }
        file.append("}}\n");
        return render(file.toString(), 'c', values.size());
    }

    /**
     * For each text written as a plain scalar in a values file: the Go type Helm's values loading
     * gives it and its {@code %v} text, as "float64|1e+06", "string|abc", "bool|true", "<nil>|<nil>".
     */
    List<String> plainScalarTypes(List<String> plainTexts) {
        StringBuilder file = new StringBuilder("plain:\n");
        for (int i = 0; i < plainTexts.size(); i++) {
            file.append("  ").append(caseKey('p', i)).append(": ").append(plainTexts.get(i)).append('\n');
        }
        return render(file.toString(), 'p', plainTexts.size());
    }

    private static String caseKey(char prefix, int i) {
        return String.format("%c%05d", prefix, i);
    }

    private List<String> render(String valuesFile, char prefix, int count) {
        try {
            Path values = Files.createTempFile(chart.folder().getParent(), "values", ".yaml");
            Files.writeString(values, valuesFile);
            String manifest = chart.command().withName("oracle").withValuesFile(values).call();
            Files.delete(values);
            return decode(manifest, prefix, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> decode(String manifest, char prefix, int count) {
        List<String> results = new ArrayList<>(Collections.nCopies(count, (String) null));
        Matcher m = LINE.matcher(manifest);
        while (m.find()) {
            if (m.group(1).charAt(0) == prefix) {
                results.set(Integer.parseInt(m.group(2)),
                        new String(Base64.getDecoder().decode(m.group(3)), StandardCharsets.UTF_8));
            }
        }
        if (results.contains(null)) {
            throw new IllegalStateException("Helm printed " + results.stream().filter(r -> r != null).count()
                    + " of " + count + " cases:\n" + manifest);
        }
        return results;
    }

    @Override
    public void close() {
        if (deleteOnClose) {
            chart.deleteWorkFolder();
        }
    }

    /**
     * JSON for Helm's values reader, which is a YAML parser: non-ASCII BMP characters and controls
     * are written as YAML/JSON {@code \\uXXXX} escapes (raw DEL or C1 controls would be rejected),
     * characters beyond the BMP raw (go-yaml refuses surrogate escapes), and keys too long for a
     * YAML implicit key get YAML's explicit "? " marker.
     */
    static final class YamlSafeJson {
        private YamlSafeJson() {
        }

        static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                writeMap(map, out);
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof String s) {
                writeString(s, out);
            } else if (value instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) {
                    throw new IllegalArgumentException("no JSON form for " + d);
                }
                out.append(d);
            } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
                out.append(value);
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        private static void writeMap(Map<?, ?> map, StringBuilder out) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                String key = (String) e.getKey();
                if (key.length() > 100) {
                    out.append("? ");
                }
                writeString(key, out);
                out.append(": ");
                write(e.getValue(), out);
            }
            out.append('}');
        }

        private static void writeString(String s, StringBuilder out) {
            out.append('"');
            s.codePoints().forEach(c -> {
                if (c == '"' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c >= 0x20 && c < 0x7F) {
                    out.append((char) c);
                } else if (c <= 0xFFFF) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            out.append('"');
        }
    }
}
