package io.github.infrahubbackup.chartkit.generate;

import java.util.List;
import java.util.Map;

/**
 * JSON text in the layout of the committed schema: two-space indentation, one member or item per
 * line, {@code {}} and {@code []} when empty, and every character outside printable ASCII escaped
 * (so the file reads the same in any editor's encoding).
 */
final class JsonText {
    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                pad(indent + 2, out);
                string(String.valueOf(member.getKey()), out);
                out.append(": ");
                write(member.getValue(), indent + 2, out);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            pad(indent, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                pad(indent + 2, out);
                write(list.get(i), indent + 2, out);
                out.append(i < list.size() - 1 ? ",\n" : "\n");
            }
            pad(indent, out);
            out.append(']');
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName() + " " + value
                    + ": the schema holds strings, integers, booleans, null, maps and lists");
        }
    }

    private static void pad(int indent, StringBuilder out) {
        out.append(" ".repeat(indent));
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
