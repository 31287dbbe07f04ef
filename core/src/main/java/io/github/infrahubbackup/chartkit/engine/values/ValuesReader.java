package io.github.infrahubbackup.chartkit.engine.values;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Reads a values file as Helm does: go-yaml v2's reading (its typing of plain and tagged scalars,
 * its merge keys, its refusals), then sigs.k8s.io/yaml's JSON round trip that turns every number
 * into a double and every key into a string. The position of each value is kept.
 *
 * <p>Reading is bounded as go-yaml bounds it (aliases may expand to at most a ratio of the values
 * read), plus nesting and a size no real values file reaches; a file over a limit
 * fails at once with a message instead of exhausting the JVM.
 */
public final class ValuesReader {
    /** Largest values file read, in code points (a real one is a few kilobytes). */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /**
     * Deepest nesting of maps and lists. go-yaml allows 10,000; the library's merging, checking and
     * printing recurse, and 1,000 levels fit in a default thread stack (no real values file nests 20).
     */
    public static final int MAX_NESTING = 1_000;
    /** Most values after aliases are expanded: far beyond a real file, and within a small heap. */
    public static final int MAX_VALUES = 1_000_000;
    /** Most tabs used as separation that are read (each costs a re-read of the file). */
    static final int MAX_SEPARATING_TABS = 1_000;
    /** A thread stack deep enough for {@link #MAX_NESTING} levels, reserved only while reading. */
    private static final long READER_STACK = 64L * 1024 * 1024;
    /**
     * Texts this short that nest at most this deep are read on the caller's thread, whose stack
     * holds that: the nesting bounds the parse, the length the %YAML directive's search.
     */
    private static final int SHORT = 16 * 1024;
    static final int SHALLOW = 256;

    private static final Tag PLAIN = new Tag("!helm-plain");
    private static final Pattern YAML_DIRECTIVE = Pattern.compile("(?m)\\A\\uFEFF?(?:(?:#.*|[ \\t]*|%.*)\\r?\\n)*?%YAML[ \\t]+(\\d+)\\.(\\d+)");

    private ValuesReader() {
    }

