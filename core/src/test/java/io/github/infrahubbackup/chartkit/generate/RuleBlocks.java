package io.github.infrahubbackup.chartkit.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema's if/then blocks, one per rule of rules.yaml that has a {@code schema} part (one per
 * item when the part is a list: the cases of a rule whose condition is an "or"). Its
 * {@code when}, {@code unless} and {@code then} name values by path; each path's keywords become
 * the innermost schema, nested in {@code properties} along the path. A path marked
 * {@code required: true} is required at every level of the path: in {@code when}/{@code unless} the
 * condition then needs the keys written; in {@code then} a missing key breaks the rule too, and each
 * level says the rule's message (so an editor shows it wherever the key is missing).
 */
final class RuleBlocks {
    private RuleBlocks() {
    }

    static List<Object> of(Map<String, Object> rules) {
        List<Object> blocks = new ArrayList<>();
        rules.forEach((id, entry) -> {
            Map<String, Object> rule = ValuesSchema.map(entry, "rules.yaml: " + id);
            if (!rule.containsKey("schema")) {
                return;
            }
            String message = String.valueOf(rule.get("message"));
            // A rule whose condition is an "or" states each case as a block of its own: schema is then a list.
            List<?> cases = rule.get("schema") instanceof List<?> list ? list : List.of(rule.get("schema"));
            for (Object part : cases) {
                Map<String, Object> schema = ValuesSchema.map(part, "rules.yaml: " + id + ".schema");
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("$comment", "rules.yaml: " + id);
                block.put("description", schema.get("description"));
                Map<String, Object> condition = condition(ValuesSchema.map(schema.get("when"), "rules.yaml: " + id + ".schema.when"));
                if (schema.containsKey("unless")) {
                    condition.put("not", condition(ValuesSchema.map(schema.get("unless"), "rules.yaml: " + id + ".schema.unless")));
                }
                block.put("if", condition);
                block.put("then", consequence(ValuesSchema.map(schema.get("then"), "rules.yaml: " + id + ".schema.then"), message));
                blocks.add(block);
            }
        });
        return blocks;
    }

    /** An if: properties along each path, then the keys that must be written. */
    private static Map<String, Object> condition(Map<String, Object> paths) {
        Tree tree = Tree.of(paths);
        return tree.condition();
    }

    /** A then: properties along each path; where a key is required, the level says so and gives the message. */
    private static Map<String, Object> consequence(Map<String, Object> paths, String message) {
        Map<String, Object> then = new LinkedHashMap<>();
        then.put("properties", Tree.of(paths).consequenceProperties(message));
        return then;
    }

    /** The paths of a when/unless/then as a tree of keys. */
    private static final class Tree {
        final Map<String, Tree> children = new LinkedHashMap<>();
        final List<String> required = new ArrayList<>();
        Map<String, Object> keywords;

        static Tree of(Map<String, Object> paths) {
            Tree root = new Tree();
            paths.forEach((path, entry) -> {
                Map<String, Object> keywords = new LinkedHashMap<>(ValuesSchema.map(entry, "rules.yaml: " + path));
                boolean required = Boolean.TRUE.equals(keywords.remove("required"));
                Tree node = root;
                for (String key : path.split("\\.")) {
                    if (required && !node.required.contains(key)) {
                        node.required.add(key);
                    }
                    node = node.children.computeIfAbsent(key, k -> new Tree());
                }
                node.keywords = keywords;
            });
            return root;
        }

        Map<String, Object> condition() {
            if (keywords != null) {
                return new LinkedHashMap<>(keywords);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, Object> properties = new LinkedHashMap<>();
            children.forEach((key, child) -> properties.put(key, child.condition()));
            out.put("properties", properties);
            if (!required.isEmpty()) {
                out.put("required", List.copyOf(required));
            }
            return out;
        }

        Map<String, Object> consequenceProperties(String message) {
            Map<String, Object> properties = new LinkedHashMap<>();
            children.forEach((key, child) -> properties.put(key, child.consequence(message)));
            return properties;
        }

        Map<String, Object> consequence(String message) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (keywords != null) {
                out.putAll(keywords);
                out.put("errorMessage", message);
                return out;
            }
            if (!required.isEmpty()) {
                out.put("required", List.copyOf(required));
            }
            out.put("properties", consequenceProperties(message));
            if (!required.isEmpty()) {
                out.put("errorMessage", message);
            }
            return out;
        }
    }
}
