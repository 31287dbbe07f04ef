package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The schema document as the tests see it: the files of the project, the schema compiled by
 * networknt (draft-07), values files read with SnakeYAML and merged as Helm merges them, and each
 * problem with the sentence the schema gives for it.
 *
 * <p>The sentence is the {@code errorMessage} string that sits beside the failing keyword, the form
 * the YAML language server reads. networknt 1.5.9 only reads an {@code errorMessage} object keyed by
 * keyword (and only when configured with {@code errorMessageKeyword}); it ignores a string, so the
 * sentence is looked up here from the keyword's schema location, as {@link SchemaValidator} does.
 */
final class SchemaFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = projectRoot();
    static final Path SCHEMA_FILE = ROOT.resolve("schema/values.schema.json");
    static final Path CHART_SCHEMA_FILE = ROOT.resolve("templates/chart/values.schema.json");
    static final Path CHART_DIR = ROOT.resolve("templates/chart");
    static final Path VALUES_FILE = CHART_DIR.resolve("values.yaml");
    static final JsonNode TREE = readJson(SCHEMA_FILE);
    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(TREE, SchemaValidatorsConfig.builder().regularExpressionFactory(SchemaValidator.END_IS_END).build());

    private SchemaFixture() {
    }

    /** One problem: where (as {@code --set} writes it), which keyword failed, and the sentence shown. */
    record Problem(String path, String keyword, String message) {
        @Override
        public String toString() {
            return path + " [" + keyword + "]: " + message;
        }
    }

    /** The folder that holds both templates/chart and schema, from the working directory upwards. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("templates/chart")) && Files.isDirectory(dir.resolve("schema"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no folder with templates/chart and schema above " + Path.of("").toAbsolutePath());
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML document as plain Java maps and lists; an empty document is an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
    }

    static Map<String, Object> yaml(Path file) {
        try {
            return yaml(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> defaults() {
        return yaml(VALUES_FILE);
    }

    /** Helm's merge of a values file over the defaults: maps deep, anything else replaced, null deletes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object old = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && old instanceof Map<?, ?> oldMap) {
                merged.put(key, merge((Map<String, Object>) oldMap, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
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
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) node;
        return result;
    }

    static List<Problem> validate(Object values) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(JSON.valueToTree(values))) {
            String path = path(message.getInstanceLocation());
            if (message.getProperty() != null && "additionalProperties".equals(message.getType())) {
                path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
            }
            String custom = errorMessage(message);
            problems.add(new Problem(path, message.getType(), custom != null ? custom : message.getMessage()));
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
        return problems;
    }

    /** The errorMessage string of the schema object that holds the failing keyword, or null. */
    static String errorMessage(ValidationMessage message) {
        return SchemaValidator.errorMessage(TREE, message);
    }

    private static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.toString();
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
