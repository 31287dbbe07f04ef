package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.InvalidValuesException;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated valid values sets, each rendered by the Pebble templates and by real
 * Helm: the bytes must be identical. The seed is printed on failure, with the smallest values set
 * (found by removing keys one at a time) that still renders differently.
 *
 * <p>{@code -Ddifferential.sets=N} and {@code -Ddifferential.seed=S} change the run (see
 * {@link ValuesGenerator#SETS} and {@link ValuesGenerator#SEED}).
 */
@Tag("helm")
@Tag("slow")
class DifferentialTest {
    private static final Release RELEASE = Release.named("diff").in("infrahub");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolContract TOOL = ToolContract.bundled();

    @TempDir
    static Path work;

    private static HelmChart helm;
    private static InfrahubBackupChart chart;

    @BeforeAll
    static void setUp() throws IOException {
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("chart")));
        chart = InfrahubBackupChart.load();
    }

    @Test
    void pebbleAndHelmRenderEveryGeneratedSetAlike() {
        ValuesGenerator generator = new ValuesGenerator(ValuesGenerator.SEED);
        for (int set = 0; set < ValuesGenerator.SETS; set++) {
            Map<String, Object> values = generator.next();
            Outcome outcome = compare(values);
            if (!outcome.same()) {
                Map<String, Object> smallest = shrink(values);
                fail("set " + set + " of seed " + ValuesGenerator.SEED + " (-Ddifferential.seed=" + ValuesGenerator.SEED + ") renders differently:\n"
                        + compare(smallest).explain() + "\nsmallest values that differ:\n" + toJson(smallest));
            }
            List<String> problems = KubernetesObjects.problems(outcome.pebble());
            if (!problems.isEmpty()) {
                fail("set " + set + " of seed " + ValuesGenerator.SEED + " renders objects Kubernetes would reject: " + problems
                        + "\nvalues:\n" + toJson(values));
            }
            List<String> refused = TOOL.problems(outcome.pebble(), ToolContract.userEnv(values));
            if (!refused.isEmpty()) {
                fail("set " + set + " of seed " + ValuesGenerator.SEED + " runs the tool with arguments " + TOOL.release + " refuses: "
                        + refused + "\nvalues:\n" + toJson(values));
            }
        }
    }

    private record Outcome(String pebble, String helm, String pebbleError, String helmError) {
        boolean same() {
            return pebbleError == null && helmError == null && pebble.equals(helm);
        }

        String explain() {
            if (pebbleError != null || helmError != null) {
                return "Pebble: " + Objects.requireNonNullElse(pebbleError, "rendered") + "\nHelm: "
                        + Objects.requireNonNullElse(helmError, "rendered");
            }
            FirstDifference difference = FirstDifference.between(helm, pebble);
            return "first difference at line " + difference.line() + ", in " + difference.source()
                    + " (- Helm, + Pebble):\n" + difference.context();
        }
    }

    private static Outcome compare(Map<String, Object> values) {
        Path file = work.resolve("values.json");
        try {
            Files.writeString(file, toJson(values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pebble = null;
        String pebbleError = null;
        try {
            pebble = chart.render(Values.builder().file(file).build(), RELEASE).yaml();
        } catch (InvalidValuesException e) {
            pebbleError = "invalid values: " + e.validation();
        }
        String helmText = null;
        String helmError = null;
        try {
            helmText = helm.template(RELEASE.name(), RELEASE.namespace(), List.of(file));
        } catch (RuntimeException e) {
            helmError = String.valueOf(e.getMessage());
        }
        return new Outcome(pebble, helmText, pebbleError, helmError);
    }

    /** Removes keys and list items one at a time while the values still render differently. */
    private static Map<String, Object> shrink(Map<String, Object> values) {
        Map<String, Object> current = values;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (List<Object> path : paths(current, new ArrayList<>())) {
                Map<String, Object> candidate = without(current, path);
                if (!compare(candidate).same()) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    private static List<List<Object>> paths(Object value, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(key);
                paths.add(path);
                paths.addAll(paths(map.get(key), path));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                paths.addAll(paths(list.get(i), path));
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> without(Map<String, Object> values, List<Object> path) {
        Map<String, Object> copy = Coalesce.asMapCopy(values);
        Object parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? ((List<Object>) parent).get(index) : ((Map<String, Object>) parent).get(step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).remove((int) index);
        } else {
            ((Map<String, Object>) parent).remove(last);
        }
        return copy;
    }


    /**
     * JSON (which both YAML readers accept) with the characters that YAML 1.1 counts as line breaks
     * or a byte order mark escaped, so that both readers see the exact string.
     */
    static String toJson(Map<String, Object> values) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(values)
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                    .replace("\u0085", "\\u0085").replace("\ufeff", "\\ufeff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
