package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart runs the tool it deploys: every container of every golden file is held to the tool's
 * command line in the chart's tool.yaml (the differential test holds every generated values set to
 * it too), and tool.yaml itself is complete and consistent with the chart.
 */
class ToolContractTest {
    private static final ToolContract TOOL = ToolContract.bundled();

    @TestFactory
    Stream<DynamicTest> everyGoldenContainerIsAcceptedByTheTool() {
        GoldenFiles golden = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN);
        return golden.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            String rendered = Files.readString(golden.goldenFile(scenario), StandardCharsets.UTF_8);
            List<String> problems = TOOL.problems(rendered, ToolContract.userEnv(ScenarioValues.own(scenario)));
            assertEquals(List.of(), problems, "golden/" + scenario.name() + ".yaml runs the tool with arguments "
                    + TOOL.release + " refuses");
        }));
    }

    @Test
    void theChartRunsTheReleaseTheContractDescribes() {
        assertEquals(InfrahubBackupChart.load().appVersion(), TOOL.release,
                "Chart.yaml's appVersion and tool.yaml's release must name the same tool release");
    }

    @Test
    void everyRuleOfTheToolIsChecked() {
        assertEquals(new TreeSet<>(ToolContract.CHECKED_RULES), new TreeSet<>(section("rules").keySet()),
                "tool.yaml's rules and the rules ToolContract checks");
    }

    @Test
    void everyFactNamesItsSourceAndEveryFlagItsFirstRelease() {
        List<String> problems = new ArrayList<>();
        Set<String> snapshots = section("snapshots").keySet();
        Map<String, Map<String, Object>> releases = new LinkedHashMap<>();
        for (Object release : (List<?>) TOOL.document.get("releases")) {
            releases.put(String.valueOf(cast(release).get("version")), cast(release));
        }
        releases.forEach((version, release) -> {
            boolean tagged = release.get("tag") != null;
            if (tagged && !("v" + version).equals(release.get("tag"))) {
                problems.add("release " + version + ": tag " + release.get("tag") + " is not v" + version);
            }
            if (!tagged && !(release.get("why") instanceof String)) {
                problems.add("release " + version + ": a release without a tag says why it is known");
            }
        });
        Map<String, Map<String, Object>> flags = new LinkedHashMap<>();
        TOOL.globalFlags().forEach((name, flag) -> flags.put("--" + name, flag));
        TOOL.commands().forEach((command, spec) -> spec.flags().forEach((name, flag) -> flags.put(command + " --" + name, flag)));
        flags.forEach((name, flag) -> {
            if (!Set.of("bool", "string", "duration", "int").contains(flag.get("type"))) {
                problems.add(name + ": type " + flag.get("type"));
            }
            if (!(flag.get("since") instanceof String since) || ToolContract.compare(since, TOOL.release) > 0) {
                problems.add(name + ": since " + flag.get("since") + " must be a release no newer than " + TOOL.release);
            }
            Map<String, Object> release = releases.get(String.valueOf(flag.get("since")));
            if (release == null) {
                problems.add(name + ": since " + flag.get("since") + " is not one of the releases");
            } else if (release.get("tag") == null && !snapshots.contains(String.valueOf(flag.get("firstSeen")))) {
                problems.add(name + ": since " + flag.get("since") + ", which has no tag: firstSeen must name the snapshot it was read in");
            }
            if (!flag.containsKey("env")) {
                problems.add(name + ": say env (null when the flag is not bound to a variable)");
            }
        });
        collectSources(TOOL.document, "", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFlagTheChartNamesAValueForIsAFlagOfTheTool() {
        Map<String, Object> arguments = load("arguments.yaml");
        List<String> problems = new ArrayList<>();
        arguments.forEach((command, flags) -> {
            if (!TOOL.commands().containsKey(command)) {
                problems.add(command + " is not a subcommand of the tool");
                return;
            }
            for (String flag : cast(flags).keySet()) {
                if (flag.equals("s3-archive") && TOOL.commands().get(command).s3Archive() != null) {
                    continue; // the archive argument s3://bucket/key, not a flag
                }
                if (!TOOL.commands().get(command).flags().containsKey(flag) && !TOOL.globalFlags().containsKey(flag)) {
                    problems.add(command + " --" + flag + " is not a flag of the tool");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckRefusesWhatTheToolRefuses() {
        Set<String> none = Set.of();
        Map<String, String> bucket = Map.of("INFRAHUB_S3_BUCKET", "b");
        assertNamed(TOOL.check(List.of("create", "--neo4j-backup-timeout=2h"), Map.of(), "2.3.0", none), "--neo4j-backup-timeout is not a flag");
        assertNamed(TOOL.check(List.of("backup"), Map.of(), "2.3.0", none), "subcommands");
        assertNamed(TOOL.check(List.of("create", "--sleep=180"), Map.of(), "2.3.0", none), "not a Go duration");
        assertNamed(TOOL.check(List.of("create", "--force=yes"), Map.of(), "2.3.0", none), "not a bool");
        assertNamed(TOOL.check(List.of("create", "--log-format=xml"), Map.of(), "2.3.0", none), "one of [text, json]");
        assertNamed(TOOL.check(List.of("create", "--retention-days=0"), Map.of(), "2.3.0", none), "retention-at-least-one");
        assertNamed(TOOL.check(List.of("create", "--force", "--force"), Map.of(), "2.3.0", none), "given twice");
        assertNamed(TOOL.check(List.of("create", "--redact"), Map.of(), "2.3.0", none), "redact-needs-force");
        assertNamed(TOOL.check(List.of("create", "--s3-upload"), Map.of(), "2.3.0", none), "s3-upload-needs-bucket");
        assertNamed(TOOL.check(List.of("create", "/x"), Map.of(), "2.3.0", none), "create takes 0 argument(s)");
        assertNamed(TOOL.check(List.of("restore"), Map.of(), "2.3.0", none), "restore takes 1 argument(s)");
        assertNamed(TOOL.check(List.of("restore", "--latest", "/a.tar.gz"), Map.of(), "2.3.0", none), "with --latest");
        assertNamed(TOOL.check(List.of("restore", "--s3", "s3://b/k"), Map.of(), "2.3.0", none), "s3-only-with-latest");
        assertNamed(TOOL.check(List.of("restore", "--latest", "--s3"), Map.of(), "2.3.0", none), "latest-s3-needs-bucket");
        assertNamed(TOOL.check(List.of("restore", "backup.tar.gz"), Map.of(), "2.3.0", none), "neither an absolute path");
        assertNamed(TOOL.check(List.of("restore", "--latest"), Map.of(), "1.7.4", none), "--latest first appears in 2.3.0");
        assertNamed(TOOL.check(List.of("restore", "s3://b/k.tar.gz"), Map.of(), "1.2.0", none), "s3:// archive first appears in 1.3.0");
        assertNamed(TOOL.check(List.of("restore", "--latest", "--s3"), Map.of("INFRAHUB_S3_UPLOAD", "true"), "2.3.0", none),
                "INFRAHUB_S3_UPLOAD is not read by infrahub-backup restore");
        assertEquals(List.of(), TOOL.check(List.of("restore", "--latest", "--s3"), bucket, "2.3.0", none));
        assertEquals(List.of(), TOOL.check(List.of("restore", "--sleep", "3m", "/b/a.tar.gz"), Map.of("HTTP_PROXY", "x"), "2.3.0",
                Set.of("HTTP_PROXY")));
    }

    private static void assertNamed(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(fragment)),
                "expected a problem naming \"" + fragment + "\", got " + problems);
    }

    @SuppressWarnings("unchecked")
    private static void collectSources(Object node, String path, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("commit") && !String.valueOf(map.get("commit")).matches("[0-9a-f]{40}")) {
                problems.add(path + ": commit " + map.get("commit") + " is not a full commit id");
            }
            if (path.endsWith(".source") && !(map.get("path") instanceof String)) {
                problems.add(path + ": a source names the file it was read in");
            }
            ((Map<String, Object>) map).forEach((key, value) -> collectSources(value, path + "." + key, problems));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectSources(list.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static Map<String, Object> section(String name) {
        return cast(TOOL.document.get(name));
    }

    private static Map<String, Object> load(String file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ProjectFolder.CHART.resolve(file)));
        } catch (IOException e) {
            return fail(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
