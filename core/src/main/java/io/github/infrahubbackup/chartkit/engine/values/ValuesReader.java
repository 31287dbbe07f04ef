package io.github.infrahubbackup.chartkit.engine.values;

import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a values file as Helm does (go-yaml v2 typing of plain scalars, then a JSON round trip that
 * turns every number into a double and every key into a string), keeping the position of each value.
 *
 * <p>Reading is bounded: values files come from many hands, so size, nesting and alias expansion
 * are limited and a file over a limit fails at once with a message instead of exhausting the JVM.
 */
public final class ValuesReader {
    /** Largest values file read, in code points (a real one is a few kilobytes). */
    public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;
    /** Deepest nesting of maps and lists. */
    public static final int MAX_NESTING = 64;
    /** Most aliases to maps or lists (a "billion laughs" file needs many). */
    public static final int MAX_ALIASES = 50;
    /** Most values after aliases are expanded. */
    public static final int MAX_VALUES = 200_000;

    private static final Tag PLAIN = new Tag("!helm-plain");

    private ValuesReader() {
    }

    public static ValuesFile read(String source, String text) {
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), tooLargeMessage());
        }
        Node root;
        try {
            Iterator<Node> documents = yaml().composeAll(new StringReader(text)).iterator();
            root = documents.hasNext() ? documents.next() : null;
        } catch (MarkedYAMLException e) {
            // "found unexpected end of stream" points at the end of the file: the context (where the
            // unclosed quote or bracket starts) is where the mistake is.
            boolean atEnd = e.getProblem() != null && e.getProblem().contains("end of stream");
            Mark mark = e.getProblemMark() != null && !(atEnd && e.getContextMark() != null)
                    ? e.getProblemMark() : e.getContextMark();
            throw new ValuesSyntaxException(position(source, mark), describe(e));
        } catch (YAMLException | StackOverflowError e) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), limitMessage(e));
        }
        Map<String, SourcePosition> positions = new HashMap<>();
        Map<String, SourcePosition> keyPositions = new HashMap<>();
        if (root == null || isNull(root, source)) {
            return new ValuesFile(source, new LinkedHashMap<>(), positions, keyPositions);
        }
        if (!(root instanceof MappingNode)) {
            throw new ValuesSyntaxException(position(source, root.getStartMark()),
                    "a values file must be a map of keys to values at its top level");
        }
        Converter converter = new Converter(source, positions, keyPositions);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) converter.convert(root, "");
        return new ValuesFile(source, values, positions, keyPositions);
    }

    /** The message for a file over {@link #MAX_CODE_POINTS}. */
    public static String tooLargeMessage() {
        return "the file is larger than " + MAX_CODE_POINTS + " characters, far more than any values file needs; check that it is the right file";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        options.setMergeOnCompose(true);
        Resolver resolver = new Resolver() {
            @Override
            public Tag resolve(NodeId kind, String value, boolean implicit) {
                // Plain scalars are typed later with go-yaml v2's rules, not SnakeYAML's YAML 1.1 ones.
                return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, resolver);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        String text = context != null ? context + ": " + problem : problem;
        return "not valid YAML: " + text.replaceAll("\\s+", " ").trim();
    }

    private static String limitMessage(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof StackOverflowError || message.contains("Nesting Depth")) {
            return "maps and lists are nested deeper than " + MAX_NESTING + " levels";
        }
        if (message.contains("aliases")) {
            return "more than " + MAX_ALIASES + " aliases to maps or lists (a YAML bomb?); expand them in the file";
        }
        if (message.contains("code points")) {
            return tooLargeMessage();
        }
        return "not valid YAML: " + message.replaceAll("\\s+", " ").trim();
    }

    private static SourcePosition position(String source, Mark mark) {
        return mark == null ? new SourcePosition(source, 1, 1)
                : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static boolean isNull(Node node, String source) {
        return node instanceof ScalarNode scalar && scalarValue(scalar, source) == null;
    }

    /** A scalar as Helm sees it after its JSON round trip: Boolean, Double, String or null. */
    private static Object scalarValue(ScalarNode node, String source) {
        Tag tag = node.getTag();
        String text = node.getValue();
        if (PLAIN.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)
                || Tag.NULL.equals(tag)) {
            Object value = jsonNumber(GoYaml.helmScalar(text));
            if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
                        "\"" + text + "\" is not a number Helm can use (values become JSON, which has no infinity or NaN); quote it to make it a string");
            }
            return value;
        }
        if (node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && text.isEmpty()) {
            return null;
        }
        return text;
    }

    private static Object jsonNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    private static final class Converter {
        private final String source;
        private final Map<String, SourcePosition> positions;
        private final Map<String, SourcePosition> keyPositions;
        private int count;

        Converter(String source, Map<String, SourcePosition> positions, Map<String, SourcePosition> keyPositions) {
            this.source = source;
            this.positions = positions;
            this.keyPositions = keyPositions;
        }

        Object convert(Node node, String path) {
            if (++count > MAX_VALUES) {
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
                        "more than " + MAX_VALUES + " values once aliases are expanded (a YAML bomb?)");
            }
            positions.put(path, position(source, node.getStartMark()));
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    String key = keyText(tuple.getKeyNode());
                    String childPath = ValuePaths.child(path, key);
                    keyPositions.put(childPath, position(source, tuple.getKeyNode().getStartMark()));
                    map.put(key, convert(tuple.getValueNode(), childPath));
                }
                return map;
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    list.add(convert(item, ValuePaths.index(path, list.size())));
                }
                return list;
            }
            return scalarValue((ScalarNode) node, source);
        }

        /** JSON keys are strings: Helm writes a number or boolean key as its text. */
        private String keyText(Node key) {
            if (key instanceof ScalarNode scalar) {
                Object value = scalarValue(scalar, source);
                if (value == null) {
                    return "null";
                }
                return value instanceof String s ? s : GoStrings.print(value);
            }
            throw new ValuesSyntaxException(position(source, key.getStartMark()),
                    "a map key must be a plain value, not a map or a list");
        }
    }
}
