package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart's alerts, evaluated by Prometheus itself: each behaviour of the two alerts is a
 * {@code promtool test rules} case in {@code alerts/backup-alerts.test.yaml} (series shaped as
 * kube-state-metrics v2 exports them), run over the PrometheusRule of every golden file that has
 * one, so the cases exercise the rule the chart renders, not a copy of it.
 *
 * <p>promtool comes from Debian's {@code prometheus} package. Without it these tests are skipped
 * with one line saying so, unless {@code -Dpromtool.required=true} (as {@code .ci/run} passes) makes
 * its absence a failure.
 */
class AlertRulesTest {
    private static final String CASES = "alerts/backup-alerts.test.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|y|w|d|h|m|s)");
    private static final Map<String, Long> SECONDS = Map.of(
            "y", 31_536_000L, "w", 604_800L, "d", 86_400L, "h", 3_600L, "m", 60L, "s", 1L);
    private static final String PROMTOOL = findPromtool();
    /** The chart's defaults, for what a scenario leaves to them. */
    private static final Map<String, Object> DEFAULTS =
            Values.builder().file(ProjectFolder.CHART.resolve("values.yaml")).build().asMap();

    @TestFactory
    Stream<DynamicNode> eachBehaviourHoldsForEveryRenderedRule(@TempDir Path work) throws IOException {
        requirePromtool();
        List<DynamicNode> scenarios = new ArrayList<>();
        GoldenFiles golden = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN);
        for (Scenario scenario : golden.scenarios()) {
            Map<String, Object> rule = prometheusRule(golden.goldenFile(scenario));
            if (rule == null) {
                continue;
            }
            Path folder = Files.createDirectories(work.resolve(scenario.name()));
            Files.writeString(folder.resolve("rules.yaml"), dump(map(rule.get("spec"))), StandardCharsets.UTF_8);
            Map<String, String> fill = placeholders(scenario, rule);
            List<DynamicTest> cases = new ArrayList<>();
            for (Map<String, Object> test : cases(fill)) {
                String name = (String) test.get("name");
                // A case about names with dots runs where the rendered name has one.
                if ("dot".equals(test.remove("needs")) && !fill.get("CRONJOB").contains(".")) {
                    continue;
                }
                cases.add(DynamicTest.dynamicTest(name, () -> runPromtool(folder, name, test)));
            }
            scenarios.add(DynamicContainer.dynamicContainer(scenario.name(), cases));
        }
        assertFalse(scenarios.isEmpty(), "no golden file has a PrometheusRule: the alert cases ran on nothing");
        return scenarios.stream();
    }

    /** Guards the harness: a case file that promtool reads as passing whatever the rule says would prove nothing. */
    @Test
    void aRuleThatNeverFiresFailsTheCasesThatExpectAnAlert(@TempDir Path work) throws IOException, InterruptedException {
        requirePromtool();
        Files.writeString(work.resolve("rules.yaml"), """
                groups:
                  - name: silent
                    rules:
                      - alert: InfrahubBackupFailed
                        expr: vector(1) == 2
                """, StandardCharsets.UTF_8);
        Map<String, String> fill = new LinkedHashMap<>(Map.of("NAMESPACE", "infrahub", "CRONJOB", "prod-infrahub-backup",
                "DOTLESS", "prod-infrahub-backup", "MAX_AGE", "26h", "BEFORE", "93540s", "AFTER", "93660s",
                "SAMPLES", "1565", "SEVERITY", "critical"));
        Map<String, Object> firing = cases(fill).stream()
                .filter(test -> "failed/latest-run-failed-fires".equals(test.get("name")))
                .findFirst().orElseThrow();
        Process run = promtool(work, firing);
        assertEquals(1, run.exitValue(), "promtool must fail a case whose expected alert never fires");
    }

    private static void runPromtool(Path folder, String name, Map<String, Object> test) throws IOException, InterruptedException {
        Process run = promtool(folder, test);
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.exitValue() != 0) {
            fail("promtool test rules: case " + name + " fails on the rendered rule " + folder.resolve("rules.yaml")
                    + "\n" + output);
        }
    }

    private static Process promtool(Path folder, Map<String, Object> test) throws IOException, InterruptedException {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yaml"));
        file.put("evaluation_interval", "1m");
        file.put("tests", List.of(test));
        Path cases = folder.resolve(((String) test.get("name")).replace('/', '_') + ".test.yaml");
        Files.writeString(cases, dump(file), StandardCharsets.UTF_8);
        Process run = new ProcessBuilder(PROMTOOL, "test", "rules", cases.getFileName().toString())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            fail("promtool test rules did not finish within 60 s on " + cases);
        }
        return run;
    }

    /** The cases with this rule's names and durations filled in. */
    private static List<Map<String, Object>> cases(Map<String, String> fill) throws IOException {
        String text;
        try (InputStream in = AlertRulesTest.class.getClassLoader().getResourceAsStream(CASES)) {
            assertTrue(in != null, CASES + " is missing from the test resources");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = fill.get(matcher.group(1));
            assertTrue(value != null, CASES + " uses ${" + matcher.group(1) + "}, which the test does not fill in");
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        Map<String, Object> file = map(yaml().load(filled.toString()));
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Object test : (List<?>) file.get("tests")) {
            tests.add(map(test));
        }
        return tests;
    }

    private static Map<String, String> placeholders(Scenario scenario, Map<String, Object> rule) {
        Map<String, Object> values = ScenarioValues.own(scenario);
        String maxAge = String.valueOf(monitoring(values, "backupMaxAge", monitoring(DEFAULTS, "backupMaxAge", null)));
        String severity = String.valueOf(monitoring(values, "severity", monitoring(DEFAULTS, "severity", null)));
        long seconds = seconds(maxAge);
        String group = (String) map(((List<?>) map(rule.get("spec")).get("groups")).get(0)).get("name");
        String cronJob = group.substring(0, group.length() - ".rules".length());
        Map<String, String> fill = new LinkedHashMap<>();
        fill.put("NAMESPACE", scenario.release().namespace());
        fill.put("CRONJOB", cronJob);
        fill.put("DOTLESS", cronJob.replace('.', 'x'));
        fill.put("MAX_AGE", maxAge);
        fill.put("BEFORE", (seconds - 60) + "s");
        fill.put("AFTER", (seconds + 60) + "s");
        fill.put("SAMPLES", String.valueOf(seconds / 60 + 5));
        fill.put("SEVERITY", severity);
        return fill;
    }

    private static Object monitoring(Map<String, Object> values, String key, Object otherwise) {
        if (values.get("monitoring") instanceof Map<?, ?> monitoring
                && monitoring.get("prometheusRule") instanceof Map<?, ?> rule && rule.get(key) != null) {
            return rule.get(key);
        }
        return otherwise;
    }

    /** A Prometheus duration in whole seconds (the alert cases evaluate a minute either side of it). */
    static long seconds(String duration) {
        Matcher part = DURATION_PART.matcher(duration);
        long seconds = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            seconds += "ms".equals(part.group(2)) ? 0 : Long.parseLong(part.group(1)) * SECONDS.get(part.group(2));
            end = part.end();
        }
        assertEquals(duration.length(), end, "not a Prometheus duration: " + duration);
        assertTrue(seconds >= 120, "the alert cases need a backupMaxAge of at least 2m, not " + duration);
        return seconds;
    }

    private static Map<String, Object> prometheusRule(Path goldenFile) throws IOException {
        for (Object document : yaml().loadAll(Files.readString(goldenFile, StandardCharsets.UTF_8))) {
            if (document instanceof Map<?, ?> object && "PrometheusRule".equals(object.get("kind"))) {
                return map(object);
            }
        }
        return null;
    }

    private static void requirePromtool() {
        if (PROMTOOL == null) {
            String why = "promtool not found: the alert tests (AlertRulesTest) need it; install it with "
                    + "`apt-get install prometheus` (Debian) or put promtool on the PATH";
            if (Boolean.getBoolean("promtool.required")) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    private static String findPromtool() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "promtool");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        System.out.println("[alerts] promtool not found: AlertRulesTest is skipped; install it with `apt-get install prometheus`");
        return null;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String dump(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
