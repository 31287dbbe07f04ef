package io.github.infrahubbackup.chartkit.engine.yaml;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GoYaml#toYaml} with expectations worked out from go-yaml v2.4's rules (encode.go,
 * emitterc.go, resolve.go, sorter.go) and sigs.k8s.io/yaml's JSON round trip. Each nested class
 * is one rule family; the comments give the rule that produces the expected text.
 */
class GoYamlToYamlTest {

    @Nested
    class RootScalars {
        @Test
        void nullBoolAndPlainString() {
            assertEquals("null", GoYaml.toYaml(null));
            assertEquals("true", GoYaml.toYaml(true));
            assertEquals("false", GoYaml.toYaml(false));
            assertEquals("hello world", GoYaml.toYaml("hello world"));
        }

        @Test
        void emptyStringResolvesToNullSoItIsDoubleQuoted() {
            assertEquals("\"\"", GoYaml.toYaml(""));
        }
    }

    @Nested
    class Numbers {
        /** Integral float64 below 1e21: JSON writes digits, go-yaml reads them back as an int. */
        @ParameterizedTest
        @CsvSource({
            "0.0, 0",
            "-0.0, 0",
            "1.0, 1",
            "-1.0, -1",
            "1e6, 1000000",
            "123456789012.0, 123456789012",
            // 2^63: JSON writes its shortest digits, 9223372036854776000, too big for int64 but a uint64.
            "9.223372036854775807E18, 9223372036854776000",
            "1e19, 10000000000000000000",
            // JSON writes the shortest digits padded with zeros, not the exact 1152921504606846976.
            "1.152921504606846976E18, 1152921504606847000",
        })
        void integralDoublesPrintAsIntegers(double value, String expected) {
            assertEquals(expected, GoYaml.toYaml(value));
        }

        /** Everything else is a float64, printed by FormatFloat(f, 'g', -1): %e from exponent 6 up or below -4. */
        @ParameterizedTest
        @CsvSource({
            "0.5, 0.5",
            "-2.5, -2.5",
            "0.1, 0.1",
            "123456.5, 123456.5",
            "1234567.5, 1.2345675e+06",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "1.5e-7, 1.5e-07",
            "1e20, 1e+20",
            "1e21, 1e+21",
            // -2^63 is written -9223372036854776000 by JSON, below int64's range: read back as a float.
            "-9.223372036854775808E18, -9.223372036854776e+18",
            "-9.223372036854778E18, -9.223372036854778e+18",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "4.9e-324, 5e-324",
        })
        void otherDoublesPrintLikeGoFormatFloatG(double value, String expected) {
            assertEquals(expected, GoYaml.toYaml(value));
        }

        @Test
        void integerTypesPrintAsIntegers() {
            assertEquals("42", GoYaml.toYaml(42));
            assertEquals("-7", GoYaml.toYaml(-7L));
            assertEquals("9223372036854775807", GoYaml.toYaml(Long.MAX_VALUE));
            assertEquals("18446744073709551615", GoYaml.toYaml(GoStrconv.MAX_UINT64));
        }

        @Test
        void bigIntegersBeyondUint64AreReadBackAsFloatsOrStrings() {
            // Not an int64 nor a uint64 any more, but a valid float.
            assertEquals("1.8446744073709552e+19", GoYaml.toYaml(GoStrconv.MAX_UINT64.add(BigInteger.ONE)));
            // Too large even for a float64: go-yaml keeps the text as a string, which prints plain.
            BigInteger huge = BigInteger.TEN.pow(400);
            assertEquals(huge.toString(), GoYaml.toYaml(huge));
        }

        @Test
        void floatAndBigDecimalGoThroughTheFloatPath() {
            assertEquals("0.1", GoYaml.toYaml(0.1f));
            assertEquals("2.5", GoYaml.toYaml(new BigDecimal("2.5")));
        }

        @Test
        void numbersWithoutJsonFormMakeToYamlEmpty() {
            assertEquals("", GoYaml.toYaml(Double.NaN));
            assertEquals("", GoYaml.toYaml(Map.of("a", List.of(Double.POSITIVE_INFINITY))));
        }
    }

