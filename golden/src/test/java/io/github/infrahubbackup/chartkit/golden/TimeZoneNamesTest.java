package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema's time-zone names (cronJob.timeZone) are data pinned to one IANA tz release,
 * {@code schema/time-zones.txt} (written by {@code tools/time-zones}), not what the building JDK
 * knows: the build gives the same answer on every JDK. The JDK's own database is only a cross-check
 * that explains each difference; Go's answer is {@link TimeZoneNamesHelmTest}'s.
 */
class TimeZoneNamesTest {
    static final Path FILE = ProjectFolder.ROOT.resolve("schema/time-zones.txt");
    private static final Pattern RELEASE = Pattern.compile("(?m)^# tz release: (\\d{4}[a-z])\\b");

    /** Names of every tz release that the JDK's tzdb compiler leaves out (java.time has its own meaning for some). */
    private static final Set<String> NOT_IN_JAVA = Set.of("EST", "HST", "MST", "GMT+0", "GMT-0", "ROC", "Factory");
    /** Names the JDK keeps from tz's "systemv" file, which tz dropped in 2020b; Go does not load them. */
    private static final Pattern ONLY_IN_JAVA = Pattern.compile("SystemV/.*");
    /** Names added by the tz releases after 2021a (the first JDK 17's), with the release that added each (tz's NEWS). */
    private static final Map<String, String> ADDED = Map.of(
            "Pacific/Kanton", "2021b",
            "Europe/Kyiv", "2022b",
            "America/Ciudad_Juarez", "2022g",
            "America/Coyhaique", "2025b");

    @Test
    void theSchemaListsExactlyThePinnedNamesAndEmpty() throws IOException {
        List<String> expected = new ArrayList<>();
        expected.add("");
        expected.addAll(names());
        JsonNode listed = new ObjectMapper().readTree(ProjectFolder.SCHEMA.toFile()).path("definitions").path("timeZone").path("enum");
        List<String> actual = new ArrayList<>();
        listed.forEach(name -> actual.add(name.asText()));
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "the schema's cronJob.timeZone enum differs from \"\" followed by the names of " + FILE);
    }

    @Test
    void theFileIsSortedWithoutRepeats() {
        List<String> names = names();
        assertEquals(new ArrayList<>(new TreeSet<>(names)), names, FILE + " must list each name once, in code point order");
    }

    /**
     * The JDK's database, whatever its release, differs from the pinned names only in explained
     * ways: names java.time leaves out or adds on purpose, and names of a tz release newer than the
     * older of the two. A JDK with a newer release than the file's that knows names the file lacks
     * only says the file could be updated: that is reported as skipped, never as a failure.
     */
    @Test
    void theJdkDiffersFromThePinnedReleaseOnlyInExplainedNames() {
        String pinned = release();
        String jdk = ZoneRulesProvider.getVersions("UTC").lastKey();
        Set<String> file = new TreeSet<>(names());
        Set<String> java = new TreeSet<>(ZoneId.getAvailableZoneIds());

        Map<String, String> unexplainedMissing = new TreeMap<>();
        for (String name : file) {
            if (!java.contains(name) && !NOT_IN_JAVA.contains(name)) {
                String added = ADDED.get(name);
                if (added == null || added.compareTo(jdk) <= 0) {
                    unexplainedMissing.put(name, added == null ? "not a name added since 2021a" : "added in " + added);
                }
            }
        }
        assertEquals(Map.of(), unexplainedMissing, "names of " + FILE + " (tz " + pinned + ") that the JDK's tz " + jdk
                + " lacks without an explanation: a name the JDK should know, or a gap in ADDED");

        Set<String> notPinned = new TreeSet<>();
        for (String name : java) {
            if (!file.contains(name) && !ONLY_IN_JAVA.matcher(name).matches()) {
                notPinned.add(name);
            }
        }
        if (jdk.compareTo(pinned) > 0) {
            assumeTrue(notPinned.isEmpty(), () -> "the JDK's tz " + jdk + " is newer than the pinned " + pinned
                    + " and knows " + notPinned + ": consider pinning a newer release with tools/time-zones");
        }
        assertEquals(Set.of(), notPinned, "the JDK's tz " + jdk + " is not newer than the pinned " + pinned
                + " yet knows names the file lacks");
    }

    /**
     * The file is what tools/time-zones writes from its release's tzdata.zi, where this machine
     * has that release installed (Debian's and most distributions' tzdata ship the file); skipped
     * elsewhere, as the release is then not at hand.
     */
    @Test
    void theFileIsWhatTheToolWritesFromItsRelease() throws IOException, InterruptedException {
        Path zi = Path.of("/usr/share/zoneinfo/tzdata.zi");
        assumeTrue(Files.isRegularFile(zi) && Files.readString(zi, StandardCharsets.UTF_8).startsWith("# version " + release() + "\n"),
                () -> zi + " is not tz " + release() + "'s");
        Matcher from = Pattern.compile("(?m)^# Source: the release's tzdata.zi, from (.*):$").matcher(read());
        assertTrue(from.find(), FILE + " says where its names came from");
        Process tool = new ProcessBuilder("bash", ProjectFolder.ROOT.resolve("tools/time-zones").toString(), zi.toString(), from.group(1))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String written = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tool.waitFor(), "tools/time-zones failed");
        assertEquals(read(), written, FILE + " is not what tools/time-zones writes from " + zi);
    }

    /** The tz release named in the file's header. */
    static String release() {
        Matcher m = RELEASE.matcher(read());
        if (!m.find()) {
            fail(FILE + " names no \"# tz release: \" in its header");
        }
        return m.group(1);
    }

    /** The names of the file: every line that is not a comment. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : read().split("\n")) {
            if (!line.startsWith("#")) {
                names.add(line);
            }
        }
        return names;
    }

    private static String read() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
