package io.github.infrahubbackup.chartkit.generate;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The comments above each key of values.yaml, read as helm-docs and helm-schema read them: the
 * comment lines right above a key (no blank line between) hold an optional {@code # @schema} block,
 * JSON-schema keywords in YAML between two {@code # @schema} lines, and an optional description,
 * {@code # -- text}, continued by the comment lines after it.
 */
final class ValuesAnnotations {
    static final String SCHEMA_MARK = "@schema";
    static final String DESCRIPTION_MARK = "-- ";

    /** One key's annotation: its description (or null) and its schema block (empty when none). */
    record Annotation(String description, Map<String, Object> block) {
    }

    private ValuesAnnotations() {
    }

    /** The annotation of every key of values.yaml, by path (as --set writes it), in file order. */
    static Map<String, Annotation> read(String file, String text) {
        String[] lines = text.split("\n", -1);
        Node root = yaml().compose(new StringReader(text));
        Map<String, Annotation> annotations = new LinkedHashMap<>();
        if (root instanceof MappingNode map) {
            walk(file, lines, map, "", annotations);
        }
        return annotations;
    }

    private static void walk(String file, String[] lines, MappingNode map, String prefix, Map<String, Annotation> annotations) {
        for (NodeTuple tuple : map.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            annotations.put(path, annotation(file, lines, tuple.getKeyNode().getStartMark().getLine()));
            if (tuple.getValueNode() instanceof MappingNode child) {
                walk(file, lines, child, path, annotations);
            }
        }
    }

    /** The annotation in the comment lines right above the key on (0-based) line {@code keyLine}. */
    private static Annotation annotation(String file, String[] lines, int keyLine) {
        int first = keyLine;
        while (first > 0 && lines[first - 1].strip().startsWith("#")) {
            first--;
        }
        StringBuilder block = null;
        Map<String, Object> schema = new LinkedHashMap<>();
        int blockStart = -1;
        List<String> description = null;
        for (int i = first; i < keyLine; i++) {
            String comment = uncomment(lines[i]);
            if (comment.strip().equals(SCHEMA_MARK)) {
                if (block == null) {
                    block = new StringBuilder();
                    blockStart = i;
                } else {
                    schema = parseBlock(file, blockStart, block.toString());
                    block = null;
                }
            } else if (block != null) {
                block.append(comment).append('\n');
            } else if (comment.startsWith(DESCRIPTION_MARK)) {
                description = new ArrayList<>(List.of(comment.substring(DESCRIPTION_MARK.length()).strip()));
            } else if (description != null) {
                description.add(comment.strip());
            }
        }
        if (block != null) {
            throw new IllegalArgumentException(file + ":" + (blockStart + 1) + ": a # @schema block that no # @schema line closes");
        }
        return new Annotation(description == null ? null : String.join(" ", description).strip(), schema);
    }

    /** A comment line's text: what follows "#" and one space. */
    private static String uncomment(String line) {
        String text = line.strip().substring(1);
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    private static Map<String, Object> parseBlock(String file, int start, String text) {
        Object parsed;
        try {
            parsed = yaml().load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ":" + (start + 1) + ": the # @schema block is not YAML: " + e.getMessage(), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ":" + (start + 1) + ": a # @schema block holds JSON-schema keywords, a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = new LinkedHashMap<>((Map<String, Object>) map);
        return keywords;
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
