package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What README's "Move from the upstream chart" promises, held to upstream's own values: every key
 * of upstream's values.yaml has the same default here, and upstream's values files (its defaults,
 * with each mode over them) validate and render. HelmParityTest renders the same files with Helm.
 */
class UpstreamValuesTest {
    @TempDir
    static Path work;

    @Test
    void everyUpstreamKeyKeepsItsDefault() throws IOException {
        Object upstream = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(UpstreamValues.DEFAULTS, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        compare("", upstream, InfrahubBackupChart.load().defaults(), differences);
        assertEquals(List.of(), differences, "upstream keys whose default differs here");
    }

    /** Each leaf of upstream's defaults must be here, equal; an empty map upstream may hold keys here. */
    private static void compare(String path, Object upstream, Object ours, List<String> differences) {
        if (upstream instanceof Map<?, ?> map && !map.isEmpty()) {
            if (!(ours instanceof Map<?, ?> oursMap)) {
                differences.add(path + ": a map upstream, " + ours + " here");
                return;
            }
            map.forEach((key, value) -> compare(path.isEmpty() ? key.toString() : path + "." + key, value, oursMap.get(key), differences));
        } else if (upstream instanceof Map<?, ?>) {
            if (!(ours instanceof Map<?, ?>)) {
                differences.add(path + ": {} upstream, " + ours + " here");
            }
        } else if (upstream instanceof Number number && ours instanceof Number oursNumber) {
            // Numbers are float64 once Helm (and the library) read them: 3 and 3.0 are one value.
            if (number.doubleValue() != oursNumber.doubleValue()) {
                differences.add(path + ": " + upstream + " upstream, " + ours + " here");
            }
        } else if (upstream == null ? ours != null : !upstream.equals(ours)) {
            differences.add(path + ": " + upstream + " upstream, " + ours + " here");
        }
    }

    @TestFactory
    Stream<DynamicTest> upstreamValuesFilesValidateAndRender() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return UpstreamValues.OVERLAYS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Validation validation = chart.validate(UpstreamValues.values(UpstreamValues.files(work, name)));
            assertTrue(validation.isValid(), name + ": " + validation.problems());
            assertTrue(chart.render(validation, Release.named("prod").in("infrahub")).yaml().contains("kind: Role"), name);
        }));
    }
}