    @Nested
    class StringsThatWouldChangeType {
        /** The encoder double-quotes a string when its plain form resolves to another tag. */
        @ParameterizedTest
        @ValueSource(strings = {
            // YAML 1.1 booleans, in the spellings go-yaml knows.
            "true", "True", "on", "OFF", "y", "N", "yes", "Yes",
            // Nulls.
            "null", "Null", "~",
            // Integers: octal, hex, go's 0o and 0b, underscores, signs, the odd 0b+N fallback.
            "0123", "0x1F", "0o17", "0b101", "1_000", "+1", "-0", "0b+101",
            // Floats, including 08 (not octal, so a float) and the special words.
            "08", "1e3", ".5", "1.", ".inf", "-.Inf", ".nan",
            // Timestamps (go's time.Parse with one or two digit fields, ',' fractions, ' ' or t/T).
            "2001-12-14", "2001-1-1", "2001-12-14 21:59:43.10", "2001-12-14t21:59:43.10-05:00",
            "2001-12-14T21:59:43Z", "2001-12-14 21:59:43,5",
            // YAML 1.1 base-60 floats: no longer parsed, still quoted.
            "1:20", "190:20:30.15", "-1:20",
        })
        void areDoubleQuoted(String s) {
            assertEquals("\"" + s + "\"", GoYaml.toYaml(s));
        }

        /** Near misses resolve to strings and stay plain. */
        @ParameterizedTest
        @ValueSource(strings = {
            "tRUE", "yES", "nULL", "Yes!", "<<", "1:60", "1e400", "0xFFFFFFFFFFFFFFFFFFFF", "0x", "1e",
            // No time zone after a 'T' time, or a day that does not exist.
            "2001-12-14T21:59:43", "2001-02-29", "2001-12-32",
        })
        void stayPlain(String s) {
            assertEquals(s, GoYaml.toYaml(s));
        }
    }

    @Nested
    class Indicators {
        /** A block indicator makes plain style unusable; single quotes can represent these. */
        @ParameterizedTest
        @ValueSource(strings = {
            // ": " and " #" anywhere, ':' at the end.
            "a: b", "a:", ":", "x #y", "a #",
            // These starting characters are always indicators.
            "#x", "[a]", "{a}", "*a", "&a", "!a", "|", ">", "%a", "@a", "`a", ",", "\"q\"",
            // '-', '?' only when followed by a blank or the end.
            "- a", "-", "? a", "?",
            // Document markers, also as a prefix.
            "---", "...", "--- a", "---a", "....",
        })
        void areSingleQuoted(String s) {
            assertEquals("'" + s + "'", GoYaml.toYaml(s));
        }

        @Test
        void singleQuotesInsideAreDoubled() {
            assertEquals("'''q'''", GoYaml.toYaml("'q'"));
        }

        /** Flow indicators matter only in flow context, which go-yaml never uses for scalars. */
        @ParameterizedTest
        @ValueSource(strings = {
            "a:b", ":a", "x#y", "-a", "--", "?a", "a[b]", "a,b", "a{b}", "it's", "a ---", "a\"b",
        })
        void elsewhereStayPlain(String s) {
            assertEquals(s, GoYaml.toYaml(s));
        }
    }

    @Nested
    class SpacesAndSpecialCharacters {
        @Test
        void leadingOrTrailingSpacesNeedSingleQuotes() {
            assertEquals("' a'", GoYaml.toYaml(" a"));
            assertEquals("'a '", GoYaml.toYaml("a "));
            assertEquals("' '", GoYaml.toYaml(" "));
        }

        /** Tabs, CR and other non-printable characters force double quotes and escapes. */
        @Test
        void nonPrintableCharactersAreEscaped() {
            assertEquals("\"\\ta\"", GoYaml.toYaml("\ta"));
            assertEquals("\"a\\tb\"", GoYaml.toYaml("a\tb"));
            assertEquals("\"a\\rb\"", GoYaml.toYaml("a\rb"));
            assertEquals("\"\\0\\a\\b\\v\\f\\e\"", GoYaml.toYaml("\u0000\u0007\u0008\u000b\u000c\u001b"));
            assertEquals("\"\\x01\"", GoYaml.toYaml("\u0001"));
            assertEquals("\"a\\\\b\\t\\\"\"", GoYaml.toYaml("a\\b\t\""));
        }

