package io.github.infrahubbackup.chartkit.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every regular expression the chart's templates give Sprig (regexMatch, regexFind, regexFindAll)
 * matches in the library's twins of those functions exactly as in real Helm's Go, anchors and line
 * ends included: each regex, found in the templates themselves, is put to probe strings with hard
 * characters (LF, CR, CRLF, NEL, LS, PS, NUL, tab, an astral character) alone, before, inside and
 * after text the regexes look for.
 */
@Tag("helm")
class TemplateRegexHelmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPRIG_CALL = Pattern.compile("regex(?:Match|Find|FindAll)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)");
    private static final List<String> HARD = List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u0000", "\t", "\uD83D\uDE00");
    private static final List<String> BASES = List.of("", "--latest", "--foo-bar=1", "- \"--backup-dir\"", "v1.2.3", "1.2.3", "1y2w3d4h5m6s",
            "30d", "restore", "-x", "a - \"--b\"\n- \"--c\"");

    @TempDir
    Path work;

    @Test
    void theLibrarysRegexFunctionsAnswerAsHelmsDo() throws IOException {
        List<String> regexes = templateRegexes();
        assertTrue(regexes.size() >= 5, "found the templates' regexes: " + regexes);
        List<String> inputs = probes();
        String template = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: regexes
                data:
                {{- range $r, $re := .Values.regexes }}
                {{- range $i, $in := $.Values.inputs }}
                  r{{ $r }}i{{ $i }}: {{ printf "%v|%s|%s" (regexMatch $re $in) (regexFind $re $in | b64enc) (regexFindAll $re $in -1 | toJson | b64enc) | quote }}
                {{- end }}
                {{- end }}
                """;
        HelmChart chart = HelmChart.write(work, "regexes", Map.of("templates/regexes.yaml", template));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("regexes", regexes);
        values.put("inputs", inputs);
        // JSON is YAML, but YAML 1.1 reads a raw NEL, LS or PS as a line break even inside quotes: escape them.
        String json = JSON.writeValueAsString(values).replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        Path file = Files.writeString(work.resolve("values.json"), json, StandardCharsets.UTF_8);
        String manifest = chart.command().withName("regexes").withValuesFile(file).call();

        Matcher line = Pattern.compile("(?m)^  r(\\d+)i(\\d+): \"(true|false)\\|([A-Za-z0-9+/=]*)\\|([A-Za-z0-9+/=]*)\"$").matcher(manifest);
        List<String> differences = new ArrayList<>();
        int answers = 0;
        while (line.find()) {
            answers++;
            String regex = regexes.get(Integer.parseInt(line.group(1)));
            String input = inputs.get(Integer.parseInt(line.group(2)));
            // No match is Go's nil slice, which toJson prints as null: the empty list the twin returns.
            String all = decode(line.group(5));
            String go = line.group(3) + " " + JSON.writeValueAsString(decode(line.group(4))) + " " + (all.equals("null") ? "[]" : all);
            String java = HelmFunctions.regexMatch(regex, input) + " " + JSON.writeValueAsString(HelmFunctions.regexFind(regex, input))
                    + " " + JSON.writeValueAsString(HelmFunctions.regexFindAll(regex, input));
            if (!go.equals(java)) {
                differences.add(regex + " on " + escaped(input) + ": Go " + go + ", library " + java);
            }
        }
        assertEquals(regexes.size() * inputs.size(), answers, "Helm answered for every regex and input");
        assertEquals("", String.join("\n", differences));
    }

    /** The regex literals the chart's templates pass to Sprig's regex functions. */
    private static List<String> templateRegexes() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(ProjectFolder.CHART.resolve("templates"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher call = SPRIG_CALL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (call.find()) {
                    String literal = call.group(1);
                    found.add(literal.startsWith("`") ? literal.substring(1, literal.length() - 1)
                            : JSON.readValue(literal, String.class));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static List<String> probes() {
        Set<String> all = new LinkedHashSet<>(BASES);
        all.addAll(HARD);
        for (String base : BASES) {
            for (String hard : HARD) {
                all.add(hard + base);
                all.add(base + hard);
                if (base.length() > 2) {
                    all.add(base.substring(0, 2) + hard + base.substring(2));
                }
            }
        }
        return new ArrayList<>(all);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String escaped(String probe) {
        StringBuilder out = new StringBuilder("\"");
        probe.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
