package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.infrahubbackup.chartkit.engine.values.ValuePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates values against a draft-07 JSON schema (the chart's values.schema.json). The schema is
 * parsed once; {@link #validate} is thread-safe.
 */
public final class SchemaValidator {
    private final JsonSchema schema;
    private final JsonNode schemaTree;

    public SchemaValidator(String schemaJson) {
        try {
            this.schemaTree = new ObjectMapper().readTree(schemaJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema is not valid JSON", e);
        }
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree);
    }

    /** The violations, ordered by path; empty when the values match the schema. */
    public List<SchemaViolation> validate(Map<String, Object> values) {
        Set<ValidationMessage> messages = schema.validate(toJson(values));
        List<SchemaViolation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            violations.add(describe(message));
        }
        violations.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::message));
        return violations;
    }

    JsonNode schemaTree() {
        return schemaTree;
    }

    private static SchemaViolation describe(ValidationMessage message) {
        String path = path(message.getInstanceLocation());
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return new SchemaViolation(ValuePaths.child(path, message.getProperty()), true,
                    "unknown key \"" + message.getProperty() + "\"", null);
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            text = text.substring(colon + 2);
        }
        return new SchemaViolation(path, false, text, null);
    }

    private static String path(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? ValuePaths.index(path, index) : ValuePaths.child(path, element.toString());
        }
        return path;
    }

    /** Values as JSON; a whole-number double is an integer, as JSON Schema (draft 6 on) and Helm see it. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set((String) k, toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Double d) {
            if (!d.isInfinite() && !d.isNaN() && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
                return nodes.numberNode(d.longValue());
            }
            return nodes.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return nodes.numberNode(i);
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.longValue());
        }
        return nodes.textNode(value.toString());
    }
}