    public static ValuesFile read(String source, String text) {
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), tooLargeMessage());
        }
        if (text.length() <= SHORT && nestingBound(text) <= SHALLOW) {
            try {
                return readOnThisThread(source, text);
            } catch (StackOverflowError e) {
                throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), nestingMessage());
            }
        }
        // Deep nesting needs a deep stack: the reading runs on its own thread with one.
        Object[] outcome = new Object[1];
        Thread reader = new Thread(null, () -> {
            try {
                outcome[0] = readOnThisThread(source, text);
            } catch (RuntimeException | StackOverflowError e) {
                outcome[0] = e;
            }
        }, "values-reader", READER_STACK);
        reader.setDaemon(true);
        reader.start();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] instanceof ValuesFile file) {
            return file;
        }
        if (outcome[0] instanceof StackOverflowError) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), nestingMessage());
        }
        throw (RuntimeException) outcome[0];
    }

    /**
     * A bound on how deep the text can nest: every level of a map or list, written or reached
     * through an alias, starts at one of the characters counted here. Starting a thread costs more
     * than reading a real values file, so a text that cannot nest deeply is read on the caller's.
     */
    private static int nestingBound(String text) {
        int structural = 0;
        for (int i = 0; i < text.length() && structural <= SHALLOW; i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{' || c == '-' || c == ':' || c == '?') {
                structural++;
            }
        }
        return structural;
    }

    private static ValuesFile readOnThisThread(String source, String text) {
        checkYamlVersion(source, text);
        Node root = compose(source, text);
        Map<String, SourcePosition> positions = new HashMap<>();
        Map<String, SourcePosition> keyPositions = new HashMap<>();
        Converter converter = new Converter(source, text, positions, keyPositions);
        if (root == null || root instanceof ScalarNode scalar && converter.scalarValue(scalar) == null) {
            return new ValuesFile(source, new LinkedHashMap<>(), positions, keyPositions);
        }
        if (!(root instanceof MappingNode)) {
            throw new ValuesSyntaxException(position(source, root.getStartMark()),
                    "a values file must be a map of keys to values at its top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) converter.convert(root, "");
        return new ValuesFile(source, values, positions, keyPositions);
    }

    /** go-yaml v2 reads YAML 1.1 documents only: "%YAML 1.2" is refused ("found incompatible YAML document"). */
    private static void checkYamlVersion(String source, String text) {
        Matcher directive = YAML_DIRECTIVE.matcher(text);
        if (directive.lookingAt() && !(directive.group(1).equals("1") && directive.group(2).equals("1"))) {
            int line = (int) text.substring(0, directive.start(1)).chars().filter(c -> c == '\n').count() + 1;
            throw new ValuesSyntaxException(new SourcePosition(source, line, 1),
                    "%YAML " + directive.group(1) + "." + directive.group(2)
                            + " is not a YAML version Helm reads (it reads YAML 1.1): remove the %YAML line or write %YAML 1.1");
        }
    }

    /**
     * SnakeYAML's node tree of the first document. Where SnakeYAML refuses a tab that go-yaml takes
     * as separation (after "key:", inside a flow collection), the tab is read as a space.
     */
    private static Node compose(String source, String text) {
        String current = text;
        for (int attempt = 0; ; attempt++) {
            try {
                Iterator<Node> documents = yaml().composeAll(new StringReader(current)).iterator();
                return documents.hasNext() ? documents.next() : null;
            } catch (MarkedYAMLException e) {
                int tab = separatingTab(current, e);
                if (tab >= 0 && attempt < MAX_SEPARATING_TABS) {
                    current = current.substring(0, tab) + ' ' + current.substring(tab + 1);
                    continue;
                }
                if (tab >= 0) {
                    throw new ValuesSyntaxException(position(source, e.getProblemMark()),
                            "more than " + MAX_SEPARATING_TABS + " tabs separate keys from values or items from each other; "
                                    + "the library reads at most that many: replace the tabs with spaces");
                }
                // "found unexpected end of stream" points at the end of the file: the context (where the
                // unclosed quote or bracket starts) is where the mistake is.
                boolean atEnd = e.getProblem() != null && e.getProblem().contains("end of stream");
                Mark mark = e.getProblemMark() != null && !(atEnd && e.getContextMark() != null)
                        ? e.getProblemMark() : e.getContextMark();
                throw new ValuesSyntaxException(position(source, mark), describe(e));
            } catch (YAMLException e) {
                throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), limitMessage(e));
            }
        }
    }

    /**
     * The index in {@code text} of the tab SnakeYAML stopped at, when go-yaml would read it as
     * separation: a tab that is neither indentation (only blanks before it on its line) nor right
     * after a "-" or "?" indicator. -1 otherwise.
     */
    private static int separatingTab(String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        if (mark == null || e.getProblem() == null || !e.getProblem().contains("(TAB)")) {
            return -1;
        }
        int index = text.offsetByCodePoints(0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
        if (index >= text.length() || text.charAt(index) != '\t') {
            return -1;
        }
        int before = index - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return -1;
        }
        char indicator = text.charAt(before);
        boolean atBlockIndicator = (indicator == '-' || indicator == '?')
                && (before == 0 || " \t\r\n".indexOf(text.charAt(before - 1)) >= 0);
        return atBlockIndicator ? -1 : index;
    }

    /** The message for a file over {@link #MAX_CODE_POINTS}. */
    public static String tooLargeMessage() {
        return "the file is larger than " + MAX_CODE_POINTS + " characters (8 MiB), far more than any values file needs; check that it is the right file";
    }

    private static String nestingMessage() {
        return "maps and lists are nested deeper than " + MAX_NESTING + " levels, far deeper than any values file needs; check that it is the right file";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING);
        // Aliases are bounded while they are expanded, by go-yaml's ratio (see Converter).
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        // Merge keys are applied as go-yaml applies them (in order, later keys win), not as SnakeYAML does.
        options.setMergeOnCompose(false);
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
        if (message.contains("Nesting Depth")) {
            return nestingMessage();
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

    /** Turns SnakeYAML's node tree into values, reading it as go-yaml v2 decodes into interface{}. */
    private static final class Converter {
        private final String source;
        private final String text;
        private final boolean mayHaveUnicodeEscapes;
        private final boolean codePointsAreChars;
        private final Map<String, SourcePosition> positions;
        private final Map<String, SourcePosition> keyPositions;
        /** Nodes read (true) or being read (false): a node met again is an alias. */
        private final Map<Node, Boolean> seen = new IdentityHashMap<>();
        private int values;
        // go-yaml v2's bound on alias expansion (decode.go, allowedAliasRatio).
        private long decodeCount;
        private long aliasCount;
        private int aliasDepth;

        Converter(String source, String text, Map<String, SourcePosition> positions, Map<String, SourcePosition> keyPositions) {
            this.source = source;
            this.text = text;
            this.mayHaveUnicodeEscapes = text.contains("\\u") || text.contains("\\U");
            this.codePointsAreChars = text.codePointCount(0, text.length()) == text.length();
            this.positions = positions;
            this.keyPositions = keyPositions;
        }

        private void count(Node node) {
            decodeCount++;
            if (aliasDepth > 0) {
                aliasCount++;
            }
            if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
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

        Object convert(Node node, String path) {
            Boolean state = seen.get(node);
            if (state != null && !state) {
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
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
            if (++values > MAX_VALUES) {
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
                        "more than " + MAX_VALUES + " values once aliases are expanded, far more than any values file needs; check that it is the right file");
            }
            positions.put(path, position(source, node.getStartMark()));
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
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
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
                keyPositions.put(childPath, position(source, keyNode.getStartMark()));
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
                throw new ValuesSyntaxException(position(source, mapping.getStartMark()),
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
            return new ValuesSyntaxException(position(source, node.getStartMark()),
                    "a merge key (<<) takes a map or a list of maps, as Helm requires (\"map merge requires map or sequence of maps as the value\"); "
                            + "give it a map, or quote \"<<\" to use it as an ordinary key");
        }

        private static boolean isMerge(Node key) {
            return key instanceof ScalarNode scalar && "<<".equals(scalar.getValue())
                    && (PLAIN.equals(scalar.getTag()) || Tag.MERGE.equals(scalar.getTag()));
        }

        /**
         * A scalar as go-yaml v2 decodes it into interface{}, then through Helm's JSON round trip:
         * Boolean, Double, String or null. An explicit tag must fit the text (!!int on "blue" fails
         * in Helm); !!binary is decoded; tags go-yaml does not know leave the text as it is.
         */
        Object scalarValue(ScalarNode node) {
            return jsonNumber(goValue(node));
        }

        /** The scalar as go-yaml v2 decodes it, before the JSON round trip (integers stay Long or BigInteger). */
        private Object goValue(ScalarNode node) {
            checkEscapes(node);
            Tag tag = node.getTag();
            String value = node.getValue();
            if (PLAIN.equals(tag)) {
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
            throw new ValuesSyntaxException(position(source, node.getStartMark()),
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
                throw new ValuesSyntaxException(position(source, node.getStartMark()),
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
                            throw new ValuesSyntaxException(position(source, node.getStartMark()),
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
                    throw new ValuesSyntaxException(position(source, key.getStartMark()),
                            "a null key (~, null or nothing before the colon) is not a key Helm reads (\"unsupported map key\"); "
                                    + "quote it (\"null\") to make it text");
                }
                if (value instanceof String s) {
                    return s;
                }
                if (value instanceof BigInteger) {
                    throw new ValuesSyntaxException(position(source, key.getStartMark()),
                            "the key " + value + " is an integer above 9223372036854775807, which Helm cannot use as a key (\"unsupported map key of type: uint64\"); quote it to make it text");
                }
                if (value instanceof Double d) {
                    String g = GoStrconv.formatFloat32G(d);
                    return g.equals("+Inf") ? ".inf" : g.equals("-Inf") ? "-.inf" : g.equals("NaN") ? ".nan" : g;
                }
                return value.toString();
            }
            throw new ValuesSyntaxException(position(source, key.getStartMark()),
                    "a map key must be a plain value, not a map or a list");
        }
    }
}
