package io.github.infrahubbackup.chartkit.generate;

import io.github.infrahubbackup.chartkit.generate.ValuesAnnotations.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values schema, built from the chart's own files:
 * <ul>
 * <li>each key of values.yaml becomes a property: its {@code # --} description, its value as
 * {@code default}, the keywords of its {@code # @schema} block, a {@code type} for maps, lists and
 * booleans when the block gives none, and, for a map with keys, a property per key and
 * {@code additionalProperties: false} unless the block says what else it takes;</li>
 * <li>schema/definitions.yaml gives the document's own keywords, shared shapes that a block splices
 * in place with {@code $inline: name}, and the {@code definitions} that blocks point at with
 * {@code $ref};</li>
 * <li>each rule of rules.yaml with a {@code schema} part becomes an {@code if}/{@code then} block of
 * the root {@code allOf}.</li>
 * </ul>
 */
final class ValuesSchema {
    static final String INLINE = "$inline";
    static final String LINES = "$lines";
    static final String RULE = "$rule";

    private final Map<String, Object> values;
    private final Map<String, Annotation> annotations;
    private final Map<String, Object> inline;
    private final Function<String, List<String>> dataFile;
    private final Map<String, Object> rules;

    private ValuesSchema(Map<String, Object> values, Map<String, Annotation> annotations, Map<String, Object> inline,
            Function<String, List<String>> dataFile, Map<String, Object> rules) {
        this.rules = rules;
        this.values = values;
        this.annotations = annotations;
        this.inline = inline;
        this.dataFile = dataFile;
    }

    /**
     * @param values      values.yaml as read
     * @param annotations the comments of values.yaml
     * @param definitions schema/definitions.yaml as read
     * @param rules       rules.yaml as read
     * @param dataFile    the lines of a data file beside definitions.yaml (comments and blank lines dropped)
     */
    static Map<String, Object> build(Map<String, Object> values, Map<String, Annotation> annotations, Map<String, Object> definitions,
            Map<String, Object> rules, Function<String, List<String>> dataFile) {
        ValuesSchema builder = new ValuesSchema(values, annotations, map(definitions.get("inline"), "definitions.yaml: inline"), dataFile,
                rules);
        Map<String, Object> schema = new LinkedHashMap<>(map(definitions.get("schema"), "definitions.yaml: schema"));
        Map<String, Object> properties = new LinkedHashMap<>();
        values.forEach((key, value) -> properties.put(key, builder.property(key, value, Map.of())));
        schema.put("properties", properties);
        List<Object> ruleBlocks = RuleBlocks.of(rules);
        if (!ruleBlocks.isEmpty()) {
            schema.put("allOf", ruleBlocks);
        }
        schema.put("definitions", builder.expand(map(definitions.get("definitions"), "definitions.yaml: definitions")));
        return schema;
    }

    /**
     * The property of the value at {@code path}.
     *
     * @param base what the enclosing block already says of this property (a shared shape's entry), or empty
     */
    private Map<String, Object> property(String path, Object value, Map<String, Object> base) {
        Annotation annotation = annotations.getOrDefault(path, new Annotation(null, Map.of()));
        Map<String, Object> node = new LinkedHashMap<>();
        if (annotation.description() != null) {
            if (base.containsKey("description")) {
                throw new IllegalArgumentException("values.yaml: " + path + " has a # -- description and one in the shape it takes from"
                        + " definitions.yaml: keep one");
            }
            node.put("description", annotation.description());
        }
        splice(base, node, path);
        splice(refAsAllOf(annotation.block()), node, path);
        String type = value instanceof Boolean ? "boolean" : value instanceof Map<?, ?> ? "object" : value instanceof List<?> ? "array" : null;
        if (type != null && !node.containsKey("type")) {
            node = insertAfter(node, node.containsKey("description") ? "description" : null, "type", type);
        }
        String before = node.containsKey("type") ? "type" : node.containsKey("description") ? "description" : null;
        node = insertAfter(node, before, "default", value);
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            if (!node.containsKey("additionalProperties") && !node.containsKey("allOf")) {
                node.put("additionalProperties", false);
            }
            Map<String, Object> shaped = node.containsKey("properties") ? map(node.get("properties"), path + ": properties") : Map.of();
            Map<String, Object> properties = new LinkedHashMap<>();
            map.forEach((key, child) -> {
                if (!shaped.containsKey((String) key)) {
                    properties.put((String) key, property(path + "." + key, child, Map.of()));
                }
            });
            shaped.forEach((key, shape) -> properties.put(key, map.containsKey(key)
                    ? property(path + "." + key, map.get(key), map(shape, path + "." + key))
                    : expand(shape)));
            node.put("properties", properties);
        }
        if (!node.containsKey("description")) {
            throw new IllegalArgumentException("values.yaml: " + path + " has no description: write \"# -- what it does\" above it");
        }
        return node;
    }

    /**
     * A block's {@code $ref: X} as {@code allOf: [{$ref: X}]}: draft-07 ignores the siblings of a
     * {@code $ref}, and a value's property always has some (its description and default).
     */
    private static Map<String, Object> refAsAllOf(Map<String, Object> block) {
        Map<String, Object> out = new LinkedHashMap<>();
        block.forEach((keyword, value) -> out.put(keyword.equals("$ref") ? "allOf" : keyword,
                keyword.equals("$ref") ? List.of(Map.of("$ref", value)) : value));
        return out;
    }

    /** Copies the keywords of a block into the node, a shared shape ($inline) in its place. */
    private void splice(Map<String, Object> block, Map<String, Object> node, String path) {
        block.forEach((keyword, value) -> {
            if (keyword.equals(INLINE)) {
                Object shape = inline.get(String.valueOf(value));
                if (shape == null) {
                    throw new IllegalArgumentException("values.yaml: " + path + ": no shape " + value + " in definitions.yaml's inline");
                }
                splice(map(shape, "definitions.yaml: inline." + value), node, path);
            } else if (node.containsKey(keyword) && !keyword.equals("properties")) {
                throw new IllegalArgumentException("values.yaml: " + path + ": " + keyword + " is said twice (in its block and in a shape it takes)");
            } else {
                node.put(keyword, expand(value));
            }
        });
    }

    /**
     * A schema fragment with its $inline shapes spliced, its {$lines: file} list items read and each
     * {$rule: id} replaced by the message of that rule of rules.yaml (so a sentence the templates
     * also say is written once).
     */
    private Object expand(Object fragment) {
        if (fragment instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(RULE)) {
            Object rule = rules.get(String.valueOf(map.get(RULE)));
            if (rule == null) {
                throw new IllegalArgumentException("{$rule: " + map.get(RULE) + "}: rules.yaml has no such rule");
            }
            return String.valueOf(map(rule, "rules.yaml: " + map.get(RULE)).get("message"));
        }
        if (fragment instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> keywords = (Map<String, Object>) map;
            splice(keywords, out, "definitions.yaml");
            return out;
        }
        if (fragment instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(LINES)) {
                    out.addAll(dataFile.apply(String.valueOf(map.get(LINES))));
                } else {
                    out.add(expand(item));
                }
            }
            return out;
        }
        return fragment;
    }

    /** A copy of the node with the entry put right after {@code after} (first when null). */
    private static Map<String, Object> insertAfter(Map<String, Object> node, String after, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (after == null) {
            out.put(key, value);
        }
        node.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals(after)) {
                out.put(key, value);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a map");
        }
        return (Map<String, Object>) map;
    }
}
