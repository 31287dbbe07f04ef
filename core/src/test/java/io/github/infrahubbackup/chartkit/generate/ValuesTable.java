package io.github.infrahubbackup.chartkit.generate;

import java.util.List;
import java.util.Map;

/**
 * The README's values reference: one row per setting of the chart, from the generated schema. A map
 * of the chart's own settings (each child has a default) is opened into its keys; a Kubernetes
 * object given whole (some fields without a default) is one row.
 */
final class ValuesTable {
    private ValuesTable() {
    }

    static String of(Map<String, Object> schema) {
        StringBuilder table = new StringBuilder("| key | type | default | description |\n|---|---|---|---|\n");
        rows(schema, "", table);
        return table.toString();
    }

    private static void rows(Map<String, Object> node, String prefix, StringBuilder table) {
        Map<String, Object> properties = children(node);
        properties.forEach((name, value) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            Map<String, Object> property = ValuesSchema.map(value, key);
            if (isGroup(property)) {
                rows(property, key, table);
                return;
            }
            table.append("| `").append(key).append("` | ").append(type(property)).append(" | ")
                    .append(property.containsKey("default") ? "`" + compactJson(property.get("default")).replace("|", "\\|") + "`" : "")
                    .append(" | ").append(String.valueOf(property.getOrDefault("description", "")).replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        });
    }

    private static Map<String, Object> children(Map<String, Object> node) {
        return node.get("properties") instanceof Map<?, ?> ? ValuesSchema.map(node.get("properties"), "properties") : Map.of();
    }

    private static boolean isGroup(Map<String, Object> property) {
        Map<String, Object> children = children(property);
        return !children.isEmpty() && children.values().stream().allMatch(child -> child instanceof Map<?, ?> map && map.containsKey("default"));
    }

    private static String type(Map<String, Object> property) {
        Object type = property.get("type");
        String text = type instanceof List<?> list ? String.join(" or ", list.stream().map(String::valueOf).toList())
                : type == null ? "" : String.valueOf(type);
        if (property.get("enum") instanceof List<?> values) {
            text = text + " (" + String.join(", ", values.stream().map(String::valueOf).toList()) + ")";
        }
        if (text.isEmpty()) {
            Object reference = property.containsKey("$ref") ? property.get("$ref")
                    : property.get("allOf") instanceof List<?> allOf && !allOf.isEmpty() && allOf.get(0) instanceof Map<?, ?> first
                            ? first.get("$ref") : null;
            text = reference == null ? "" : String.valueOf(reference).replace("#/definitions/", "");
        }
        return text;
    }

    /** JSON on one line, as Jackson's JsonNode.toString() prints it. */
    private static String compactJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, item) -> out.append(out.length() > 1 ? "," : "").append(compactJson(String.valueOf(key))).append(':')
                    .append(compactJson(item)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(item -> out.append(out.length() > 1 ? "," : "").append(compactJson(item)));
            return out.append(']').toString();
        }
        if (value instanceof String) {
            String json = JsonText.write(value);
            return json.substring(0, json.length() - 1);
        }
        return String.valueOf(value);
    }
}
