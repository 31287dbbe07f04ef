package io.github.infrahubbackup.chartkit.engine.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Regular expressions read as Go's regexp (RE2) reads them, on java.util.regex, for what the chart
 * uses (classes, repetition, alternation, anchors, the m flag). Java's defaults differ from Go's in
 * two places, both about line ends: Java's {@code .} and multi-line {@code ^}/{@code $} also treat
 * CR, NEL, LS and PS as line ends where Go knows only LF (fixed with {@link Pattern#UNIX_LINES}),
 * and Java's {@code $} also matches before a final line end where Go's matches only at the end of
 * the text (fixed by reading {@code $} as {@code \z} outside multi-line mode).
 *
 * <p>Not covered, because the chart does not use them: {@code \s} (Java's holds the vertical tab,
 * Go's not), {@code \b} on non-ASCII letters, POSIX classes, and empty matches in a find-all.
 */
public final class GoRegex {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private GoRegex() {
    }

    /** The regex compiled to match as Go's does; compiled once per regex text. */
    public static Pattern compile(String regex) {
        return COMPILED.computeIfAbsent(regex, GoRegex::translate);
    }

    private static Pattern translate(String regex) {
        return Pattern.compile(multiLine(regex) ? regex : endAnchorsAtEndOfText(regex), Pattern.UNIX_LINES);
    }

    /** Whether the regex turns on multi-line mode in a leading flag group, as {@code (?m)}. */
    private static boolean multiLine(String regex) {
        if (!regex.startsWith("(?")) {
            return false;
        }
        int end = regex.indexOf(')');
        int colon = regex.indexOf(':');
        String flags = regex.substring(2, colon > 0 && colon < end ? colon : Math.max(end, 2));
        int minus = flags.indexOf('-');
        return (minus < 0 ? flags : flags.substring(0, minus)).indexOf('m') >= 0;
    }

    /** The regex with each {@code $} outside a character class written {@code \z}. */
    static String endAnchorsAtEndOfText(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else {
                out.append(c == '$' ? "\\z" : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
