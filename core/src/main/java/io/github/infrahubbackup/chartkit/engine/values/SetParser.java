package io.github.infrahubbackup.chartkit.engine.values;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses Helm 3 {@code --set} and {@code --set-string} arguments into a values tree, behaving like
 * Helm's {@code strvals.ParseInto} and {@code strvals.ParseIntoString} (Helm v3.21).
 *
 * <h2>Syntax</h2>
 * <ul>
 *   <li>One argument holds comma separated {@code key=value} pairs, parsed left to right; one trailing comma is
 *       allowed ({@code a=1,}), an empty pair is not ({@code a=1,,b=2}).</li>
 *   <li>{@code a.b.c=v} creates (or reuses) nested maps; at most 30 dots per key path.</li>
 *   <li>{@code a[2]=v} sets a list element, padding the list with {@code null}; {@code a[0].b=v},
 *       {@code a[0][1]=v} nest maps and lists in lists. Indexes may carry a sign ({@code [+1]}); negative
 *       indexes and indexes above 65536 are errors.</li>
 *   <li>{@code a={x,y}} sets a list; an element list must start right after the {@code =}. {@code a={}} is the
 *       one-element list {@code [""]}.</li>
 *   <li>A backslash takes the next character literally anywhere (key, index, value, list element):
 *       {@code \,} {@code \.} {@code \=} {@code \\} {@code \[} ... ({@code \n} is just {@code n}).</li>
 *   <li>{@code a=} sets the empty string; {@code a} (no {@code =}) is an error; keys and values are not
 *       trimmed; pairs with an empty key ({@code =x}, {@code [0]=x}) are dropped.</li>
 *   <li>Helm's end-of-input quirks are kept: {@code noval[0]} gives an empty list and {@code name1.} does nothing
 *       (no error), while {@code a[0} fails with {@code error parsing index: EOF}; a trailing backslash is
 *       dropped ({@code a=1\} is {@code a=1}); after {@code a={x}} the next key may start without a comma.</li>
 *   <li>A key path through an existing value of the wrong kind fails ({@code a=1,a.b=2}:
 *       {@code unable to parse key: interface conversion: ...}), except {@code x[i].k=v}, which silently replaces
 *       a non-map element {@code x[i]} with a map.</li>
 * </ul>
 *
 * <h2>Typing</h2>
 * For {@code --set}: {@code true}/{@code false} (any case) become {@link Boolean}, {@code null} (any case)
 * becomes {@code null} (when Helm later coalesces with the chart's values.yaml, a null deletes that default key;
 * a key the chart does not define stays null in {@code .Values}), {@code 0} and
 * decimal integers that do not start with {@code 0} and fit in 64 bits ({@code 42}, {@code -7}, {@code +3})
 * become {@link Long}; anything else ({@code 1.5}, {@code 0123}, {@code 1e3}, {@code 0x1f}) stays a
 * {@link String}. For {@code --set-string} every value is a {@link String}.
 *
 * <h2>Merging and errors</h2>
 * Each call merges into {@code target} like successive {@code --set} flags do: later values win, existing nested
 * maps are filled in, list elements are replaced by index. Maps created are {@link LinkedHashMap}s and lists
 * {@link ArrayList}s; maps and lists already in {@code target} must be mutable. Like Helm, the pairs before an
 * error stay applied to {@code target} (Helm then aborts the command). Errors are {@link SetSyntaxException}s
 * carrying Helm's message.
 */
public final class SetParser {

    /** Largest list index accepted (Helm's {@code strvals.MaxIndex}). */
    static final int MAX_INDEX = 65536;
    /** Largest number of dots in one key path (Helm's {@code strvals.MaxNestedNameLevel}). */
    static final int MAX_NESTED_NAME_LEVEL = 30;

    private final String input;
    private final boolean forceString;
    private int pos;
    private int lastWidth;

    private SetParser(String input, boolean forceString) {
        this.input = input;
        this.forceString = forceString;
    }

    /** Parses one --set argument (possibly several comma-separated pairs) into target, Helm typing. */
    public static void parseInto(String argument, Map<String, Object> target) {
        parse(argument, target, false);
    }

    /** The same for --set-string: every value is a String. */
    public static void parseStringInto(String argument, Map<String, Object> target) {
        parse(argument, target, true);
    }

    private static void parse(String argument, Map<String, Object> target, boolean forceString) {
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(target, "target");
        SetParser parser = new SetParser(argument, forceString);
        while (true) {
            Failure failure = parser.key(target, 0);
            if (failure == null) {
                continue;
            }
            if (failure.endOfInput) {
                return;
            }
            throw new SetSyntaxException(forceString ? "--set-string" : "--set", argument, failure.message);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Grammar. Methods return a Failure (null = success) the way the Go code returns errors, so that the
    // partial updates Helm makes before giving up are reproduced exactly. A failure that merely reports the
    // end of the input ends parsing silently, as in Helm.

    private Failure key(Map<String, Object> data, int nestedNameLevel) {
        try {
            return keyUnguarded(data, nestedNameLevel);
        } catch (TypeMismatch mismatch) {
            return Failure.of("unable to parse key: " + mismatch.getMessage());
        }
    }

    private Failure keyUnguarded(Map<String, Object> data, int nestedNameLevel) {
        Scan scan = runesUntil("=[,.");
        String k = scan.text;
        if (scan.failure != null) {
            if (k.isEmpty()) {
                return scan.failure;
            }
            return Failure.of("key " + GoStrings.quote(k) + " has no value");
        }
        switch (scan.last) {
            case '[': {
                IndexScan index = keyIndex();
                if (index.failure != null) {
                    return index.failure.wrap("error parsing index: ");
                }
                List<Object> list = data.containsKey(k) ? asList(data.get(k)) : new ArrayList<>();
                ListResult item = listItem(list, index.value, nestedNameLevel);
                set(data, k, item.list);
                return item.failure;
            }
            case '=': {
                ListResult values = valList();
                if (values.failure == null) {
                    set(data, k, values.list);
                    return null;
                }
                if (values.failure.endOfInput) {
                    set(data, k, "");
                    return values.failure;
                }
                if (values.failure == Failure.NOT_A_LIST) {
                    // the end of input met while reading the value is not reported: the next key() sees it
                    set(data, k, typed(val().text));
                    return null;
                }
                return values.failure;
            }
            case ',':
                set(data, k, "");
                return Failure.of("key " + GoStrings.quote(k) + " has no value (cannot end with ,)");
            case '.': {
                int level = nestedNameLevel + 1;
                if (level > MAX_NESTED_NAME_LEVEL) {
                    return Failure.of("value name nested level is greater than maximum supported nested level of "
                            + MAX_NESTED_NAME_LEVEL);
                }
                Map<String, Object> inner = data.containsKey(k) ? asMap(data.get(k)) : new LinkedHashMap<>();
                Failure failure = key(inner, level);
                if (failure == null && inner.isEmpty()) {
                    return Failure.of("key map " + GoStrings.quote(k) + " has no value");
                }
                if (!inner.isEmpty()) {
                    set(data, k, inner);
                }
                return failure;
            }
            default:
                throw new IllegalStateException("unexpected stop character " + scan.last);
        }
    }

    private ListResult listItem(List<Object> list, long i, int nestedNameLevel) {
        if (i < 0) {
            return new ListResult(list, Failure.of("negative " + i + " index not allowed"));
        }
        Scan scan = runesUntil("[.=");
        if (!scan.text.isEmpty()) {
            return new ListResult(list,
                    Failure.of("unexpected data at end of array index: " + GoStrings.quoteRunes(scan.text)));
        }
        if (scan.failure != null) {
            return new ListResult(list, scan.failure);
        }
        switch (scan.last) {
            case '=': {
                ListResult values = valList();
                if (values.failure == null) {
                    return setIndex(list, i, values.list);
                }
                if (values.failure.endOfInput) {
                    return setIndex(list, i, "");
                }
                if (values.failure == Failure.NOT_A_LIST) {
                    return setIndex(list, i, typed(val().text));
                }
                return new ListResult(list, values.failure);
            }
            case '[': {
                IndexScan next = keyIndex();
                if (next.failure != null) {
                    return new ListResult(list, next.failure.wrap("error parsing index: "));
                }
                List<Object> current = null;
                if (list.size() > i) {
                    Object existing = list.get((int) i);
                    if (existing != null) {
                        current = asList(existing);
                    }
                }
                ListResult nested = listItem(current == null ? new ArrayList<>() : current, next.value,
                        nestedNameLevel);
                if (nested.failure != null) {
                    return new ListResult(list, nested.failure);
                }
                return setIndex(list, i, nested.list);
            }
            case '.': {
                Map<String, Object> inner = new LinkedHashMap<>();
                if (list.size() > i) {
                    Object existing = list.get((int) i);
                    if (existing instanceof Map) {
                        inner = castMap(existing);
                    } else {
                        // indexes visited out of order: whatever sat there is replaced by a map
                        list.set((int) i, inner);
                    }
                }
                Failure failure = key(inner, nestedNameLevel);
                if (failure != null) {
                    return new ListResult(list, failure);
                }
                return setIndex(list, i, inner);
            }
            default:
                throw new IllegalStateException("unexpected stop character " + scan.last);
        }
    }

    private IndexScan keyIndex() {
        Scan scan = runesUntil("]");
        if (scan.failure != null) {
            return new IndexScan(0, scan.failure);
        }
        return atoi(scan.text);
    }

    private ListResult valList() {
        int first = read();
        if (first < 0) {
            return new ListResult(new ArrayList<>(), Failure.END_OF_INPUT);
        }
        if (first != '{') {
            unread();
            return new ListResult(new ArrayList<>(), Failure.NOT_A_LIST);
        }
        List<Object> list = new ArrayList<>();
        while (true) {
            Scan scan = runesUntil(",}");
            if (scan.failure != null) {
                return new ListResult(list, scan.failure.endOfInput
                        ? Failure.of("list must terminate with '}'") : scan.failure);
            }
            list.add(typed(scan.text));
            if (scan.last == '}') {
                int after = read();
                if (after >= 0 && after != ',') {
                    unread();
                }
                return new ListResult(list, null);
            }
        }
    }

    private Scan val() {
        return runesUntil(",");
    }

    /** Reads up to (and consuming) the first unescaped character of {@code stops}; backslash escapes anything. */
    private Scan runesUntil(String stops) {
        StringBuilder text = new StringBuilder();
        while (true) {
            int r = read();
            if (r < 0) {
                return new Scan(text.toString(), 0, Failure.END_OF_INPUT);
            }
            if (stops.indexOf(r) >= 0) {
                return new Scan(text.toString(), r, null);
            }
            if (r == '\\') {
                int next = read();
                if (next < 0) {
                    return new Scan(text.toString(), 0, Failure.END_OF_INPUT);
                }
                text.appendCodePoint(next);
            } else {
                text.appendCodePoint(r);
            }
        }
    }

    private int read() {
        if (pos >= input.length()) {
            return -1;
        }
        int cp = input.codePointAt(pos);
        lastWidth = Character.charCount(cp);
        pos += lastWidth;
        return cp;
    }

    private void unread() {
        pos -= lastWidth;
    }

    // ---------------------------------------------------------------------------------------------
    // Values and containers

    private Object typed(String value) {
        if (forceString) {
            return value;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        if (value.equalsIgnoreCase("null")) {
            return null;
        }
        if (value.equals("0")) {
            return 0L;
        }
        if (!value.isEmpty() && value.charAt(0) != '0') {
            Long number = GoStrconv.parseInt64(value, 10);
            if (number != null) {
                return number;
            }
        }
        return value;
    }

    /** Go's {@code strconv.Atoi} on a 64-bit platform, with its error texts. */
    private static IndexScan atoi(String s) {
        String syntax = "strconv.Atoi: parsing " + GoStrings.quote(s) + ": invalid syntax";
        String range = "strconv.Atoi: parsing " + GoStrings.quote(s) + ": value out of range";
        int start = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        if (start == s.length()) {
            return new IndexScan(0, Failure.of(syntax));
        }
        // magnitude accumulated as unsigned 64-bit, as strconv.ParseUint does
        long magnitude = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return new IndexScan(0, Failure.of(syntax));
            }
            if (Long.compareUnsigned(magnitude, Long.divideUnsigned(-1L, 10) + 1) >= 0) {
                return new IndexScan(0, Failure.of(range));
            }
            long next = magnitude * 10 + (c - '0');
            if (Long.compareUnsigned(next, magnitude * 10) < 0) {
                return new IndexScan(0, Failure.of(range));
            }
            magnitude = next;
        }
        if (!negative && Long.compareUnsigned(magnitude, Long.MAX_VALUE) > 0) {
            return new IndexScan(0, Failure.of(range));
        }
        if (negative && Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0) {
            return new IndexScan(0, Failure.of(range));
        }
        return new IndexScan(negative ? -magnitude : magnitude, null);
    }

    private static ListResult setIndex(List<Object> list, long index, Object value) {
        if (index < 0) {
            return new ListResult(list, Failure.of("negative " + index + " index not allowed"));
        }
        if (index > MAX_INDEX) {
            return new ListResult(list, Failure.of("index of " + index
                    + " is greater than maximum supported index of " + MAX_INDEX));
        }
        int i = (int) index;
        List<Object> result = list;
        if (list.size() <= i) {
            // grown lists are fresh copies, like the Go slice reallocation
            result = new ArrayList<>(i + 1);
            result.addAll(list);
            while (result.size() <= i) {
                result.add(null);
            }
        }
        result.set(i, value);
        return new ListResult(result, null);
    }

    private static void set(Map<String, Object> data, String key, Object value) {
        if (!key.isEmpty()) {
            data.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw new TypeMismatch(value, "[]interface {}");
    }

    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map) {
            return castMap(value);
        }
        throw new TypeMismatch(value, "map[string]interface {}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    // ---------------------------------------------------------------------------------------------
    // Small carriers

    /**
     * An error in the Go sense. {@code endOfInput} marks the bare io.EOF: Helm 3 compares errors with {@code ==},
     * so an EOF wrapped in another message ({@code error parsing index: EOF}) is a real error.
     */
    private static final class Failure {
        static final Failure END_OF_INPUT = new Failure("EOF", true);
        static final Failure NOT_A_LIST = new Failure("not a list", false);

        final String message;
        final boolean endOfInput;

        private Failure(String message, boolean endOfInput) {
            this.message = message;
            this.endOfInput = endOfInput;
        }

        static Failure of(String message) {
            return new Failure(message, false);
        }

        Failure wrap(String prefix) {
            return new Failure(prefix + message, false);
        }
    }

    private record Scan(String text, int last, Failure failure) {
    }

    private record IndexScan(long value, Failure failure) {
    }

    private record ListResult(List<Object> list, Failure failure) {
    }

    /** An existing value of the wrong kind met where a map or list is needed (a failed Go type assertion). */
    private static final class TypeMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TypeMismatch(Object actual, String wanted) {
            super("interface conversion: interface {} is " + goTypeName(actual) + ", not " + wanted, null, false,
                    false);
        }

        private static String goTypeName(Object value) {
            if (value == null) {
                return "nil";
            } else if (value instanceof String) {
                return "string";
            } else if (value instanceof Long) {
                return "int64";
            } else if (value instanceof Integer) {
                return "int";
            } else if (value instanceof Boolean) {
                return "bool";
            } else if (value instanceof Double) {
                return "float64";
            } else if (value instanceof Float) {
                return "float32";
            } else if (value instanceof Map) {
                return "map[string]interface {}";
            } else if (value instanceof List) {
                return "[]interface {}";
            }
            return value.getClass().getName();
        }
    }

    /**
     * A malformed {@code --set} or {@code --set-string} argument. The message reads
     * {@code failed parsing --set data "<argument>": <Helm's message>}.
     */
    public static final class SetSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String flag;
        private final String argument;
        private final String reason;

        SetSyntaxException(String flag, String argument, String reason) {
            super("failed parsing " + flag + " data " + GoStrings.quote(argument) + ": " + reason);
            this.flag = flag;
            this.argument = argument;
            this.reason = reason;
        }

        /** {@code --set} or {@code --set-string}. */
        public String getFlag() {
            return flag;
        }

        /** The whole argument that failed to parse. */
        public String getArgument() {
            return argument;
        }

        /** Helm's own error text, e.g. {@code key "x" has no value}. */
        public String getReason() {
            return reason;
        }
    }
}
