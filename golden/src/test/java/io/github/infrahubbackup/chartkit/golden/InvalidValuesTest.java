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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of examples/invalid is refused by the Java validator, for its expected rule, with its
 * expected message on its expected line, and by real Helm; every scenario file is accepted by both.
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

    @TestFactory
    Stream<DynamicTest> helmRefusesEachToo() throws IOException {
        return invalidFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
                assertThrows(IllegalStateException.class, () -> helm.template("prod", "infrahub", List.of(file)),
                        "Helm accepted " + file)));
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
