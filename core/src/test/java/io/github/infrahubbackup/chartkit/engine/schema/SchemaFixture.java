package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema document as the tests see it. Values go through the product's own pipeline: read by
 * {@link ValuesReader} (typed as Helm types them), merged by {@link Coalesce} (as Helm merges a
 * file over the chart's defaults) and checked by {@link SchemaValidator} (the patterns, the
 * {@code errorMessage} sentences and the paths the library reports). The schema itself is also
 * read as a JSON document, for the tests about the document.
 */
final class SchemaFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = ProjectFolder.ROOT;
    static final Path SCHEMA_FILE = ProjectFolder.SCHEMA;
    static final Path CHART_DIR = ProjectFolder.CHART;
    static final Path CHART_SCHEMA_FILE = CHART_DIR.resolve("values.schema.json");
    static final Path VALUES_FILE = CHART_DIR.resolve("values.yaml");
    static final JsonNode TREE = readJson(SCHEMA_FILE);
    /** The library's validator of this schema; no fixed defaults to cache, no moved-key hints (tests here read no hints). */
    static final SchemaValidator VALIDATOR = new SchemaValidator(read(SCHEMA_FILE), null, List.of());

    private SchemaFixture() {
    }

    /**
     * One problem as the library reports it: where (as {@code --set} writes it), whether the key
     * itself is wrong (an unknown key), and the sentence shown.
     */
    record Problem(String path, boolean atKey, String message) {
        @Override
        public String toString() {
            return path + (atKey ? " [key]" : "") + ": " + message;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A values file as the library reads it; an empty document is an empty map. */
    static Map<String, Object> yaml(String text) {
        return ValuesReader.read("values.yaml", text).values();
    }

    static Map<String, Object> yaml(Path file) {
        return ValuesReader.read(file.toString(), read(file)).values();
    }

    static Map<String, Object> defaults() {
        return yaml(VALUES_FILE);
    }

    /** The values of a file over a chart's defaults, as Helm coalesces them (null deletes a default). */
    static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> file) {
        return Coalesce.withDefaults(file, defaults);
    }

    /** A partial values file setting one dotted path ({@code backup.storage.s3.bucket}) to a value. */
    static Map<String, Object> at(String path, Object value) {
        String[] keys = path.split("\\.");
        Object node = value;
        for (int i = keys.length - 1; i >= 0; i--) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(keys[i], node);
            node = map;
        }
        return Coalesce.asMap(node);
    }

    /** What the library's validator finds, ordered by path and message so that failures read the same on every run. */
    static List<Problem> validate(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        for (SchemaViolation violation : VALIDATOR.validate(values)) {
            problems.add(new Problem(violation.path(), violation.atKey(), violation.message()));
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
        return problems;
    }

    /** The schema object a dotted values path leads to, through properties, map values and list items. */
    static JsonNode schemaAt(String path) {
        JsonNode node = TREE;
        for (String key : path.split("\\.")) {
            node = child(node, key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The schema of a key of an object schema: a named property, else the schema of map values. */
    static JsonNode child(JsonNode node, String key) {
        JsonNode property = node.path("properties").get(key);
        if (property != null) {
            return property;
        }
        for (JsonNode part : parts(node)) {
            JsonNode found = part.path("properties").get(key);
            if (found != null) {
                return found;
            }
            JsonNode values = part.get("additionalProperties");
            if (values != null && values.isObject()) {
                return values;
            }
        }
        return null;
    }

    /** A schema object and what its allOf and $ref bring in (one level of each, as this schema uses them). */
    static List<JsonNode> parts(JsonNode node) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(resolve(node));
        for (JsonNode part : node.path("allOf")) {
            parts.add(resolve(part));
        }
        return parts;
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : TREE.at(ref.asText().substring(1));
    }

    /** The declared type(s) of a schema object, looking through allOf/$ref; empty when untyped. */
    static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        for (JsonNode part : parts(node)) {
            JsonNode type = part.get("type");
            if (type != null && type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else if (type != null) {
                types.add(type.asText());
            }
        }
        return types;
    }
}
