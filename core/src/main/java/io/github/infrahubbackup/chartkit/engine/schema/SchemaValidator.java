package io.github.infrahubbackup.chartkit.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpressionFactory;
import io.github.infrahubbackup.chartkit.engine.text.GoRegex;
import io.github.infrahubbackup.chartkit.engine.values.FixedValues;
import io.github.infrahubbackup.chartkit.engine.values.ValuePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates values against a draft-07 JSON schema (the chart's values.schema.json). The schema is
 * parsed once; {@link #validate} is thread-safe.
 */
public final class SchemaValidator {
    private final JsonSchema schema;
    private final KeyHints hints;
    private final JsonNode schemaTree;
    private final FixedValues<JsonNode> defaultsAsJson;

    /**
     * @param schemaJson the schema
     * @param defaults   values that never change (the chart's read-only defaults): each of their
     *                   maps and lists is converted to JSON once, not on every validation
     * @param movedKeys  keys the chart once read elsewhere, for the hints of unknown keys
     */
    public SchemaValidator(String schemaJson, Object defaults, List<MovedKey> movedKeys) {
        JsonNode schemaTree;
        try {
            schemaTree = new ObjectMapper().readTree(schemaJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema is not valid JSON", e);
        }
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schemaTree, SchemaValidatorsConfig.builder().regularExpressionFactory(GO_REGEX).build());
        this.schemaTree = schemaTree;
        this.hints = new KeyHints(schemaTree, movedKeys);
        this.defaultsAsJson = new FixedValues<>(defaults, value -> toJson(value, null));
    }

    /**
     * Patterns as Helm reads them, with Go's regexp: JSON Schema's patterns are ECMA-262's, which
     * Helm does not use; the schema keeps to patterns that mean the same in Go, Java and JavaScript
     * (PatternDialectTest), and {@link GoRegex} reads them as Go does where Java's defaults differ.
     */
    static final RegularExpressionFactory GO_REGEX = regex -> {
        Pattern pattern = GoRegex.compile(regex);
        return value -> pattern.matcher(value).find();
    };

    /** The violations, in no particular order (the caller orders them by place); empty when the values match the schema. */
    public List<SchemaViolation> validate(Map<String, Object> values) {
        Set<ValidationMessage> messages = schema.validate(toJson(values, defaultsAsJson));
        List<SchemaViolation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            violations.add(describe(message));
        }
        return violations;
    }

    private SchemaViolation describe(ValidationMessage message) {
        JsonNodePath location = message.getInstanceLocation();
        String path = path(location);
        Object[] args = message.getArguments() == null ? new Object[0] : message.getArguments();
        String type = String.valueOf(message.getType());
        if (type.equals("additionalProperties") && message.getProperty() != null) {
            String key = message.getProperty();
            return new SchemaViolation(ValuePaths.child(path, key), true,
                    "unknown key \"" + key + "\": the chart does not read it; remove it or correct its name",
                    hints.forUnknownKey(elements(location), key), rule(message, type));
        }
        String custom = errorMessage(message);
        if (custom != null) {
            return new SchemaViolation(path, false, custom, null, rule(message, type));
        }
        String text = withoutLocation(message.getMessage());
        String described = switch (type) {
            case "type" -> args.length >= 2 ? "must be " + kinds(String.valueOf(args[1])) + ", not " + kinds(String.valueOf(args[0]))
                    + (String.valueOf(args[0]).equals("string") ? " (remove the quotes)" : "") : text;
            case "enum" -> args.length >= 1 ? "must be one of " + String.valueOf(args[0]).replace("\"", "").replaceAll("^\\[|\\]$", "") : text;
            case "minimum" -> "must be at least " + arg(args, text);
            case "maximum" -> "must be at most " + arg(args, text);
            case "minLength" -> "1".equals(arg(args, "")) ? "must not be empty" : "must be at least " + arg(args, text) + " characters long";
            case "maxLength" -> "must be at most " + arg(args, text) + " characters long";
            case "pattern" -> "does not have the expected form (it must match " + arg(args, text) + ")";
            case "minItems" -> "must have at least " + arg(args, text) + " items";
            case "required" -> args.length >= 1 ? "the key \"" + args[0] + "\" is missing here; add it" : text;
            default -> text;
        };
        return new SchemaViolation(path, false, described, null, rule(message, type));
    }

    /**
     * The rule a violation breaks: the chart rule named by the innermost {@code $comment} of the form
     * {@code rules.yaml: <id>} on the way to the failing keyword (a root allOf block that states a
     * cross-key rule, or a value's schema that states a rule of its own), else {@code schema.<keyword>}.
     */
    private String rule(ValidationMessage message, String keyword) {
        String rule = "schema." + keyword;
        JsonNodePath location = message.getSchemaLocation().getFragment();
        JsonNode node = schemaTree;
        for (int i = 0; location != null && i < location.getNameCount() && node != null && !node.isMissingNode(); i++) {
            String comment = node.path("$comment").asText("");
            if (comment.startsWith(RULE_COMMENT)) {
                rule = comment.substring(RULE_COMMENT.length());
            }
            String step = String.valueOf(location.getElement(i));
            node = node.isArray() ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        return rule;
    }

    /** How a schema object names the chart rule it states (the generator writes it, from rules.yaml). */
    static final String RULE_COMMENT = "rules.yaml: ";

    private String errorMessage(ValidationMessage message) {
        return errorMessage(schemaTree, message);
    }

    /**
     * The {@code errorMessage} the schema gives beside the failing keyword: a string for every
     * keyword of that schema object (the form editors read), or an object keyed by keyword.
     */
    static String errorMessage(JsonNode schemaTree, ValidationMessage message) {
        JsonNodePath keyword = message.getSchemaLocation().getFragment();
        if (keyword == null || keyword.getNameCount() == 0) {
            return null;
        }
        JsonNode node = schemaTree;
        for (int i = 0; i < keyword.getNameCount() - 1 && node != null; i++) {
            String step = keyword.getElement(i).toString();
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        JsonNode custom = node == null ? null : node.get("errorMessage");
        if (custom == null) {
            return null;
        }
        if (custom.isTextual()) {
            return custom.asText();
        }
        JsonNode forKeyword = custom.get(String.valueOf(keyword.getElement(keyword.getNameCount() - 1)));
        return forKeyword != null && forKeyword.isTextual() ? forKeyword.asText() : null;
    }

    private static String arg(Object[] args, String fallback) {
        return args.length >= 1 ? String.valueOf(args[0]) : fallback;
    }

    /** "integer" as "an integer", "[integer, null]" as "an integer or null". */
    private static String kinds(String types) {
        List<String> words = new ArrayList<>();
        for (String kind : types.replaceAll("[\\[\\]]", "").split(",\\s*")) {
            words.add(switch (kind) {
                case "integer", "object", "array" -> "an " + kind.replace("array", "array (a list)").replace("object", "object (a map)");
                case "null" -> "null";
                default -> "a " + kind;
            });
        }
        return String.join(" or ", words);
    }

    private static String withoutLocation(String message) {
        if (message == null) {
            return "";
        }
        int colon = message.indexOf(": ");
        return colon >= 0 && (message.startsWith("/") || message.startsWith("$") || colon == 0) ? message.substring(colon + 2) : message;
    }

    private static List<Object> elements(JsonNodePath location) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            elements.add(location.getElement(i));
        }
        return elements;
    }

    private static String path(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? ValuePaths.index(path, index) : ValuePaths.child(path, element.toString());
        }
        return path;
    }

    /**
     * Values as JSON; a whole-number double is an integer, as JSON Schema (draft 6 on) and Helm see it.
     * Maps and lists that {@code converted} (or null) knows are taken from there, shared, so the
     * result must only be read.
     */
    static JsonNode toJson(Object value, FixedValues<JsonNode> converted) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode known = converted == null ? null : converted.get(value);
        if (known != null) {
            return known;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set((String) k, toJson(v, converted)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item, converted)));
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
