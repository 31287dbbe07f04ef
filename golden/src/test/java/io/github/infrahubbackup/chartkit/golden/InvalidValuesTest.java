package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Problem;
import io.github.infrahubbackup.chartkit.Validation;
import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of examples/invalid is refused by the Java validator, for its expected rule, with its
 * expected message on its expected line, and by real Helm for the same reason; every scenario file
 * is accepted by both.
 */
@Tag("helm")
class InvalidValuesTest {
    @TempDir
    static Path work;

    private static HelmChart helm;

    /** The header of an invalid example: the rule it breaks (Problem.rule()), what the error must say and on which line. */
    record Expectation(Path file, String rule, String fragment, int line) {
        static Expectation read(Path file) throws IOException {
            String rule = null;
            String fragment = null;
            int line = -1;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!text.startsWith("#")) {
                    break;
                }
                if (text.startsWith("# rule: ")) {
                    rule = text.substring("# rule: ".length()).strip();
                } else if (text.startsWith("# expect: ")) {
                    fragment = text.substring("# expect: ".length()).strip();
                } else if (text.startsWith("# line: ")) {
                    line = Integer.parseInt(text.substring("# line: ".length()).strip());
                }
            }
            if (rule == null || fragment == null || line < 1) {
                throw new IllegalStateException(file + " needs '# expect: <message fragment>', '# rule: <Problem.rule()>' and"
                        + " '# line: <N>' header lines");
            }
            return new Expectation(file, rule, fragment, line);
        }
    }

    static List<Path> invalidFiles() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFolder.INVALID)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @BeforeAll
    static void copyChart() throws IOException {
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("chart")));
    }

    @TestFactory
    Stream<DynamicTest> javaRefusesEachWithItsMessageOnItsLine() throws IOException {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return invalidFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Expectation expected = Expectation.read(file);
            Validation validation = chart.validate(Values.builder().file(file).build());
            assertFalse(validation.isValid(), file + " was accepted");
            boolean found = validation.problems().stream().anyMatch(problem -> matches(problem, expected));
            assertTrue(found, "expected a problem of rule " + expected.rule() + " containing \"" + expected.fragment() + "\" at line " + expected.line()
                    + " of " + file + ", got:\n" + validation);
        }));
    }

    private static boolean matches(Problem problem, Expectation expected) {
        return problem.rule().equals(expected.rule()) && problem.toString().contains(expected.fragment()) && problem.line() == expected.line()
                && problem.file().map(name -> name.equals(expected.file().toString())).orElse(false);
    }

    /**
     * Helm refuses each file for the same reason as the library: its error names the value the
     * library's problem is about (the schema check's {@code at '/backup/schedule'}, or {@code at
     * '/backup/storage/s3': additional properties 'bukcet'} for an unknown key, or the path as the
     * chart's {@code fail} message writes it), or says the same sentence; for a file that does not
     * parse, go-yaml gives the same reason, and for a rendered file that does not parse, Helm names
     * the same template.
     */
    @TestFactory
    Stream<DynamicTest> helmRefusesEachForTheSameReason() throws IOException {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return invalidFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Expectation expected = Expectation.read(file);
            Problem problem = chart.validate(Values.builder().file(file).build()).problems().stream()
                    .filter(p -> matches(p, expected)).findFirst().orElseThrow();
            String helmError = assertThrows(IllegalStateException.class, () -> helm.template("prod", "infrahub", List.of(file)),
                    "Helm accepted " + file).getMessage();
            assertTrue(sameReason(problem, helmError), "Helm refused " + file + " for another reason than the library's\n  "
                    + problem + "\nHelm:\n" + helmError);
        }));
    }

    private static final Pattern GO_YAML_REASON = Pattern.compile("yaml: line \\d+: (.+)");
    private static final Pattern RENDERED_FILE = Pattern.compile("YAML parse error on \\S+:");

    static boolean sameReason(Problem problem, String helmError) {
        if (problem.path().isEmpty()) {
            Matcher reason = GO_YAML_REASON.matcher(helmError);
            return reason.find() && problem.message().contains(reason.group(1));
        }
        Matcher rendered = RENDERED_FILE.matcher(helmError);
        if (rendered.find()) {
            return problem.message().contains(rendered.group());
        }
        String pointer = "/" + problem.path().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String key = pointer.substring(slash + 1);
        boolean unknownKey = helmError.lines().anyMatch(line ->
                line.contains("at '" + parent + "': additional properties ") && line.contains("'" + key + "'"));
        return unknownKey || helmError.contains("at '" + pointer + "'") || helmError.contains(problem.path() + ":")
                || helmError.contains(problem.path() + " ") || helmError.contains(problem.message());
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIsValid() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN).scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(scenario.name(), () -> {
                    Validation validation = chart.validate(scenario.values());
                    assertTrue(validation.isValid(), scenario.file() + ":\n" + validation);
                }));
    }
}
