package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which characters Go's strconv.Quote (Helm's quote) prints as they are, asked of real Helm for
 * every code point of planes 0 to 3 and 14 and the start of every other plane, and the source of
 * {@link GoPrintTable} that says the same. {@link GoPrintTableHelmTest} checks the committed file
 * against it; this class's {@code main} writes it, when Helm's Go moves to newer Unicode tables:
 *
 * <pre>
 * mvn -B -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.infrahubbackup.chartkit.engine.text.GoPrintTableSource
 * </pre>
 */
public final class GoPrintTableSource {
    /** The committed table, from the repository's root. */
    static final String FILE = "core/src/main/java/io/github/infrahubbackup/chartkit/engine/text/GoPrintTable.java";
    private static final int CHUNK = 8192;

    private GoPrintTableSource() {
    }

    /** Helm's answer: the code points asked, and those Go prints as they are. */
    record Answer(BitSet tested, BitSet printable) {
    }

    /** Writes {@link #FILE} of the project root ({@link ProjectFolder}) from Helm's answer. */
    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("go-print-table");
        try {
            Path target = ProjectFolder.ROOT.resolve(FILE);
            Files.writeString(target, javaSource(askHelm(work).printable()), StandardCharsets.UTF_8);
            System.out.println("wrote " + target + "; review the diff");
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    static List<int[]> codePointRanges() {
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0x20, 0xD7FF});
        ranges.add(new int[] {0xE000, 0x3FFFF});
        for (int plane = 4; plane <= 16; plane++) {
            ranges.add(plane == 14 ? new int[] {0xE0000, 0xEFFFF} : new int[] {plane << 16, (plane << 16) + 0xFFF});
        }
        return ranges;
    }

    /** Asks Helm, in one render of a throwaway chart in {@code work}, to quote every code point of the ranges. */
    static Answer askHelm(Path work) throws IOException {
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
        List<String> quoted = helmQuote(work, chunks);
        for (int i = 0; i < chunks.size(); i++) {
            classify(chunks.get(i), quoted.get(i), printable);
        }
        return new Answer(tested, printable);
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

    private static List<String> helmQuote(Path work, List<List<Integer>> chunks) throws IOException {
        HelmChart chart = HelmChart.write(work, "quote", Map.of("templates/quote.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: quote
                data:
                {{- range $i, $s := .Values.chunks }}
                  c{{ $i }}: {{ quote $s | b64enc | quote }}
                {{- end }}
                """));
        StringBuilder values = new StringBuilder("chunks:\n");
        for (List<Integer> chunk : chunks) {
            values.append("  - \"");
            for (int cp : chunk) {
                values.append(String.format("\\U%08X", cp));
            }
            values.append("\"\n");
        }
        Path file = Files.writeString(work.resolve("values.yaml"), values, StandardCharsets.US_ASCII);
        String manifest = chart.command().withName("quote").withValuesFile(file).call();
        List<String> quoted = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^  c(\\d+): \"([A-Za-z0-9+/=]*)\"$").matcher(manifest);
        while (line.find()) {
            assertEquals(quoted.size(), Integer.parseInt(line.group(1)));
            quoted.add(new String(Base64.getDecoder().decode(line.group(2)), StandardCharsets.UTF_8));
        }
        assertEquals(chunks.size(), quoted.size());
        return quoted;
    }

    /** The source of GoPrintTable.java for these printable code points. */
    static String javaSource(BitSet printable) {
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
                 * Helm by GoPrintTableSource (core's tests), and checked by GoPrintTableHelmTest; do not edit.
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
        return source.toString();
    }
}
