package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema's list of time zone names (cronJob.timeZone) is generated, and checked here: it is
 * every zone name Java's time-zone database knows that Go also loads (Go's time.LoadLocation is
 * what Kubernetes checks a CronJob's timeZone with), plus "" for the controller's own zone.
 *
 * <p>Go is asked through real Helm: sprig's dateInZone loads the zone with time.LoadLocation and
 * falls back to UTC when it cannot, so a zone is taken when Go prints, at two instants of 2020, the
 * same UTC offsets as Java and not the fallback's "+00:00 UTC" (unless Java's zone is UTC itself).
 * {@code -Dtimezones.write=true} rewrites the list in both schema copies.
 */
class TimeZoneNamesTest {
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2020-01-15T12:00:00Z"), Instant.parse("2020-07-15T12:00:00Z"));
    private static final Pattern ENUM = Pattern.compile("(\"timeZone\": \\{\\n\\s*\"\\$comment\": \"A time zone name.*\\n(?:.*\\n)*?(\\s*)\"enum\": \\[\\n)((?:.*\\n)*?)(\\s*\\])");

    @TempDir
    Path work;

    @Test
    void theSchemaListsExactlyTheZonesJavaAndGoBothKnow() throws IOException {
        List<String> expected = new ArrayList<>();
        expected.add("");
        expected.addAll(zonesGoLoads(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        String schema = Files.readString(ProjectFolder.ROOT.resolve("schema/values.schema.json"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("timezones.write")) {
            String updated = withList(schema, expected);
            Files.writeString(ProjectFolder.ROOT.resolve("schema/values.schema.json"), updated, StandardCharsets.UTF_8);
            Files.writeString(ProjectFolder.CHART.resolve("values.schema.json"), updated, StandardCharsets.UTF_8);
            schema = updated;
        }
        JsonNode listed = new ObjectMapper().readTree(schema).path("definitions").path("timeZone").path("enum");
        List<String> actual = new ArrayList<>();
        listed.forEach(name -> actual.add(name.asText()));
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "the schema's time zone names differ from those Java and Go both know; run with -Dtimezones.write=true and review the diff");
    }

    /** The names Go loads with the same offsets as Java, asked of Helm in one render. */
    private List<String> zonesGoLoads(TreeSet<String> candidates) throws IOException {
        Path chart = work.resolve("zones");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: zones\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/zones.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: zones
                data:
                {{- range $i, $zone := .Values.zones }}
                  z{{ $i }}: {{ printf "%s|%s" (dateInZone "-07:00 MST" (toDate "2006-01-02T15:04:05Z07:00" "2020-01-15T12:00:00Z") $zone) (dateInZone "-07:00 MST" (toDate "2006-01-02T15:04:05Z07:00" "2020-07-15T12:00:00Z") $zone) | quote }}
                {{- end }}
                """);
        List<String> names = new ArrayList<>(candidates);
        StringBuilder values = new StringBuilder("zones:\n");
        names.forEach(name -> values.append("  - \"").append(name).append("\"\n"));
        Path file = Files.writeString(work.resolve("values.yaml"), values);
        String manifest = new Helm(chart).template().withName("zones").withValuesFile(file).call();
        Map<Integer, String> printed = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^  z(\\d+): \"([^\"]*)\"$").matcher(manifest);
        while (line.find()) {
            printed.put(Integer.parseInt(line.group(1)), line.group(2));
        }
        assertEquals(names.size(), printed.size(), "Helm printed every zone");
        DateTimeFormatter offset = DateTimeFormatter.ofPattern("xxx");
        List<String> loaded = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ZoneId zone = ZoneId.of(names.get(i));
            String[] go = printed.get(i).split("\\|");
            boolean sameOffsets = true;
            boolean fallback = true;
            for (int k = 0; k < INSTANTS.size(); k++) {
                String javaOffset = offset.format(INSTANTS.get(k).atZone(zone));
                sameOffsets &= go[k].startsWith(javaOffset + " ");
                fallback &= go[k].equals("+00:00 UTC");
            }
            boolean javaUtc = zone.normalized().equals(ZoneOffset.UTC);
            if (sameOffsets && (!fallback || javaUtc)) {
                loaded.add(names.get(i));
            }
        }
        return loaded;
    }

    /** The schema text with the timeZone enum replaced, every other byte kept. */
    static String withList(String schema, List<String> names) {
        Matcher m = ENUM.matcher(schema);
        if (!m.find()) {
            throw new IllegalStateException("no \"enum\" in the timeZone definition of the schema");
        }
        String indent = m.group(2) + "  ";
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            items.append(indent).append('"').append(names.get(i)).append('"').append(i < names.size() - 1 ? "," : "").append('\n');
        }
        return schema.substring(0, m.start(3)) + items + schema.substring(m.end(3));
    }
}
