package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which characters Go's strconv.Quote (Helm's quote) prints as they are and which it escapes, for
 * every code point of planes 0 to 3 and 14 and the start of every other plane, asked of real
 * Helm: {@link GoPrintTable} must say the same. Go's Unicode tables are newer than Java 17's
 * Character (characters of Unicode 14 and 15), so the library carries Go's own answer.
 * {@code -Dgoprint.write=true} regenerates GoPrintTable.java from Helm's answers.
 */
class GoPrintTableHelmTest {
    private static final int CHUNK = 8192;

    @TempDir
    Path work;

    static List<int[]> codePointRanges() {
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0x20, 0xD7FF});
        ranges.add(new int[] {0xE000, 0x3FFFF});
        for (int plane = 4; plane <= 16; plane++) {
            ranges.add(plane == 14 ? new int[] {0xE0000, 0xEFFFF} : new int[] {plane << 16, (plane << 16) + 0xFFF});
        }
        return ranges;
    }

    @Test
    void goPrintTableSaysWhatHelmsQuotePrints() throws IOException {
        BitSet printable = new BitSet(0x110000);
        BitSet tested = new BitSet(0x110000);
        List<List<Integer>> chunks = new ArrayList<>();
        for (int[] range : codePointRanges()) {
            for (int start = range[0]; start <= range[1]; start += CHUNK) {
                List<Integer> chunk = new ArrayList<>();
                for (int cp = start; cp <= Math.min(range[1], start + CHUNK - 1); cp++) {
                    chunk.add(cp);
                    tested.set(cp);
                }
                chunks.add(chunk);
            }
        }
        List<String> quoted = helmQuote(chunks);
        for (int i = 0; i < chunks.size(); i++) {
            classify(chunks.get(i), quoted.get(i), printable);
        }
        if (Boolean.getBoolean("goprint.write")) {
            write(printable);
        }
        List<String> differences = new ArrayList<>();
        for (int cp = tested.nextSetBit(0); cp >= 0; cp = tested.nextSetBit(cp + 1)) {
            if (GoPrintTable.isPrint(cp) != printable.get(cp)) {
                differences.add(String.format("U+%04X (Helm %s)", cp, printable.get(cp) ? "prints it" : "escapes it"));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(40, differences.size())),
                differences.size() + " code points differ; run with -Dgoprint.write=true and review the diff");
    }

    /** Each input code point is one token of Go's quoted string: an escape, or the character itself. */
    private static void classify(List<Integer> chunk, String quoted, BitSet printable) {
        String body = quoted.substring(1, quoted.length() - 1);
        int pos = 0;
        for (int cp : chunk) {
            if (body.charAt(pos) == '\\') {
                char kind = body.charAt(pos + 1);
                pos += switch (kind) {
                    case 'x' -> 4;
                    case 'u' -> 6;
                    case 'U' -> 10;
                    default -> 2;
                };
                if (cp == '"' || cp == '\\') {
                    printable.set(cp);
                }
            } else {
                int got = body.codePointAt(pos);
                assertEquals(cp, got, "Helm's quote printed another character");
                printable.set(cp);
                pos += Character.charCount(got);
            }
        }
        assertEquals(body.length(), pos, "Helm's quote printed more than one token per character");
    }

    private List<String> helmQuote(List<List<Integer>> chunks) throws IOException {
        Path chart = work.resolve("quote");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: quote\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/quote.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: quote
                data:
                {{- range $i, $s := .Values.chunks }}
                  c{{ $i }}: {{ quote $s | b64enc | quote }}
                {{- end }}
                """);
        StringBuilder values = new StringBuilder("chunks:\n");
        for (List<Integer> chunk : chunks) {
            values.append("  - \"");
            for (int cp : chunk) {
                values.append(String.format("\\U%08X", cp));
            }
            values.append("\"\n");
        }
        Path file = Files.writeString(work.resolve("values.yaml"), values, StandardCharsets.US_ASCII);
        String manifest = new Helm(chart).template().withName("quote").withValuesFile(file).call();
        List<String> quoted = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^  c(\\d+): \"([A-Za-z0-9+/=]*)\"$").matcher(manifest);
        while (line.find()) {
            assertEquals(quoted.size(), Integer.parseInt(line.group(1)));
            quoted.add(new String(Base64.getDecoder().decode(line.group(2)), StandardCharsets.UTF_8));
        }
        assertEquals(chunks.size(), quoted.size());
        return quoted;
    }

    private static void write(BitSet printable) throws IOException {
        StringBuilder ranges = new StringBuilder();
        for (int start = printable.nextSetBit(0); start >= 0; start = printable.nextSetBit(start)) {
            int end = printable.nextClearBit(start) - 1;
            ranges.append(ranges.length() == 0 ? "" : ",").append(Integer.toHexString(start)).append('-').append(Integer.toHexString(end));
            start = end + 1;
        }
        StringBuilder source = new StringBuilder("""
                package io.github.infrahubbackup.chartkit.engine.text;

                import java.util.Arrays;

                /**
                 * The characters Go's strconv.IsPrint accepts (letters, marks, numbers, punctuation, symbols
                 * and the ASCII space, by Go's Unicode tables), as ranges of code points. Generated from real
                 * Helm by GoPrintTableHelmTest (-Dgoprint.write=true), which also checks it; do not edit.
                 */
                final class GoPrintTable {
                    private static final String RANGES =
                """);
        String all = ranges.toString();
        for (int i = 0; i < all.length(); i += 96) {
            source.append("            \"").append(all, i, Math.min(all.length(), i + 96)).append('"')
                    .append(i + 96 < all.length() ? " +\n" : ";\n");
        }
        source.append("""
                    private static final int[] STARTS;
                    private static final int[] ENDS;

                    static {
                        String[] pairs = RANGES.split(",");
                        STARTS = new int[pairs.length];
                        ENDS = new int[pairs.length];
                        for (int i = 0; i < pairs.length; i++) {
                            int dash = pairs[i].indexOf('-');
                            STARTS[i] = Integer.parseInt(pairs[i].substring(0, dash), 16);
                            ENDS[i] = Integer.parseInt(pairs[i].substring(dash + 1), 16);
                        }
                    }

                    private GoPrintTable() {
                    }

                    /** strconv.IsPrint(cp) in the Go that Helm is built with. */
                    static boolean isPrint(int cp) {
                        int i = Arrays.binarySearch(STARTS, cp);
                        if (i >= 0) {
                            return true;
                        }
                        int before = -i - 2;
                        return before >= 0 && cp <= ENDS[before];
                    }
                }
                """);
        Path target = Path.of("src/main/java/io/github/infrahubbackup/chartkit/engine/text/GoPrintTable.java");
        Files.writeString(target, source.toString(), StandardCharsets.UTF_8);
    }
}
