package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential test holds the two renderers to each other only on what {@link ValuesGenerator}
 * makes, so the generator must keep up with the chart: over the sets the differential test renders,
 * every key the schema names occurs, and every value an enum allows occurs at its key. A value added
 * to values.yaml fails here until the generator makes it.
 */
class ValuesGeneratorTest {
    /** Key paths as the schema names them: {@code a.b}, and {@code a[]} for a list's items. */
    private static final Map<String, Set<String>> GENERATED = new TreeMap<>();

    @BeforeAll
    static void generate() {
        ValuesGenerator generator = new ValuesGenerator(ValuesGenerator.SEED);
        for (int set = 0; set < ValuesGenerator.SETS; set++) {
            collect(generator.next(), "", GENERATED);
        }
    }

    @Test
    void everyKeyOfTheSchemaIsGenerated() throws IOException {
        Map<String, List<String>> schema = schemaKeys();
        Set<String> missing = new TreeSet<>(schema.keySet());
        missing.removeAll(GENERATED.keySet());
        assertEquals(Set.of(), missing, "keys of the schema that " + ValuesGenerator.SETS
                + " generated sets never hold: make ValuesGenerator produce them (valid), or the differential test never renders them");
    }

    @Test
    void everyValueOfAnEnumIsGenerated() throws IOException {
        Map<String, List<String>> missing = new TreeMap<>();
        schemaKeys().forEach((path, allowed) -> {
            List<String> absent = new ArrayList<>(allowed);
            absent.removeAll(GENERATED.getOrDefault(path, Set.of()));
            if (!absent.isEmpty()) {
                missing.put(path, absent);
            }
        });
        assertEquals(Map.of(), missing, "values an enum allows that no generated set holds at that key");
    }

    /** Each key the schema describes (through properties and items, not into shared definitions), with its enum if it has one. */
    private static Map<String, List<String>> schemaKeys() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(InfrahubBackupChart.load().schema());
        Map<String, List<String>> keys = new TreeMap<>();
        schemaKeys(schema, "", keys);
        return keys;
    }

    private static void schemaKeys(JsonNode node, String path, Map<String, List<String>> keys) {
        if (!path.isEmpty()) {
            List<String> allowed = new ArrayList<>();
            node.path("enum").forEach(value -> allowed.add(value.asText()));
            keys.put(path, allowed);
        }
        node.path("properties").fields().forEachRemaining(entry ->
                schemaKeys(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), keys));
        if (node.path("items").isObject()) {
            schemaKeys(node.path("items"), path + "[]", keys);
        }
    }

    /** Every key path of {@code value}, with the scalars found at it. */
    private static void collect(Object value, String path, Map<String, Set<String>> paths) {
        if (!path.isEmpty()) {
            Set<String> scalars = paths.computeIfAbsent(path, key -> new TreeSet<>());
            if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                scalars.add(String.valueOf(value));
            }
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> collect(child, path.isEmpty() ? (String) key : path + "." + key, paths));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, path + "[]", paths));
        }
    }
}