        /** Unicode output is on: printable BMP characters are written as they are. */
        @Test
        void printableUnicodeStaysPlain() {
            assertEquals("é", GoYaml.toYaml("é"));
            assertEquals("中文", GoYaml.toYaml("中文"));
            assertEquals("a\u00a0b", GoYaml.toYaml("a\u00a0b"));
        }

        /** go-yaml's "printable" stops at U+FFFD: characters beyond the BMP are escaped. */
        @Test
        void emojiAreEscaped() {
            assertEquals("\"\\U0001F600\"", GoYaml.toYaml("😀"));
            assertEquals("\"a\\U0001F600b\"", GoYaml.toYaml("a😀b"));
        }

        /**
         * No-break space is printable, so it stays raw even in double quotes; its "\\_" escape is
         * only reached through the BOM quirk below.
         */
        @Test
        void noBreakSpaceStaysRawInDoubleQuotes() {
            assertEquals("\"\u00a0\\t\"", GoYaml.toYaml("\u00a0\t"));
            assertEquals("\"\\uFEFF\\_\"", GoYaml.toYaml("\ufeff\u00a0"));
        }

        /** go-yaml tests for a BOM at the start of the value, not at the character: all is escaped. */
        @Test
        void valueStartingWithBomHasEveryCharacterEscaped() {
            assertEquals("\"\\uFEFF\\x61\\x62\\x20\\x63\"", GoYaml.toYaml("\ufeffab c"));
            assertEquals("\"a\\uFEFF\"", GoYaml.toYaml("a\ufeff"));
        }

        /** The YAML reader refuses these raw in the JSON text, so Helm's toYaml fails to "". */
        @ParameterizedTest
        @CsvSource({"007f", "0080", "0084", "0086", "009f", "fffe", "ffff"})
        void charactersTheYamlReaderRejectsMakeToYamlEmpty(String hex) {
            String c = Character.toString(Integer.parseInt(hex, 16));
            assertEquals("", GoYaml.toYaml("a" + c));
            assertEquals("", GoYaml.toYaml(Map.of("k", List.of(Map.of(c, 1)))));
        }

        /**
         * NEL is the only line break JSON leaves raw; go-yaml folds it inside the double-quoted JSON
         * string: one NEL (with the spaces around it) becomes a space, n NELs n-1 newlines.
         */
        @Test
        void nextLineIsFoldedByTheRoundTrip() {
            assertEquals("' '", GoYaml.toYaml("\u0085"));
            assertEquals("a b", GoYaml.toYaml("a  \u0085  b"));
            assertEquals("|-\n  a\n  b", GoYaml.toYaml("a\u0085 \u0085b"));
            // "---" + blank at the start of the folded line is a document marker: parse error.
            assertEquals("", GoYaml.toYaml("a\u0085--- b"));
            assertEquals("a ---b", GoYaml.toYaml("a\u0085---b"));
            // A key with a NEL spans two lines: no longer a YAML simple key, parse error.
            assertEquals("", GoYaml.toYaml(Map.of("a\u0085b", 1)));
        }

        /** U+2028 is a line break to YAML 1.1: plain is out, single quotes write it raw and re-indent. */
        @Test
        void lineSeparatorInSingleQuotes() {
            assertEquals("'a\u2028  b'", GoYaml.toYaml("a\u2028b"));
            assertEquals("k: 'a\u2028  b'", GoYaml.toYaml(Map.of("k", "a\u2028b")));
        }
    }

    @Nested
    class LineBreaks {
        @Test
        void literalStyleWithChomping() {
            // No final break: strip ("-"); one: clip (no indicator); more: keep ("+").
            assertEquals("|-\n  a\n  b", GoYaml.toYaml("a\nb"));
            assertEquals("|\n  a", GoYaml.toYaml("a\n"));
            // Helm trims only the last of the two output breaks.
            assertEquals("|+\n  a\n", GoYaml.toYaml("a\n\n"));
            assertEquals("|2+\n", GoYaml.toYaml("\n"));
        }

