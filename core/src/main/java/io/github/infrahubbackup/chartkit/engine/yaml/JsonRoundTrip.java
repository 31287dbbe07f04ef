package io.github.infrahubbackup.chartkit.engine.yaml;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml.Resolved;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value go-yaml v2 gets to marshal in {@code sigs.k8s.io/yaml.Marshal}: the input is first
 * written as JSON by encoding/json and read back by go-yaml into {@code interface{}}.
 *
 * <p>The round trip changes numbers (JSON text is re-typed by go-yaml's resolver, so an integral
 * float64 becomes an int) and strings holding NEL (U+0085, the one line break JSON leaves raw, which
 * YAML folds). It fails in a few cases, which makes Helm's {@code toYaml} return the empty string:
 * NaN and infinities (no JSON form), characters the YAML reader refuses but JSON does not escape,
 * map keys that cannot be YAML simple keys (too long, or spanning lines because of a NEL), and a
 * NEL followed by a document marker.
 *
 * <p>The result is a tree of {@link LinkedHashMap} (keys in go-yaml order), {@link List},
 * {@link String} and {@link GoEmitter.Plain} (the text of a number, bool or null).
 */
final class JsonRoundTrip {

    /** YAML limits an implicit key to 1024 characters, counted from its opening quote to the ':'. */
    private static final int MAX_SIMPLE_KEY_CHARS = 1024;

    /** Thrown when Helm's toYaml would fail and print nothing. */
    static final class Unrepresentable extends RuntimeException {
        Unrepresentable(String message) {
            super(message, null, false, false);
        }
    }

    private JsonRoundTrip() {
    }

