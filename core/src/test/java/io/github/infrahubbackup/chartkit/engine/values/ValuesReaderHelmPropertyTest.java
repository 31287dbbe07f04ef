package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated values files in every YAML style go-yaml v2 reads (block and flow collections, plain,
 * quoted and block scalars, tabs after colons, comments, anchors, aliases and merge keys in every
 * order, explicit tags), each read by {@link ValuesReader} and by real Helm (a chart printing
 * {@code toJson .Values}): both refuse it, or both read the same values.
 *
 * <p>{@code -Dreader.documents=N} and {@code -Dreader.seed=S} change the run; the seed and the
 * file are printed on a failure.
 */
@Tag("helm")
class ValuesReaderHelmPropertyTest {
    private static final int DOCUMENTS = Integer.getInteger("reader.documents", 300);
    private static final long SEED = Long.getLong("reader.seed", 20261204L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PLAIN = List.of("blue", "a-b", "x_1", "yes", "No", "on", "~", "null", "12", "-7", "0x1F",
            "0o17", "017", "1_000", "1.5", "1e3", ".inf", "-.5", "2001-12-14", "9223372036854775808", "true", "é", "😀", "a b", "a#b");
    private static final List<String> QUOTED = List.of("", "yes", "12", "a: b", " lead", "#x", "tab\there", "line\nbreak", "quote\"d",
            "back\\slash", "é", "😀", "{x}", "- dash", "<<");

    @TempDir
    static Path work;
    private static HelmChart chart;

    @BeforeAll
    static void writeChart() {
        chart = HelmChart.write(work, "probe", Map.of("templates/values.yaml", "# dump\n{{ toJson .Values }}\n"));
    }

    @Test
    void libraryAndHelmReadEveryGeneratedFileAlike() throws Exception {
        Random random = new Random(SEED);
        int read = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            String yaml = new Document(random).text();
            String library;
            try {
                library = JSON.writeValueAsString(ValuesReader.read("values.yaml", yaml).values());
            } catch (ValuesSyntaxException e) {
                library = "refused: " + e.reason();
            }
            Path file = work.resolve("values-" + i + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            String helm;
            try {
                String manifest = chart.command().withName("probe").withValuesFile(file).call();
                helm = manifest.substring(manifest.indexOf("# dump\n") + "# dump\n".length()).strip();
            } catch (RuntimeException e) {
                helm = "refused: " + e.getMessage();
            }
            boolean bothRefuse = library.startsWith("refused: ") && helm.startsWith("refused: ");
            read += bothRefuse ? 0 : 1;
            if (!bothRefuse && (library.startsWith("refused: ") || helm.startsWith("refused: ") || !sameJson(library, helm))) {
                fail("document " + i + " of seed " + SEED + " (-Dreader.seed=" + SEED + ") is read differently:\n--- file\n" + yaml
                        + "--- library\n" + library + "\n--- helm\n" + helm);
            }
        }
        // Refusals agree too, but most generated files must be values both read, or the test says little.
        org.junit.jupiter.api.Assertions.assertTrue(read * 4 >= DOCUMENTS * 3, "only " + read + " of " + DOCUMENTS + " files were read");
    }

    private static boolean sameJson(String a, String b) throws Exception {
        JsonNode left = JSON.readTree(a);
        JsonNode right = JSON.readTree(b);
        return left.equals((x, y) -> x.isNumber() && y.isNumber() ? Double.compare(x.doubleValue(), y.doubleValue())
                : x.equals(y) ? 0 : 1, right);
    }

    /** One generated values file. */
    private static final class Document {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private final List<String> anchors = new ArrayList<>();
        private int keys;

        Document(Random random) {
            this.random = random;
        }

        String text() {
            if (random.nextInt(4) == 0) {
                // Anchored maps first, for the aliases and merge keys below.
                out.append("defs:\n");
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    String name = "a" + i;
                    out.append("  ").append(name).append(": &").append(name).append(' ');
                    flowMap(2);
                    out.append('\n');
                    anchors.add(name);
                }
            }
            blockMap(0, 3);
            return out.toString();
        }

        private String key() {
            keys++;
            return switch (random.nextInt(8)) {
                case 0 -> "\"k " + keys + "\"";
                case 1 -> "'k" + keys + "'";
                case 2 -> String.valueOf(keys);
                default -> "k" + keys;
            };
        }

        private String separator() {
            return switch (random.nextInt(10)) {
                case 0 -> "\t";
                case 1 -> " \t";
                default -> " ";
            };
        }

        private void comment() {
            if (random.nextInt(6) == 0) {
                out.append(random.nextBoolean() ? " # note" : "\t# note");
            }
        }

        private void blockMap(int indent, int depth) {
            int n = 1 + random.nextInt(4);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String pad = " ".repeat(indent);
                if (!anchors.isEmpty() && random.nextInt(5) == 0) {
                    out.append(pad).append("<<:").append(separator()).append(merge()).append('\n');
                    continue;
                }
                out.append(pad).append(key()).append(':');
                int kind = depth <= 0 ? 0 : random.nextInt(6);
                switch (kind) {
                    case 1 -> {
                        out.append('\n');
                        blockMap(indent + 2, depth - 1);
                    }
                    case 2 -> {
                        out.append('\n');
                        blockList(indent + 2, depth - 1);
                    }
                    case 3 -> {
                        out.append(separator());
                        if (random.nextBoolean()) {
                            flowMap(depth - 1);
                        } else {
                            flowList(depth - 1);
                        }
                        comment();
                        out.append('\n');
                    }
                    case 4 -> {
                        out.append(" |").append(random.nextBoolean() ? "-" : "").append('\n')
                                .append(pad).append("  line one\n").append(pad).append("  line two\n");
                    }
                    default -> {
                        out.append(separator()).append(scalar(false));
                        comment();
                        out.append('\n');
                    }
                }
                if (random.nextInt(10) == 0) {
                    lines.add("# a comment line");
                    out.append(pad).append("# a comment line\n");
                }
            }
        }

