package io.github.infrahubbackup.chartkit.engine.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Go's string functions as Helm templates see them (strconv, strings, fmt and sprig). */
public final class GoStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoStrings() {
    }

    /** fmt's {@code %v} of a template value, as {@code print}, {@code printf "%s"} and sprig's strval produce it. */
    public static String print(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        if (value instanceof Float f) {
            return formatFloat(f.doubleValue());
        }
        return value.toString();
    }

    /** strconv.Quote: a double-quoted Go string literal, which YAML reads back as the same string. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
        return out.append('"').toString();
    }

    /** fmt's {@code %q} of a {@code []rune}: {@code ['a' 'b']}, as Go error messages print them. */
    public static String quoteRunes(String s) {
        StringBuilder out = new StringBuilder().append('[');
        s.codePoints().forEach(cp -> {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append('\'');
            appendEscaped(out, cp, '\'');
            out.append('\'');
        });
        return out.append(']').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (isPrint(cp)) {
            out.appendCodePoint(cp);
        } else {
            escape(out, cp);
        }
    }

    private static void escape(StringBuilder out, int cp) {
        switch (cp) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                } else {
                    // Go never sees a lone surrogate: it reads as U+FFFD.
                    int value = Character.getType(cp) == Character.SURROGATE ? 0xFFFD : cp;
                    int digits = value < 0x10000 ? 4 : 8;
                    out.append(value < 0x10000 ? "\\u" : "\\U");
                    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                        out.append(HEX[(value >> shift) & 0xF]);
                    }
                }
            }
        }
    }

    /**
     * strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space, by Go's
     * Unicode tables (Unicode 15), which know characters Java 17's Character does not.
     */
    static boolean isPrint(int cp) {
        if (cp <= 0xFF) {
            return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA1 && cp != 0xAD);
        }
        return GoPrintTable.isPrint(cp);
    }

    /** sprig's indent: every line, empty ones included, gets the padding. */
    public static String indent(long width, String text) {
        String pad = " ".repeat((int) Math.max(0, width));
        return pad + text.replace("\n", "\n" + pad);
    }

    /** sprig's trunc: counts bytes (UTF-8), as Go strings do; a negative length keeps the end. */
    public static String trunc(long length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (length >= 0 && bytes.length > length) {
            return decode(bytes, 0, (int) length);
        }
        if (length < 0 && bytes.length + length > 0) {
            return decode(bytes, (int) (bytes.length + length), (int) -length);
        }
        return text;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String trimPrefix(String text, String prefix) {
        return !prefix.isEmpty() && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    public static String trimSuffix(String text, String suffix) {
        return !suffix.isEmpty() && text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    /**
     * strings.Split (sprig's splitList): the parts between each occurrence of a literal separator,
     * empty parts kept; an empty separator splits after each character (code point).
     */
    public static java.util.List<String> split(String text, String separator) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (separator.isEmpty()) {
            text.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
            return parts;
        }
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            parts.add(text.substring(start, at));
            start = at + separator.length();
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** strings.TrimSpace: Unicode white space (unicode.IsSpace) at both ends. */
    public static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** unicode.IsSpace (every such rune is in the Basic Multilingual Plane). */
    static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xFF && Character.getType(c) == Character.SPACE_SEPARATOR
                    || c == 0x2028 || c == 0x2029;
        };
    }

    /** strconv.FormatFloat(f, 'g', -1, 64), which fmt's {@code %v} of a float64 prints too. */
    public static String formatFloat(double value) {
        return GoStrconv.formatFloatG(value);
    }
}
