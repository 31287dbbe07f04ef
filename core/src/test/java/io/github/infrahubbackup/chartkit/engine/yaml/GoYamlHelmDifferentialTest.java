package io.github.infrahubbackup.chartkit.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoYaml} against real Helm on a curated list of cases, one batch per test factory: every
 * case is a dynamic test named after the value, comparing {@code GoYaml.toYaml} with what Helm's
 * {@code toYaml} printed for the same value read from a values file (numbers as float64).
 */
@Tag("helm")
class GoYamlHelmDifferentialTest {

    @TempDir
    static Path tempDir;

    private static HelmOracle helm;

    @BeforeAll
    static void startHelm() {
        helm = HelmOracle.in(tempDir);
    }

    @TestFactory
    Stream<DynamicTest> toYamlPrintsWhatHelmPrints() {
        List<Object> cases = curatedValues();
        List<String> expected = helm.toYaml(cases);
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                describe(cases.get(i)),
                () -> assertEquals(expected.get(i), GoYaml.toYaml(cases.get(i)), () -> "toYaml of " + describe(cases.get(i)))));
    }

    /** helmScalar against the Go type and value Helm's values loading gives a plain scalar. */
    @TestFactory
    Stream<DynamicTest> plainScalarsAreTypedLikeHelmValues() {
        List<String> texts = plainScalarTexts();
        List<String> expected = helm.plainScalarTypes(texts);
        return IntStream.range(0, texts.size()).mapToObj(i -> DynamicTest.dynamicTest(
                texts.get(i), () -> assertHelmType(expected.get(i), texts.get(i))));
    }

    private static void assertHelmType(String helmTypeAndValue, String text) {
        String type = helmTypeAndValue.substring(0, helmTypeAndValue.indexOf('|'));
        String shown = helmTypeAndValue.substring(type.length() + 1);
        Object mine = GoYaml.helmScalar(text);
        switch (type) {
            case "<nil>" -> assertEquals(null, mine, text);
            case "bool" -> assertEquals(Boolean.valueOf(shown), mine, text);
            case "string" -> assertEquals(shown, mine, text);
            case "float64" -> assertEquals(Double.parseDouble(shown), asDouble(mine), text);
            default -> throw new AssertionError("unexpected Go type " + type + " for " + text);
        }
    }

    private static double asDouble(Object value) {
        if (value instanceof Number n) {
            return n instanceof BigInteger b ? b.doubleValue() : n.doubleValue();
        }
        throw new AssertionError("expected a number, got " + value);
    }

    private static List<Object> curatedValues() {
        List<Object> cases = new ArrayList<>();
        // Strings that would read back as another type must be quoted.
        cases.addAll(List.of("true", "True", "on", "OFF", "y", "N", "yes", "tRUE", "yES", "null", "Null", "~", "",
                "0123", "08", "1e3", "0x1F", "0o17", "0b101", "0b+101", "1_000", ".inf", "-.Inf", ".nan", ".5", "1.",
                "+1", "-0", "1e400", "1:20", "190:20:30.15", "1:60", "2001-12-14", "2001-1-1", "2001-12-14 21:59:43.10",
                "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z", "2001-12-14T21:59:43", "2001-02-29",
                "2000-02-29", "0xFFFFFFFFFFFFFFFFFFFF", "18446744073709551615", "18446744073709551616", "<<"));
        // Indicators at the start, inside and at the end.
        cases.addAll(List.of("a: b", "a:b", "a:", ":a", ":", "#x", "x #y", "x#y", "- a", "-", "-a", "--", "?", "?a",
                "? a", "[a]", "{a}", "a[b]", "a,b", "*a", "&a", "!a", "|", ">", "'q'", "\"q\"", "it's", "%a", "@a",
                "`a", ",", "a #", "a\t#b", "---", "...", "--- a", "---a", "a ---", "...."));
        // Blanks, control and special characters.
        cases.addAll(List.of(" a", "a ", " ", "  ", "\t", "\ta", "a\t", "a\tb", "\r", "a\rb", "a\r\nb", "\u0000",
                "\u0001", "\u0007", "\u001b", "\u007f", "\u0080", "\u009f", "\u0085", "a\u0085b", "a \u0085\u0085 b",
                "a\u0085--- b", "a\u2028b", "a\u2029", "\u2028", "\ufeff", "\ufeffab c", "a\ufeff", "\u00a0",
                "a\u00a0b", "\ue000", "\ufffd", "\ufffe", "\uffff", "é", "中文", "😀", "a😀b", "a\\b", "a\"b"));
        // Line breaks: literal style, chomping and indentation indicators.
        cases.addAll(List.of("a\nb", "a\n", "a\n\n", "a\n\n\n", "\n", "\n\n", "\na", "  a\nb", " a\n", "a\n b",
                "a \nb", "a\nb ", "a\n\nb", "a\n#b", "- a\n- b", "a\u2028b\nc"));
        // Folding at 80 columns.
        cases.addAll(List.of(words("aaaa", 25), words("word", 40), "a".repeat(200), "a".repeat(100) + " b",
                "x".repeat(80) + " y", "x".repeat(81) + " y z", "'" + words("quoted", 20), "\t" + words("tab", 30),
                "\t" + words("aaaa", 15) + "  aaaa  bbbb" + " cc".repeat(20), "é".repeat(30) + " " + "é".repeat(60) + " zz",
                "😀".repeat(10) + " " + words("abcd", 20), words("lead", 20) + " \"q\" " + words("tail", 20),
                "a".repeat(85) + "   b" + " c".repeat(10)));
        cases.add(map("k", words("aaaa", 30), "l", List.of(words("bbbb", 30), List.of(words("cccc", 30))),
                "m", map("n", map("o", words("dddd", 30))), "p", "'" + words("eeee", 30), "q", "\t" + words("ffff", 30)));
        cases.add(List.of(List.of(List.of(words("deep", 40)))));
        // Keys: quoting, "? " for long or multi-line keys, go-yaml's natural order.
        cases.add(map("a10", 1.0, "a2", 1.0, "b", 1.0, "A", 1.0, "_x", 1.0, "1", 1.0, "a01", 1.0, "a1", 1.0,
                "a001", 1.0, "Z", 1.0, "é", 1.0, "-", 1.0, "", 1.0, "~", 1.0, "true", 1.0, "a b", 1.0, "a: b", 1.0,
                "#c", 1.0, "k\nv", 1.0, "x10y", 1.0, "x9y", 1.0, "x09", 1.0, "x010", 1.0));
        cases.add(map("x".repeat(128), 1.0, "y".repeat(129), 1.0, "é".repeat(64), 1.0, "é".repeat(65), 1.0,
                words("key", 40), words("value", 30), words("simple", 18), map("nested", List.of(1.0))));
        cases.add(map("k".repeat(1022), 1.0));
        cases.add(map("k".repeat(1023), 1.0));
        cases.add(map("<".repeat(170), 1.0));
        cases.add(map("<".repeat(171), 1.0));
        cases.add(map("a\u0085b", 1.0));
        cases.add(map("a\u2028b", "c\u2028d", "k\nx", map("in", List.of("v"))));
        cases.add(map(words("long", 40), map("a", 1.0), words("list", 40), List.of("x", "y")));
        // Structure.
        cases.add(map());
        cases.add(List.of());
        cases.add(map("a", map(), "b", List.of(), "c", map("d", map()), "e", List.of(List.of(), map())));
        cases.add(map("key", Arrays.asList("a", map("b", 1.0, "c", List.of(1.0, 2.0)), List.of(), map(),
                List.of(List.of()), List.of(map()), null, true, false)));
        cases.add(List.of(map("a", 1.0, "b", 2.0), map("c", map())));
        cases.add(List.of(List.of(1.0, 2.0), List.of(3.0, List.of(4.0, 5.0))));
        cases.add(map("a", "x\ny", "b", List.of("x\ny", "  lead\nz"), "c", map("d", "trail\n\n")));
        cases.add(null);
        cases.add(true);
        cases.add(false);
        // Numbers arrive as float64.
        cases.addAll(List.of(0.0, -0.0, 1.0, -1.0, 1e6, 0.5, -2.5, 123456789012.0, 1e15, 1e19, 1e20, 1e21, 1.5e-7,
                1e-6, 9.99e-7, 2e-5, 0.0001, 0.00001, 123456.5, 1234567.5, 0.1, 4.35, 3.141592653589793, 1e300,
                -1e-300, 4.9e-324, Double.MAX_VALUE, 9.223372036854775807E18, -9.223372036854775808E18,
                1.8446744073709552E19, 1.152921504606846976E18));
        return cases;
    }

    private static List<String> plainScalarTexts() {
        return List.of("true", "True", "TRUE", "tRUE", "yes", "Yes", "YES", "yES", "y", "Y", "n", "N", "no", "on",
                "On", "ON", "off", "Off", "false", "~", "null", "Null", "NULL", "nULL", "0", "-0", "+0", "1", "-1",
                "+1", "0123", "0777", "08", "09.5", "0o17", "0O17", "0x1F", "0X1f", "+0x1F", "-0x1F", "0b101",
                "0B101", "-0b101", "0b+101", "0b-101", "1_000", "1__2", "_1", "-_1", "1_", "+_", "1.", "1.e3", ".5",
                ".5_5", "._5", ".5e3", "+.5", "-.5", "1e3", "1E3", "1e+3", "1e-3", "1e400", "1e-400", "1e", "0x",
                "0b", "0o", "0x_1F", "1_000.5", "9223372036854775807", "9223372036854775808", "18446744073709551615",
                "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
                "123456789012345678901234567890", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "1:20", "-1:20",
                "12:30:00", "2001-12-14", "2001-1-1", "2001-12-14 21:59:43", "2001-12-14t21:59:43.10-05:00",
                "2001-12-14T21:59:43Z", "2001-02-29", "2001-12-14T21:59:43", "abc", "a b", ".", "..", "+", "-a", "+a",
                "0.5.5", "1e3e3", "1,000", "$1", "1/2", "0x1.8p1", "inf", "Inf", "NaN", "nan", "1_000_000", "0_1",
                "00", "000", "0.0", "-0.0", "1e21", "1e20", "0.1", "3.14159");
    }

    private static String words(String word, int count) {
        return String.join(" ", java.util.Collections.nCopies(count, word));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String describe(Object value) {
        StringBuilder sb = new StringBuilder();
        String.valueOf(value).codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        String text = value instanceof String ? "\"" + sb + "\"" : sb.toString();
        return value != null && String.valueOf(value).length() > 60 ? text + "…" : text;
    }
}