    static Object convert(Object value) {
        if (value == null) {
            return GoEmitter.Plain.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return convertMap(map);
        }
        if (value instanceof Iterable<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(convert(item)));
            return out;
        }
        if (value instanceof Object[] array) {
            return convert(List.of(array));
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return goString(value.toString());
        }
        if (value instanceof Boolean b) {
            return new GoEmitter.Plain(b.toString());
        }
        if (value instanceof Number n) {
            return convertNumber(n);
        }
        throw new IllegalArgumentException("toYaml cannot encode a " + value.getClass().getName());
    }

    private static Map<String, Object> convertMap(Map<?, ?> map) {
        // json.Marshal writes keys in byte order; when two keys read back equal (see
        // foldNextLines), go-yaml keeps the later one.
        Map<String, Object> byJsonKey = new TreeMap<>(JsonRoundTrip::compareUtf8);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            byJsonKey.put(validGoString(keyString(e.getKey())), e.getValue());
        }
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : byJsonKey.entrySet()) {
            checkSimpleKey(e.getKey());
            byKey.put(e.getKey(), convert(e.getValue()));
        }
        Map<String, Object> sorted = new LinkedHashMap<>();
        for (String key : GoKeyOrder.sorted(byKey.keySet())) {
            sorted.put(key, byKey.get(key));
        }
        return sorted;
    }

    /** encoding/json accepts string and integer map keys, integers written in decimal. */
    private static String keyString(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte
                || key instanceof BigInteger) {
            return key.toString();
        }
        throw new IllegalArgumentException("toYaml cannot encode a map key of type "
                + (key == null ? "null" : key.getClass().getName()));
    }

    private static String goString(String s) {
        return foldNextLines(validGoString(s));
    }

    /**
     * A Go string as the YAML reader gets it in JSON: Java's unpaired surrogates are invalid UTF-8,
     * which encoding/json replaces by U+FFFD; and the reader rejects DEL, the C1 controls other
     * than NEL, U+FFFE and U+FFFF, which JSON writes unescaped.
     */
    private static String validGoString(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            if (isYamlReaderRejected(c)) {
                throw new Unrepresentable("the YAML reader rejects U+" + Integer.toHexString(c));
            }
            if (Character.isSurrogate((char) c) && width == 1) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += width;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isYamlReaderRejected(int c) {
        return (c >= 0x7F && c <= 0x84) || (c >= 0x86 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
    }

    /**
     * NEL (U+0085) is the one line break JSON leaves unescaped, and YAML folds line breaks inside
     * a double-quoted scalar: a run of spaces and NELs becomes one space if it holds one NEL, or
     * n-1 newlines for n NELs. A "---" or "..." right after the NEL, followed by a space or NEL,
     * reads as a document marker, which is an error.
     */
    private static String foldNextLines(String s) {
        if (s.indexOf(NEL) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != NEL) {
                out.append(c);
                i++;
                continue;
            }
            int runEnd = i;
            int breaks = 0;
            while (runEnd < s.length() && (s.charAt(runEnd) == ' ' || s.charAt(runEnd) == NEL)) {
                breaks += s.charAt(runEnd) == NEL ? 1 : 0;
                runEnd++;
            }
            if (breaks == 0) {
                out.append(s, i, runEnd);
            } else {
                if (s.charAt(runEnd - 1) == NEL && startsWithDocumentMarker(s, runEnd)) {
                    throw new Unrepresentable("a document marker starts a line of a quoted scalar");
                }
                out.append(breaks == 1 ? " " : "\n".repeat(breaks - 1));
            }
            i = runEnd;
        }
        return out.toString();
    }

    private static final char NEL = '\u0085';

    private static boolean startsWithDocumentMarker(String s, int at) {
        boolean marker = s.startsWith("---", at) || s.startsWith("...", at);
        return marker && at + 3 < s.length() && (s.charAt(at + 3) == ' ' || s.charAt(at + 3) == NEL);
    }

    /**
     * A key must be a YAML simple key when go-yaml reads the JSON back: on one line (no NEL) and
     * at most 1024 characters from its opening quote to the ':'.
     */
    private static void checkSimpleKey(String key) {
        if (key.indexOf(NEL) >= 0) {
            throw new Unrepresentable("map key spans lines for the YAML reader");
        }
        checkSimpleKeyLength(key);
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkSimpleKeyLength(String key) {
        int length = 2;
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            length += jsonEscapedLength(c);
            i += Character.charCount(c);
        }
        if (length > MAX_SIMPLE_KEY_CHARS) {
            throw new Unrepresentable("map key too long for a YAML simple key");
        }
    }

    /** Characters in encoding/json's output for one code point (HTML escaping on, as json.Marshal does). */
    private static int jsonEscapedLength(int c) {
        return switch (c) {
            case '"', '\\', '\b', '\f', '\n', '\r', '\t' -> 2;
            case '<', '>', '&', 0x2028, 0x2029 -> 6;
            default -> c < 0x20 ? 6 : 1;
        };
    }

    private static Object convertNumber(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return new GoEmitter.Plain(Long.toString(n.longValue()));
        }
        if (n instanceof BigInteger big) {
            return retype(big.toString());
        }
        double d = n instanceof Float f ? new BigDecimal(Float.toString(f)).doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Unrepresentable("JSON has no form for " + d);
        }
        return retype(GoStrconv.formatJsonFloat(d));
    }

    /**
     * go-yaml reads the JSON number text as an untagged plain scalar: integral text that fits int64
     * or uint64 becomes an integer, other numbers a float64 (printed by FormatFloat 'g'), and text
     * too large even for a float64 stays a string.
     */
    private static Object retype(String jsonNumber) {
        Resolved r = GoScalarResolver.resolve(jsonNumber);
        return switch (r.tag()) {
            case INT -> new GoEmitter.Plain(r.value().toString());
            case FLOAT -> new GoEmitter.Plain(GoStrconv.formatFloatG((Double) r.value()));
            case STR -> jsonNumber;
            default -> throw new IllegalStateException("unexpected " + r.tag() + " for " + jsonNumber);
        };
    }
}