        @Test
        void indentationIndicatorWhenTheFirstLineStartsWithSpaceOrBreak() {
            assertEquals("|2-\n    a\n  b", GoYaml.toYaml("  a\nb"));
            assertEquals("|2-\n\n  abc", GoYaml.toYaml("\nabc"));
            // Later lines may start with spaces freely.
            assertEquals("|-\n  a\n   b", GoYaml.toYaml("a\n b"));
        }

        /** A space before a break, a trailing space or a special character rule out literal style. */
        @Test
        void fallBackToDoubleQuotes() {
            assertEquals("\"a \\nb\"", GoYaml.toYaml("a \nb"));
            assertEquals("\"a\\nb \"", GoYaml.toYaml("a\nb "));
            assertEquals("\"a\\r\\nb\"", GoYaml.toYaml("a\r\nb"));
        }

        @Test
        void literalsInsideCollectionsAreIndentedUnderTheirParent() {
            assertEquals("k: |-\n  a\n  b", GoYaml.toYaml(Map.of("k", "a\nb")));
            assertEquals("- |-\n  a\n  b", GoYaml.toYaml(List.of("a\nb")));
            assertEquals("a:\n  b:\n  - |\n    x", GoYaml.toYaml(Map.of("a", Map.of("b", List.of("x\n")))));
        }
    }

    @Nested
    class Folding {
        /**
         * "k: " takes 3 columns, each "word " 5: after 16 words the column is 82, past 80, so the
         * next space becomes a line break indented under the key.
         */
        @Test
        void plainScalarFoldsAtTheFirstSpacePastColumn80() {
            String value = words("word", 20);
            String expected = "k: " + words("word", 16) + "\n  " + words("word", 4);
            assertEquals(expected, GoYaml.toYaml(Map.of("k", value)));
        }

        /** At the root the scalar's indentation is 2; "aaaa " x 17 ends at column 84. */
        @Test
        void rootScalarContinuesAtIndentTwo() {
            assertEquals(words("aaaa", 17) + "\n  " + words("aaaa", 8), GoYaml.toYaml(words("aaaa", 25)));
        }

        @Test
        void deeperScalarsContinueAtTheirOwnIndent() {
            String value = words("word", 20);
            // "    c: " is 7 columns; after 15 words the column is 81.
            String expected = "a:\n  b:\n    c: " + words("word", 15) + "\n      " + words("word", 5);
            assertEquals(expected, GoYaml.toYaml(Map.of("a", Map.of("b", Map.of("c", value)))));
        }

        /** The opening quote and the doubled quote take 3 columns, like "k: ". */
        @Test
        void singleQuotedScalarFoldsToo() {
            String expected = "'''" + words("word", 16) + "\n  " + words("word", 4) + "'";
            assertEquals(expected, GoYaml.toYaml("'" + words("word", 20)));
        }

        /** Double quotes escape a space that would start the continuation line. */
        @Test
        void doubleQuotedScalarFoldsAndEscapesALeadingSpace() {
            String value = "\t" + words("word", 16) + "  end";
            assertEquals("\"\\t" + words("word", 16) + "\n  \\ end\"", GoYaml.toYaml(value));
        }

        @Test
        void noSpaceNoFold() {
            assertEquals("a".repeat(200), GoYaml.toYaml("a".repeat(200)));
        }

        /** A simple key is written on one line, however long (up to 128 bytes). */
        @Test
        void simpleKeysNeverFold() {
            String key = words("key", 25);
            assertEquals(key + ": v", GoYaml.toYaml(Map.of(key, "v")));
        }

        /** Past 128 bytes the key is written as "? key", which may fold like any scalar. */
        @Test
        void longKeysUseTheExplicitFormAndFold() {
            String key = words("key", 40);
            String expected = "? " + words("key", 20) + "\n  " + words("key", 20) + "\n: v";
            assertEquals(expected, GoYaml.toYaml(Map.of(key, "v")));
        }
    }

