package io.github.infrahubbackup.chartkit.engine.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * go-yaml v2.4's encoder and emitter (encode.go and the libyaml port emitterc.go) for the values
 * that come out of {@link JsonRoundTrip}: block mappings and sequences, "{}" and "[]" for empty
 * ones, and scalars.
 *
 * <p>The emitter's layout state is kept as in libyaml, because the output depends on it in subtle
 * ways: {@code column} (in characters) drives line folding at {@value #BEST_WIDTH} columns,
 * {@code whitespace} says whether the last character written separates tokens, and
 * {@code indention} whether only indentation has been written on the current line (which decides,
 * for instance, that a sequence under a mapping key is not indented).
 */
final class GoEmitter {

    /** A scalar written as is in plain style: the text of a number, bool or null. */
    record Plain(String text) {
        static final Plain NULL = new Plain("null");
    }

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    /** Longest key (in UTF-8 bytes) the emitter writes as "key: value" rather than "? key". */
    private static final int MAX_SIMPLE_KEY_BYTES = 128;

    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;

    private GoEmitter() {
    }

    /** The whole document, as yaml.Marshal returns it (with its final line break). */
    static String emitDocument(Object root) {
        GoEmitter e = new GoEmitter();
        e.emitNode(root, false);
        // Document end: the implicit end marker only terminates the last line.
        e.writeIndent();
        return e.out.toString();
    }

    private void emitNode(Object node, boolean mappingContext) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                writeEmptyFlowCollection("{", "}");
            } else {
                emitBlockMapping(map);
            }
        } else if (node instanceof List<?> list) {
            if (list.isEmpty()) {
                writeEmptyFlowCollection("[", "]");
            } else {
                emitBlockSequence(list, mappingContext);
            }
        } else if (node instanceof Plain plain) {
            emitScalar(plain.text(), Style.PLAIN, false);
        } else {
            String s = (String) node;
            emitScalar(s, requestedStringStyle(s), false);
        }
    }

    /**
     * go-yaml's encoder asks for literal style when the string has a newline, for plain style when
     * the plain text would read back as the same string, and double quotes otherwise.
     */
    private static Style requestedStringStyle(String s) {
        if (s.contains("\n")) {
            return Style.LITERAL;
        }
        boolean readsBackAsString = GoScalarResolver.resolve(s).tag() == GoYaml.Tag.STR
                && !GoScalarResolver.isBase60Float(s);
        return readsBackAsString ? Style.PLAIN : Style.DOUBLE_QUOTED;
    }

    private void writeEmptyFlowCollection(String open, String close) {
        writeIndicator(open, true, true, false);
        writeIndicator(close, false, false, false);
    }

    private void emitBlockSequence(List<?> list, boolean mappingContext) {
        // Directly under a "key:" the dashes stay at the key's indentation.
        increaseIndent(false, mappingContext && !indention);
        for (Object item : list) {
            writeIndent();
            writeIndicator("-", true, false, true);
            emitNode(item, false);
        }
        popIndent();
    }

    private void emitBlockMapping(Map<?, ?> map) {
        increaseIndent(false, false);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            writeIndent();
            String key = (String) entry.getKey();
            if (isSimpleKey(key)) {
                emitScalar(key, requestedStringStyle(key), true);
                writeIndicator(":", false, false, false);
            } else {
                // Explicit form: "? key" (which may fold or be a literal), then ": value" below it.
                writeIndicator("?", true, false, true);
                emitScalar(key, requestedStringStyle(key), false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            emitNode(entry.getValue(), true);
        }
        popIndent();
    }

    /** A key goes on one line with its value unless it spans lines or is long. */
    private static boolean isSimpleKey(String key) {
        return !ScalarAnalysis.of(key).multiline()
                && key.getBytes(StandardCharsets.UTF_8).length <= MAX_SIMPLE_KEY_BYTES;
    }

    private void emitScalar(String value, Style requested, boolean simpleKey) {
        ScalarAnalysis analysis = ScalarAnalysis.of(value);
        Style style = selectStyle(value, requested, analysis, simpleKey);
        increaseIndent(true, false);
        boolean allowBreaks = !simpleKey;
        switch (style) {
            case PLAIN -> writePlain(value, allowBreaks);
            case SINGLE_QUOTED -> writeSingleQuoted(value, allowBreaks);
            case DOUBLE_QUOTED -> writeDoubleQuoted(value, allowBreaks);
            case LITERAL -> writeLiteral(value);
        }
        popIndent();
    }

    /** The emitter downgrades the requested style until one can represent the scalar. */
    private static Style selectStyle(String value, Style requested, ScalarAnalysis a, boolean simpleKey) {
        Style style = requested;
        if (simpleKey && a.multiline()) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN && (!a.plainAllowed() || (value.isEmpty() && simpleKey))) {
            style = Style.SINGLE_QUOTED;
        }
        if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed()) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!a.blockAllowed() || simpleKey)) {
            style = Style.DOUBLE_QUOTED;
        }
        return style;
    }

    // ---- indentation and low-level output (emitterc.go's put/write/write_indent/write_indicator)

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.pop();
    }

    /** Starts a new line unless only indentation was written so far, then pads to the indent. */
    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        indicator.codePoints().forEach(this::write);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int codePoint) {
        out.appendCodePoint(codePoint);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    /** A line break from the value: '\n' is written as the output break, others verbatim. */
    private void writeBreak(int c) {
        if (c == '\n') {
            putBreak();
        } else {
            write(c);
            column = 0;
        }
    }

    // ---- scalar writers

    /**
     * Past column 80 a single space between two words is replaced by a line break and the
     * indentation (unless the scalar is a simple key); a reader folds it back into one space.
     */
    private boolean mayFold(boolean allowBreaks, boolean afterSpace) {
        return allowBreaks && !afterSpace && column > BEST_WIDTH;
    }

    private void writePlain(String value, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        int[] cps = value.codePoints().toArray();
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (mayFold(allowBreaks, spaces) && !isSpaceAt(cps, i + 1)) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                breaks = writeValueBreak(c, breaks);
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(String value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        int[] cps = value.codePoints().toArray();
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (mayFold(allowBreaks, spaces) && i > 0 && i < cps.length - 1 && !isSpaceAt(cps, i + 1)) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                breaks = writeValueBreak(c, breaks);
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    /**
     * A line break inside a plain or single-quoted scalar: the first '\n' of a run is doubled,
     * because a reader folds a single break into a space. Returns the new "in breaks" state.
     */
    private boolean writeValueBreak(int c, boolean breaks) {
        if (!breaks && c == '\n') {
            putBreak();
        }
        writeBreak(c);
        indention = true;
        return true;
    }

    private void writeDoubleQuoted(String value, boolean allowBreaks) {
        writeIndicator("\"", true, false, false);
        int[] cps = value.codePoints().toArray();
        // go-yaml's BOM test looks at the start of the value, not at the current character, so a
        // value that starts with U+FEFF gets every character escaped.
        boolean startsWithBom = cps.length > 0 && cps[0] == 0xFEFF;
        boolean spaces = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (startsWithBom || mustEscape(c)) {
                writeEscape(c);
                spaces = false;
            } else if (c == ' ') {
                if (mayFold(allowBreaks, spaces) && i > 0 && i < cps.length - 1) {
                    writeIndent();
                    // A leading space on the continuation line would be eaten: escape it.
                    if (isSpaceAt(cps, i + 1)) {
                        put('\\');
                    }
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private static boolean mustEscape(int c) {
        return !ScalarAnalysis.isPrintable(c) || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\';
    }

    private void writeEscape(int c) {
        put('\\');
        String shortForm = switch (c) {
            case 0x00 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> null;
        };
        if (shortForm != null) {
            putAscii(shortForm);
        } else if (c <= 0xFF) {
            putAscii("x" + hex(c, 2));
        } else if (c <= 0xFFFF) {
            putAscii("u" + hex(c, 4));
        } else {
            putAscii("U" + hex(c, 8));
        }
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "0".repeat(digits - h.length()) + h;
    }

    private void putAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int c : value.codePoints().toArray()) {
            if (ScalarAnalysis.isBreak(c)) {
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
        }
    }

    /**
     * An explicit indentation indicator when the first line starts with a space or is empty (a
     * reader could not detect the indentation), and the chomping indicator: "-" without a final
     * line break, "+" when the value ends with more than one break (or is a single break), none
     * for exactly one.
     */
    private void writeBlockScalarHints(String value) {
        int[] cps = value.codePoints().toArray();
        if (cps[0] == ' ' || ScalarAnalysis.isBreak(cps[0])) {
            writeIndicator(Integer.toString(BEST_INDENT), false, false, false);
        }
        int last = cps.length - 1;
        String chomp = null;
        if (!ScalarAnalysis.isBreak(cps[last])) {
            chomp = "-";
        } else if (last == 0 || ScalarAnalysis.isBreak(cps[last - 1])) {
            chomp = "+";
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }

    private static boolean isSpaceAt(int[] cps, int i) {
        return i < cps.length && cps[i] == ' ';
    }
}
