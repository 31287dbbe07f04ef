package io.github.infrahubbackup.chartkit.engine.values;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns SnakeYAML's node tree into values as go-yaml v2 decodes YAML into interface{} (its typing
 * of plain and tagged scalars, its merge keys, its refusals, its bound on alias expansion), then as
 * sigs.k8s.io/yaml's JSON round trip leaves them: every number a double, every key a string. The
 * position of each key and value is kept.
 */
final class GoYamlDecoder {
    private final String source;
    private final String text;
    private final boolean mayHaveUnicodeEscapes;
    private final boolean codePointsAreChars;
    private final Map<String, SourcePosition> positions = new HashMap<>();
    private final Map<String, SourcePosition> keyPositions = new HashMap<>();
    /** Nodes read (true) or being read (false): a node met again is an alias. */
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    private int values;
    // go-yaml v2's bound on alias expansion (decode.go, allowedAliasRatio).
    private long decodeCount;
    private long aliasCount;
    private int aliasDepth;

    private GoYamlDecoder(String source, String text) {
        this.source = source;
        this.text = text;
        this.mayHaveUnicodeEscapes = text.contains("\\u") || text.contains("\\U");
        this.codePointsAreChars = text.codePointCount(0, text.length()) == text.length();
    }

    /** The values of a composed values file (null for an empty one), with the position of every key and value. */
    static ValuesFile decode(String source, String text, Node root) {
        GoYamlDecoder decoder = new GoYamlDecoder(source, text);
        if (root == null || root instanceof ScalarNode scalar && decoder.scalarValue(scalar) == null) {
            return new ValuesFile(source, new LinkedHashMap<>(), decoder.positions, decoder.keyPositions);
        }
        if (!(root instanceof MappingNode)) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, root.getStartMark()),
                    "a values file must be a map of keys to values at its top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) decoder.convert(root, "");
        return new ValuesFile(source, values, decoder.positions, decoder.keyPositions);
    }

    private void count(Node node) {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                    "aliases expand to too many values (a YAML bomb?); Helm refuses it too (\"document contains excessive aliasing\"): expand the aliases in the file");
        }
    }

    private static double allowedAliasRatio(long decodes) {
        if (decodes <= 400_000) {
            return 0.99;
        }
        if (decodes >= 4_000_000) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodes - 400_000) / 3_600_000);
    }

    private Object convert(Node node, String path) {
        Boolean state = seen.get(node);
        if (state != null && !state) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                    "an anchor's value contains an alias to itself; Helm cannot read it either: remove the alias");
        }
        if (state != null) {
            count(node);
            aliasDepth++;
            try {
                return convertOnce(node, path);
            } finally {
                aliasDepth--;
            }
        }
        seen.put(node, false);
        Object value = convertOnce(node, path);
        seen.put(node, true);
        return value;
    }

    private Object convertOnce(Node node, String path) {
        count(node);
        if (++values > ReadLimits.MAX_VALUES) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()), ReadLimits.tooManyValues());
        }
        positions.put(path, SnakeYamlErrors.position(source, node.getStartMark()));
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            fill(mapping, map, path);
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                list.add(convert(item, ValuePaths.index(path, list.size())));
            }
            return list;
        }
        Object value = scalarValue((ScalarNode) node);
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                    "\"" + ((ScalarNode) node).getValue() + "\" is not a number Helm can use (values become JSON, which has no infinity or NaN); quote it to make it a string");
        }
        return value;
    }

    /** The pairs of a mapping, in order: a later key replaces an earlier one, a merge key ("<<") merges maps in. */
    private void fill(MappingNode mapping, Map<String, Object> map, String path) {
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isMerge(keyNode)) {
                merge(tuple.getValueNode(), map, path);
                continue;
            }
            count(keyNode);
            String key = keyText(keyNode);
            String childPath = ValuePaths.child(path, key);
            keyPositions.put(childPath, SnakeYamlErrors.position(source, keyNode.getStartMark()));
            map.put(key, convert(tuple.getValueNode(), childPath));
        }
    }

    /** go-yaml v2's merge: a map, or a list of maps of which the earlier win; keys already set are replaced. */
    private void merge(Node value, Map<String, Object> map, String path) {
        if (value instanceof MappingNode mapping) {
            mergeMapping(mapping, map, path);
        } else if (value instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (Node item : items) {
                if (!(item instanceof MappingNode)) {
                    throw notAMap(item);
                }
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                mergeMapping((MappingNode) items.get(i), map, path);
            }
        } else {
            throw notAMap(value);
        }
    }

    private void mergeMapping(MappingNode mapping, Map<String, Object> map, String path) {
        Boolean state = seen.get(mapping);
        if (state != null && !state) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, mapping.getStartMark()),
                    "an anchor's value contains an alias to itself; Helm cannot read it either: remove the alias");
        }
        boolean alias = state != null;
        if (alias) {
            count(mapping);
            aliasDepth++;
        } else {
            seen.put(mapping, false);
        }
        try {
            count(mapping);
            fill(mapping, map, path);
        } finally {
            if (alias) {
                aliasDepth--;
            } else {
                seen.put(mapping, true);
            }
        }
    }

    private ValuesSyntaxException notAMap(Node node) {
        return new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                "a merge key (<<) takes a map or a list of maps, as Helm requires (\"map merge requires map or sequence of maps as the value\"); "
                        + "give it a map, or quote \"<<\" to use it as an ordinary key");
    }

    private static boolean isMerge(Node key) {
        return key instanceof ScalarNode scalar && "<<".equals(scalar.getValue())
                && (NodeComposer.PLAIN.equals(scalar.getTag()) || Tag.MERGE.equals(scalar.getTag()));
    }

    /**
     * A scalar as go-yaml v2 decodes it into interface{}, then through Helm's JSON round trip:
     * Boolean, Double, String or null. An explicit tag must fit the text (!!int on "blue" fails
     * in Helm); !!binary is decoded; tags go-yaml does not know leave the text as it is.
     */
    private Object scalarValue(ScalarNode node) {
        return jsonNumber(goValue(node));
    }

    /** The scalar as go-yaml v2 decodes it, before the JSON round trip (integers stay Long or BigInteger). */
    private Object goValue(ScalarNode node) {
        checkEscapes(node);
        Tag tag = node.getTag();
        String value = node.getValue();
        if (NodeComposer.PLAIN.equals(tag)) {
            return GoYaml.helmScalar(value);
        }
        if (Tag.STR.equals(tag)) {
            return value;
        }
        if (Tag.BINARY.equals(tag)) {
            return binary(node);
        }
        GoYaml.Tag wanted = Tag.INT.equals(tag) ? GoYaml.Tag.INT : Tag.FLOAT.equals(tag) ? GoYaml.Tag.FLOAT
                : Tag.BOOL.equals(tag) ? GoYaml.Tag.BOOL : Tag.NULL.equals(tag) ? GoYaml.Tag.NULL
                : Tag.TIMESTAMP.equals(tag) ? GoYaml.Tag.TIMESTAMP : null;
        if (wanted == null) {
            return value;
        }
        GoYaml.Resolved resolved = GoYaml.resolve(value);
        if (resolved.tag() == wanted) {
            return resolved.value();
        }
        if (wanted == GoYaml.Tag.FLOAT && resolved.tag() == GoYaml.Tag.INT) {
            return ((Number) resolved.value()).doubleValue();
        }
        throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                "\"" + value + "\" is tagged " + shortTag(tag) + " but reads as !!" + resolved.tag().name().toLowerCase()
                        + " (Helm refuses it: \"cannot decode !!" + resolved.tag().name().toLowerCase() + "\"); remove the tag or change the value");
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private String binary(ScalarNode node) {
        String data = node.getValue().replace("\r", "").replace("\n", "");
        try {
            if (data.length() % 4 != 0) {
                throw new IllegalArgumentException("not padded");
            }
            return goBytesToString(Base64.getDecoder().decode(data));
        } catch (IllegalArgumentException e) {
            throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                    "the !!binary value is not valid base64 (Helm refuses it too); fix the value or remove the tag");
        }
    }

    /** go-yaml refuses \\u and \\U escapes of surrogates or beyond U+10FFFF; SnakeYAML combines surrogate pairs. */
    private void checkEscapes(ScalarNode node) {
        if (!mayHaveUnicodeEscapes || node.getScalarStyle() != DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            return;
        }
        String raw = rawText(node);
        for (int i = 0; i < raw.length() - 1; i++) {
            if (raw.charAt(i) != '\\') {
                continue;
            }
            char kind = raw.charAt(i + 1);
            int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= raw.length()) {
                try {
                    long code = Long.parseLong(raw.substring(i + 2, i + 2 + digits), 16);
                    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
                        throw new ValuesSyntaxException(SnakeYamlErrors.position(source, node.getStartMark()),
                                "the escape " + raw.substring(i, i + 2 + digits) + " is not a Unicode character Helm reads "
                                        + "(go-yaml refuses surrogate escapes: \"found invalid Unicode character escape code\"); "
                                        + "write the character itself, or one \\U00XXXXXX escape for characters beyond U+FFFF");
                    }
                } catch (NumberFormatException ignored) {
                    // SnakeYAML has already refused a malformed escape.
                }
            }
            i++;
        }
    }

    private String rawText(Node node) {
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        if (codePointsAreChars) {
            return text.substring(Math.min(start, text.length()), Math.min(end, text.length()));
        }
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    /**
     * A key as sigs.k8s.io/yaml writes it into JSON: strings as they are, integers in decimal,
     * floats as float32 in %g, booleans as true or false; a null key is refused, as Helm refuses it.
     */
    private String keyText(Node key) {
        if (key instanceof ScalarNode scalar) {
            Object value = goValue(scalar);
            if (value == null) {
                throw new ValuesSyntaxException(SnakeYamlErrors.position(source, key.getStartMark()),
                        "a null key (~, null or nothing before the colon) is not a key Helm reads (\"unsupported map key\"); "
                                + "quote it (\"null\") to make it text");
            }
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof BigInteger) {
                throw new ValuesSyntaxException(SnakeYamlErrors.position(source, key.getStartMark()),
                        "the key " + value + " is an integer above 9223372036854775807, which Helm cannot use as a key (\"unsupported map key of type: uint64\"); quote it to make it text");
            }
            if (value instanceof Double d) {
                String g = GoStrconv.formatFloat32G(d);
                return g.equals("+Inf") ? ".inf" : g.equals("-Inf") ? "-.inf" : g.equals("NaN") ? ".nan" : g;
            }
            return value.toString();
        }
        throw new ValuesSyntaxException(SnakeYamlErrors.position(source, key.getStartMark()),
                "a map key must be a plain value, not a map or a list");
    }

    private static Object jsonNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    /** Bytes as Go's string(bytes) then encoding/json see them: each byte of an invalid sequence is one U+FFFD. */
    static String goBytesToString(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            int codePoint = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
            boolean valid = length > 0 && i + length <= bytes.length;
            for (int k = 1; valid && k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                int low = 0x80;
                int high = 0xBF;
                if (k == 1) {
                    low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                }
                valid = next >= low && next <= high;
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (valid) {
                out.appendCodePoint(codePoint);
                i += length;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
        return out.toString();
    }
}