    @Nested
    class Structure {
        @Test
        void emptyCollectionsUseFlowStyle() {
            assertEquals("{}", GoYaml.toYaml(Map.of()));
            assertEquals("[]", GoYaml.toYaml(List.of()));
            assertEquals("a: {}\nb: []\nc:\n  d: {}\ne:\n- []\n- {}",
                    GoYaml.toYaml(map("a", Map.of(), "b", List.of(), "c", Map.of("d", Map.of()),
                            "e", List.of(List.of(), Map.of()))));
        }

        /** Sequences under a mapping key are not indented; nested ones are. */
        @Test
        void sequenceIndentation() {
            assertEquals("key:\n- a\n- b: 1\n  c:\n  - 1\n  - 2\n- - []\n- - {}\n- null\n- true",
                    GoYaml.toYaml(Map.of("key", Arrays.asList("a", map("b", 1, "c", List.of(1, 2)),
                            List.of(List.of()), List.of(Map.of()), null, true))));
            assertEquals("- - 1\n  - 2\n- - 3\n  - - 4\n    - 5",
                    GoYaml.toYaml(List.of(List.of(1, 2), List.of(3, List.of(4, 5)))));
            assertEquals("- a: 1\n  b: 2\n- c: {}", GoYaml.toYaml(List.of(map("a", 1, "b", 2), map("c", Map.of()))));
        }

        @Test
        void multiLineKeysUseTheExplicitForm() {
            assertEquals("? |-\n  k\n  x\n: 1", GoYaml.toYaml(Map.of("k\nx", 1)));
            assertEquals("? |-\n  k\n  x\n: a: 1\n  b:\n  - c", GoYaml.toYaml(Map.of("k\nx", map("a", 1, "b", List.of("c")))));
        }

        @Test
        void keysNeedingQuotesAreQuotedLikeValues() {
            assertEquals("\"\": 1", GoYaml.toYaml(Map.of("", 1)));
            assertEquals("\"true\": 1", GoYaml.toYaml(Map.of("true", 1)));
            assertEquals("'a: b': 1", GoYaml.toYaml(Map.of("a: b", 1)));
            assertEquals("'-': 1", GoYaml.toYaml(Map.of("-", 1)));
        }

        /** Integer keys are written by JSON as strings, which then need quotes. */
        @Test
        void integerKeysBecomeQuotedStrings() {
            assertEquals("\"1\": a", GoYaml.toYaml(Map.of(1, "a")));
        }

        @Test
        void keysLongerThan1024JsonCharactersMakeToYamlEmpty() {
            assertEquals("? " + "k".repeat(1022) + "\n: 1", GoYaml.toYaml(Map.of("k".repeat(1022), 1)));
            assertEquals("", GoYaml.toYaml(Map.of("k".repeat(1023), 1)));
            // JSON writes '<' as \\u003c: 170 of them take 1022 characters, 171 too many.
            assertEquals("", GoYaml.toYaml(Map.of("<".repeat(171), 1)));
        }

        @Test
        void unsupportedTypesAreRejected() {
            assertThrows(IllegalArgumentException.class, () -> GoYaml.toYaml(new Object()));
            assertThrows(IllegalArgumentException.class, () -> GoYaml.toYaml(Map.of(true, 1)));
        }
    }

    @Nested
    class KeyOrder {
        /** Letters after non-letters, digit runs compared as numbers, then by run length. */
        @Test
        void naturalOrderOfGoYaml() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("b", "a10", "a2", "A", "_x", "1", "a01", "a1", "a001", "B", "é", "Z")) {
                m.put(k, 1);
            }
            assertEquals(String.join("\n", "_x: 1", "\"1\": 1", "A: 1", "B: 1", "Z: 1", "a1: 1", "a01: 1",
                    "a001: 1", "a2: 1", "a10: 1", "b: 1", "é: 1"), GoYaml.toYaml(m));
        }

        @Test
        void prefixSortsFirst() {
            assertEquals("a: 1\nab: 2\nabc: 3", GoYaml.toYaml(map("abc", 3, "a", 1, "ab", 2)));
        }
    }

    private static String words(String word, int count) {
        return String.join(" ", Collections.nCopies(count, word));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
