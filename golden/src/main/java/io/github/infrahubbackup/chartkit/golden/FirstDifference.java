package io.github.infrahubbackup.chartkit.golden;

/**
 * Where two renderings first differ, line by line, and how to show it: the line, the
 * {@code # Source:} document it is in, and the lines around it. The one diff the harness and the
 * project's tests print.
 */
final class FirstDifference {
    private final String[] expected;
    private final String[] actual;
    private final int index;

    private FirstDifference(String[] expected, String[] actual, int index) {
        this.expected = expected;
        this.actual = actual;
        this.index = index;
    }

    static FirstDifference between(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        return new FirstDifference(want, got, line);
    }

    /** The 1-based number of the first line that differs. */
    int line() {
        return index + 1;
    }

    /** The template of the actual text's document that holds the difference, as after {@code # Source:}. */
    String source() {
        for (int i = Math.min(index, actual.length - 1); i >= 0; i--) {
            if (actual[i].startsWith("# Source: ")) {
                return actual[i].substring("# Source: ".length());
            }
        }
        return "(before the first document)";
    }

    /** Two lines either side of the difference: equal lines once, differing ones as "-" expected then "+" actual. */
    String context() {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, index - 2); i <= index + 2; i++) {
            String expectedLine = i < expected.length ? expected[i] : "<end of file>";
            String actualLine = i < actual.length ? actual[i] : "<end of file>";
            text.append(String.format("%5d %s %s%n", i + 1, expectedLine.equals(actualLine) ? " " : "-", expectedLine));
            if (!expectedLine.equals(actualLine)) {
                text.append(String.format("%5d + %s%n", i + 1, actualLine));
            }
        }
        return text.toString();
    }
}
