package io.github.infrahubbackup.chartkit.engine.values;

/**
 * How much of a values file is read: far more than any real values file needs, and little enough
 * that a hostile or mistaken input (a huge file, a YAML bomb, thousands of nested brackets) fails at
 * once with a message instead of exhausting the JVM. go-yaml's own bound on alias expansion is
 * {@link GoYamlDecoder}'s.
 */
public final class ReadLimits {
    /** Largest values file read, in code points (a real one is a few kilobytes). */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /**
     * Deepest nesting of maps and lists. go-yaml allows 10,000; the library's merging, checking and
     * printing recurse, and 1,000 levels fit in a default thread stack (no real values file nests 20).
     */
    static final int MAX_NESTING = 1_000;
    /** Most values after aliases are expanded: far beyond a real file, and within a small heap. */
    static final int MAX_VALUES = 1_000_000;
    /** Most tabs used as separation that are read (each costs a re-read of the file). */
    static final int MAX_SEPARATING_TABS = 1_000;

    private ReadLimits() {
    }

    /** Refuses a text over {@link #MAX_CODE_POINTS}, before any YAML is read. */
    static void checkSize(String source, String text) {
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ValuesSyntaxException(new SourcePosition(source, 1, 1), tooLarge());
        }
    }

    static String tooLarge() {
        return "the file is larger than " + MAX_CODE_POINTS + " characters (8 MiB), far more than any values file needs; check that it is the right file";
    }

    static String tooDeep() {
        return "maps and lists are nested deeper than " + MAX_NESTING + " levels, far deeper than any values file needs; check that it is the right file";
    }

    static String tooManyValues() {
        return "more than " + MAX_VALUES + " values once aliases are expanded, far more than any values file needs; check that it is the right file";
    }

    static String tooManyTabs() {
        return "more than " + MAX_SEPARATING_TABS + " tabs separate keys from values or items from each other; "
                + "the library reads at most that many: replace the tabs with spaces";
    }
}
