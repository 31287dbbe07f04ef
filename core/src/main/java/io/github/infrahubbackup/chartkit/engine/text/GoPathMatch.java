package io.github.infrahubbackup.chartkit.engine.text;

/**
 * Go's {@code path/filepath.Match} on Unix, which {@code helm template --show-only} uses: {@code *}
 * and {@code ?} never match "/", {@code [^a-z]} negates a class, {@code \} escapes, and there are no
 * {@code {a,b}} alternatives. A malformed pattern matches nothing (Helm ignores Match's error).
 */
public final class GoPathMatch {
    private GoPathMatch() {
    }

    /** Whether {@code name} matches {@code pattern}; false for a malformed pattern. */
    public static boolean matches(String pattern, String name) {
        try {
            return match(pattern, name);
        } catch (BadPattern e) {
            return false;
        }
    }

    private static final class BadPattern extends Exception {
        BadPattern() {
            super(null, null, false, false);
        }
    }

    private record Chunk(boolean star, String chunk, String rest) {
    }

    private static boolean match(String pattern, String name) throws BadPattern {
        outer:
        while (!pattern.isEmpty()) {
            Chunk scanned = scanChunk(pattern);
            pattern = scanned.rest();
            String chunk = scanned.chunk();
            if (scanned.star() && chunk.isEmpty()) {
                return name.indexOf('/') < 0;
            }
            String rest = matchChunk(chunk, name);
            if (rest != null && (rest.isEmpty() || !pattern.isEmpty())) {
                name = rest;
                continue;
            }
            if (scanned.star()) {
                for (int i = 0; i < name.length() && name.charAt(i) != '/'; i = name.offsetByCodePoints(i, 1)) {
                    rest = matchChunk(chunk, name.substring(name.offsetByCodePoints(i, 1)));
                    if (rest != null) {
                        if (pattern.isEmpty() && !rest.isEmpty()) {
                            continue;
                        }
                        name = rest;
                        continue outer;
                    }
                }
            }
            // Go reports a malformed rest of the pattern even when this chunk did not match.
            while (!pattern.isEmpty()) {
                scanned = scanChunk(pattern);
                pattern = scanned.rest();
                matchChunk(scanned.chunk(), "");
            }
            return false;
        }
        return name.isEmpty();
    }

    /** Leading stars, then the pattern up to the next star outside brackets. */
    private static Chunk scanChunk(String pattern) {
        boolean star = false;
        while (!pattern.isEmpty() && pattern.charAt(0) == '*') {
            pattern = pattern.substring(1);
            star = true;
        }
        boolean inRange = false;
        int i = 0;
        scan:
        for (; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                    }
                }
                case '[' -> inRange = true;
                case ']' -> inRange = false;
                case '*' -> {
                    if (!inRange) {
                        break scan;
                    }
                }
                default -> {
                }
            }
        }
        return new Chunk(star, pattern.substring(0, i), pattern.substring(i));
    }

    /** What is left of {@code s} after the chunk matched its start, or null if it did not. */
    private static String matchChunk(String chunk, String s) throws BadPattern {
        boolean failed = false;
        while (!chunk.isEmpty()) {
            if (!failed && s.isEmpty()) {
                failed = true;
            }
            char c = chunk.charAt(0);
            if (c == '[') {
                int r = 0;
                if (!failed) {
                    r = s.codePointAt(0);
                    s = s.substring(Character.charCount(r));
                }
                chunk = chunk.substring(1);
                boolean negated = !chunk.isEmpty() && chunk.charAt(0) == '^';
                if (negated) {
                    chunk = chunk.substring(1);
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (!chunk.isEmpty() && chunk.charAt(0) == ']' && ranges > 0) {
                        chunk = chunk.substring(1);
                        break;
                    }
                    int[] lo = escaped(chunk);
                    chunk = chunk.substring(lo[1]);
                    int hi = lo[0];
                    if (chunk.charAt(0) == '-') {
                        int[] h = escaped(chunk.substring(1));
                        hi = h[0];
                        chunk = chunk.substring(1 + h[1]);
                    }
                    if (lo[0] <= r && r <= hi) {
                        matched = true;
                    }
                    ranges++;
                }
                if (matched == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s.charAt(0) == '/') {
                        failed = true;
                    }
                    s = s.substring(Character.charCount(s.codePointAt(0)));
                }
                chunk = chunk.substring(1);
            } else {
                if (c == '\\') {
                    chunk = chunk.substring(1);
                    if (chunk.isEmpty()) {
                        throw new BadPattern();
                    }
                }
                int want = chunk.codePointAt(0);
                if (!failed) {
                    if (s.codePointAt(0) != want) {
                        failed = true;
                    } else {
                        s = s.substring(Character.charCount(want));
                    }
                }
                chunk = chunk.substring(Character.charCount(want));
            }
        }
        return failed ? null : s;
    }

    /** One possibly escaped character of a class: {code point, chars consumed}; the class must go on after it. */
    private static int[] escaped(String chunk) throws BadPattern {
        if (chunk.isEmpty() || chunk.charAt(0) == '-' || chunk.charAt(0) == ']') {
            throw new BadPattern();
        }
        int used = 0;
        if (chunk.charAt(0) == '\\') {
            used = 1;
            if (chunk.length() == 1) {
                throw new BadPattern();
            }
        }
        int r = chunk.codePointAt(used);
        used += Character.charCount(r);
        if (used >= chunk.length()) {
            throw new BadPattern();
        }
        return new int[] {r, used};
    }
}
