package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.HelmChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every name of {@code schema/time-zones.txt} is one Go's time.LoadLocation loads, asked of real
 * Helm: sprig's dateInZone loads the zone with time.LoadLocation and falls back to UTC when it
 * cannot, so a name counts as loaded when Go prints, at two instants of 2020, something other than
 * the fallback's "+00:00 UTC", or when Java's database says the zone is UTC at both (Go's answer
 * then cannot tell). Where Java knows the zone, Go must print Java's offsets too.
 */
@Tag("helm")
class TimeZoneNamesHelmTest {
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2020-01-15T12:00:00Z"), Instant.parse("2020-07-15T12:00:00Z"));
    private static final String FALLBACK = "+00:00 UTC";

    @TempDir
    Path work;

    @Test
    void goLoadsEveryPinnedName() throws IOException {
        List<String> names = TimeZoneNamesTest.names();
        List<String[]> printed = goPrints(names);
        Set<String> java = ZoneId.getAvailableZoneIds();
        DateTimeFormatter offset = DateTimeFormatter.ofPattern("xxx");
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String[] go = printed.get(i);
            boolean fallback = go[0].equals(FALLBACK) && go[1].equals(FALLBACK);
            boolean javaUtc = java.contains(name) && ZoneId.of(name).normalized().equals(ZoneOffset.UTC);
            boolean sameOffsets = true;
            if (java.contains(name)) {
                for (int k = 0; k < INSTANTS.size(); k++) {
                    sameOffsets &= go[k].startsWith(offset.format(INSTANTS.get(k).atZone(ZoneId.of(name))) + " ");
                }
            }
            if ((fallback && !javaUtc) || !sameOffsets) {
                refused.add(name + " (Go printed " + go[0] + " and " + go[1] + ")");
            }
        }
        assertEquals(List.of(), refused, "names of " + TimeZoneNamesTest.FILE + " that Go, as Helm runs here, does not load as Java does");
    }

    /** What Go prints for each name at the two instants: "OFFSET ABBREVIATION". */
    private List<String[]> goPrints(List<String> names) throws IOException {
        String template = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: zones
                data:
                {{- range $i, $zone := .Values.zones }}
                  z{{ $i }}: {{ printf "%s|%s" (dateInZone "-07:00 MST" (toDate "2006-01-02T15:04:05Z07:00" "INSTANT0") $zone) (dateInZone "-07:00 MST" (toDate "2006-01-02T15:04:05Z07:00" "INSTANT1") $zone) | quote }}
                {{- end }}
                """.replace("INSTANT0", INSTANTS.get(0).toString()).replace("INSTANT1", INSTANTS.get(1).toString());
        HelmChart chart = HelmChart.write(work, "zones", Map.of("templates/zones.yaml", template));
        StringBuilder values = new StringBuilder("zones:\n");
        names.forEach(name -> values.append("  - \"").append(name).append("\"\n"));
        Path file = Files.writeString(work.resolve("values.yaml"), values);
        String manifest = chart.command().withName("zones").withValuesFile(file).call();
        List<String[]> printed = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^  z(\\d+): \"([^\"|]*)\\|([^\"|]*)\"$").matcher(manifest);
        while (line.find()) {
            assertEquals(printed.size(), Integer.parseInt(line.group(1)), "Helm printed the zones in order");
            printed.add(new String[] {line.group(2), line.group(3)});
        }
        assertEquals(names.size(), printed.size(), "Helm printed every zone");
        return printed;
    }
}
