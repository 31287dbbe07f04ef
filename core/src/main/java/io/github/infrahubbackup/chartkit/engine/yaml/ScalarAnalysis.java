package io.github.infrahubbackup.chartkit.engine.yaml;

/**
 * What the libyaml-derived emitter (go-yaml v2 emitterc.go, analyze_scalar) learns about a scalar
 * before it picks a style: which styles can represent it without changing its meaning.
 *
 * <p>Plain style here always means block-context plain style: go-yaml only emits flow collections
 * for empty maps and lists, which hold no scalars.
 */
record ScalarAnalysis(boolean multiline, boolean plainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

    static ScalarAnalysis of(String value) {
        if (value.isEmpty()) {
            return new ScalarAnalysis(false, true, true, false);
        }
        Scan scan = new Scan(value);
        scan.run();
        return scan.result();
    }

    /** The character classes of the emitter (yamlprivateh.go), in code points. */
    static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isBlankOrBreakOrNul(int c) {
        return isBlank(c) || isBreak(c) || c == 0;
    }

    /** One pass over the characters, mirroring the flags the emitter collects. */
    private static final class Scan {
        private final int[] cps;
        private boolean blockIndicators;
        private boolean lineBreaks;
        private boolean specialCharacters;
        private boolean leadingSpace;
        private boolean leadingBreak;
        private boolean trailingSpace;
        private boolean trailingBreak;
        private boolean breakSpace;
        private boolean spaceBreak;

        Scan(String value) {
            this.cps = value.codePoints().toArray();
            // A scalar starting like a document marker cannot be plain.
            blockIndicators = value.startsWith("---") || value.startsWith("...");
        }

        void run() {
            boolean precededByWhitespace = true;
            boolean previousSpace = false;
            boolean previousBreak = false;
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                boolean last = i == cps.length - 1;
                boolean followedByWhitespace = last || isBlank(cps[i + 1]);
                checkIndicator(c, i == 0, precededByWhitespace, followedByWhitespace);
                if (!isPrintable(c)) {
                    specialCharacters = true;
                }
                if (c == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= last;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak(c)) {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= last;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isBlankOrBreakOrNul(c);
            }
        }

        /**
         * Only block-context indicators matter (flow indicators would only restrict flow-context
         * plain scalars, which go-yaml never writes).
         */
        private void checkIndicator(int c, boolean first, boolean precededByWhitespace, boolean followedByWhitespace) {
            if (first) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
                            blockIndicators = true;
                    case '?', ':', '-' -> blockIndicators |= followedByWhitespace;
                    default -> { }
                }
            } else if (c == ':') {
                blockIndicators |= followedByWhitespace;
            } else if (c == '#') {
                blockIndicators |= precededByWhitespace;
            }
        }

        ScalarAnalysis result() {
            boolean plain = true;
            boolean singleQuoted = true;
            boolean block = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                plain = false;
            }
            if (trailingSpace) {
                block = false;
            }
            if (breakSpace) {
                plain = false;
                singleQuoted = false;
            }
            if (spaceBreak || specialCharacters) {
                plain = false;
                singleQuoted = false;
                block = false;
            }
            if (lineBreaks || blockIndicators) {
                plain = false;
            }
            return new ScalarAnalysis(lineBreaks, plain, singleQuoted, block);
        }
    }
}
