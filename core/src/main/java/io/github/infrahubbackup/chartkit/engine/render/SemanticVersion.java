package io.github.infrahubbackup.chartkit.engine.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sprig's semverCompare for what charts compare: a release {@code MAJOR.MINOR.PATCH} (an optional
 * leading "v") against one constraint, an operator ({@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code =}, {@code !=}, or none for {@code =}) and a release. As Helm's semver library reads a
 * release, each number is decimal with any leading zeros and an unsigned 64-bit integer: a number
 * past 18446744073709551615 is refused ({@link Unreadable}), as Helm refuses it.
 */
final class SemanticVersion {
    private static final Pattern RELEASE = Pattern.compile("v?([0-9]+)\\.([0-9]+)\\.([0-9]+)");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(<=|>=|!=|<|>|=)?\\s*(\\S+)\\s*");

    private SemanticVersion() {
    }

    static boolean satisfies(String version, String constraint) {
        Matcher parts = CONSTRAINT.matcher(constraint);
        if (!parts.matches()) {
            throw new Unreadable("cannot read the constraint \"" + constraint + "\"");
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

    /** A release Helm's semver library cannot read either, with the reason in words. */
    static final class Unreadable extends IllegalArgumentException {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private static long[] release(String text) {
        Matcher parts = RELEASE.matcher(text);
        if (!parts.matches()) {
            throw new Unreadable("\"" + text + "\" is not a release such as 2.3.0");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                numbers[i] = Long.parseUnsignedLong(parts.group(i + 1));
            } catch (NumberFormatException e) {
                throw new Unreadable(text + " is not a release Helm can compare: " + parts.group(i + 1)
                        + " is past 18446744073709551615, the largest number of a release (Helm: \"error parsing version segment\")");
            }
        }
        return numbers;
    }

    private static int compare(long[] left, long[] right) {
        for (int i = 0; i < 3; i++) {
            int order = Long.compareUnsigned(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