        private String merge() {
            String one = "*" + anchors.get(random.nextInt(anchors.size()));
            if (random.nextBoolean()) {
                return one;
            }
            return "[" + one + ", *" + anchors.get(random.nextInt(anchors.size())) + "]";
        }

        private void blockList(int indent, int depth) {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.append(" ".repeat(indent)).append('-');
                if (depth > 0 && random.nextInt(3) == 0) {
                    out.append('\n');
                    blockMap(indent + 2, depth - 1);
                } else if (!anchors.isEmpty() && random.nextInt(4) == 0) {
                    out.append(" *").append(anchors.get(random.nextInt(anchors.size()))).append('\n');
                } else {
                    out.append(' ').append(scalar(false)).append('\n');
                }
            }
        }

        private void flowMap(int depth) {
            out.append('{');
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",\t");
                if (!anchors.isEmpty() && random.nextInt(6) == 0) {
                    out.append("<<: ").append(merge());
                    continue;
                }
                out.append(key()).append(':').append(random.nextInt(8) == 0 ? "\t" : " ");
                if (depth > 0 && random.nextInt(4) == 0) {
                    flowList(depth - 1);
                } else {
                    out.append(scalar(true));
                }
            }
            out.append('}');
        }

        private void flowList(int depth) {
            out.append('[');
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.append(i == 0 ? "" : ", ");
                if (depth > 0 && random.nextInt(4) == 0) {
                    flowMap(depth - 1);
                } else {
                    out.append(scalar(true));
                }
            }
            out.append(']');
        }

        private String scalar(boolean inFlow) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                String plain = PLAIN.get(random.nextInt(PLAIN.size()));
                return inFlow && plain.contains("#") ? "\"" + plain + "\"" : plain;
            }
            String text = QUOTED.get(random.nextInt(QUOTED.size()));
            return switch (kind) {
                case 4, 5 -> "'" + text.replace("'", "''").replace("\n", "\n\n") + "'";
                case 6 -> "!!str " + PLAIN.get(random.nextInt(PLAIN.size())).replace("#", "");
                case 7 -> "!!binary " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + (text.isEmpty() ? "''" : "");
                case 8 -> random.nextBoolean() ? "!!int " + (random.nextInt(200) - 100) : "!!float " + random.nextInt(100);
                default -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
            };
        }
    }
}
