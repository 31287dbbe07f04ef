package io.github.infrahubbackup.chartkit.engine.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sprig's semverCompare for what charts compare: a release {@code MAJOR.MINOR.PATCH} (an optional
 * leading "v") against one constraint, an operator ({@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code =}, {@code !=}, or none for {@code =}) and a release.
 */
final class SemanticVersion {
    private static final Pattern RELEASE = Pattern.compile("v?([0-9]+)\\.([0-9]+)\\.([0-9]+)");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(<=|>=|!=|<|>|=)?\\s*(\\S+)\\s*");

    private SemanticVersion() {
    }

    static boolean satisfies(String version, String constraint) {
        Matcher parts = CONSTRAINT.matcher(constraint);
        if (!parts.matches()) {
            throw new IllegalArgumentException("semverCompare: cannot read the constraint \"" + constraint + "\"");
        }
        int order = compare(release(version), release(parts.group(2)));
        String operator = parts.group(1) == null ? "=" : parts.group(1);
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            case "!=" -> order != 0;
            default -> order == 0;
        };
    }

    private static long[] release(String text) {
        Matcher parts = RELEASE.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException("semverCompare: \"" + text + "\" is not a release such as 2.3.0");
        }
        return new long[] {Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)), Long.parseLong(parts.group(3))};
    }

    private static int compare(long[] left, long[] right) {
        for (int i = 0; i < 3; i++) {
            int order = Long.compare(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
