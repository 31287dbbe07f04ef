package io.github.infrahubbackup.chartkit.engine.yaml;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml.Resolved;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml.Tag;
import io.github.infrahubbackup.chartkit.testing.GoTypedYaml;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** go-yaml v2's typing of plain scalars (resolve.go), and the SnakeYAML resolver built on it. */
class GoYamlResolveTest {

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
    void trueWords(String s) {
        assertEquals(new Resolved(Tag.BOOL, true), GoYaml.resolve(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
    void falseWords(String s) {
        assertEquals(new Resolved(Tag.BOOL, false), GoYaml.resolve(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "~", "null", "Null", "NULL"})
    void nullWords(String s) {
        assertEquals(new Resolved(Tag.NULL, null), GoYaml.resolve(s));
    }

    /** Other capitalisations are not in go-yaml's table, and so are strings. */
    @ParameterizedTest
    @ValueSource(strings = {"yES", "tRUE", "nULL", "oN", "NaN", "Inf", "inf", ".iNF", "<<", "=", "Yes!", "a b"})
    void nearMissesAreStrings(String s) {
        assertEquals(new Resolved(Tag.STR, s), GoYaml.resolve(s));
    }

    @Test
    void integersFollowGoParseIntWithBase0AfterRemovingUnderscores() {
        assertInt(0, "0");
        assertInt(0, "-0");
        assertInt(1, "+1");
        assertInt(83, "0123");
        assertInt(31, "0x1F");
        assertInt(31, "0X1f");
        assertInt(31, "+0x1F");
        assertInt(-31, "-0x1F");
        assertInt(15, "0o17");
        assertInt(15, "0O17");
        assertInt(5, "0b101");
        assertInt(-5, "-0b101");
        assertInt(1000, "1_000");
        assertInt(12, "1__2");
        assertInt(1, "1_");
        assertInt(-1, "-_1");
        assertInt(31, "0x_1F");
        assertInt(Long.MAX_VALUE, "9223372036854775807");
        assertInt(Long.MIN_VALUE, "-9223372036854775808");
    }

    /** When base-0 parsing fails, go-yaml retries "0b..." in base 2, which accepts a sign. */
    @Test
    void binaryFallbackAcceptsASignAfterThePrefix() {
        assertInt(5, "0b+101");
        assertInt(-5, "0b-101");
    }

    @Test
    void integersAboveInt64AreUint64() {
        assertEquals(new Resolved(Tag.INT, new BigInteger("9223372036854775808")), GoYaml.resolve("9223372036854775808"));
        assertEquals(new Resolved(Tag.INT, GoStrconv.MAX_UINT64), GoYaml.resolve("18446744073709551615"));
        assertEquals(new Resolved(Tag.INT, GoStrconv.MAX_UINT64), GoYaml.resolve("0xFFFFFFFFFFFFFFFF"));
    }

    @Test
    void floats() {
        assertFloat(8.0, "08");
        assertFloat(9.5, "09.5");
        assertFloat(1.0, "1.");
        assertFloat(1000.0, "1.e3");
        assertFloat(0.5, ".5");
        assertFloat(0.55, ".5_5");
        assertFloat(500.0, ".5e3");
        assertFloat(0.5, "+.5");
        assertFloat(-0.5, "-.5");
        assertFloat(1000.0, "1e3");
        assertFloat(1000.0, "1E+3");
        assertFloat(1000.5, "1_000.5");
        assertFloat(0.0, "1e-400");
        assertFloat(1.8446744073709552E19, "18446744073709551616");
        assertFloat(-9.223372036854775808E18 - 2048, "-9223372036854777856");
        assertFloat(Double.parseDouble("1.2345678901234567890123456789e29"), "123456789012345678901234567890");
        assertFloat(Double.POSITIVE_INFINITY, ".inf");
        assertFloat(Double.POSITIVE_INFINITY, "+.Inf");
        assertFloat(Double.NEGATIVE_INFINITY, "-.INF");
        assertEquals(Tag.FLOAT, GoYaml.resolve(".NaN").tag());
        assertEquals(Double.NaN, GoYaml.resolve(".nan").value());
    }

    /** Overflowing numbers and malformed ones are strings (no big integers in go-yaml v2.4). */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "0x10000000000000000", "0x", "0b", "0o", "1e", "._5", "+", "-", "+_",
        "0.5.5", "1e3e3", "1,000", "0x1.8p1", "1:20", "12:30:00", "-a", ".", ".."})
    void malformedOrOverflowingNumbersAreStrings(String s) {
        assertEquals(new Resolved(Tag.STR, s), GoYaml.resolve(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-12-14", "2001-1-1", "2000-02-29", "2001-12-14 21:59:43", "2001-12-14  1:2:3.5",
        "2001-12-14 21:59:43,25", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z",
        "2001-12-14T21:59:43.123456789012+24:00"})
    void timestamps(String s) {
        assertEquals(new Resolved(Tag.TIMESTAMP, s), GoYaml.resolve(s));
        assertEquals(s, GoYaml.helmScalar(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-02-29", "1900-02-29", "2001-13-01", "2001-00-01", "2001-12-00", "2001-12-32",
        "20011-12-14", "2001-12-14x", "2001-12-14T21:59", "2001-12-14T21:59:43", "2001-12-14T21:59:43+25:00",
        "2001-12-14T21:59:43+05:61", "2001-12-14 24:00:00", "2001-12-14 21:59:43 +05:00", "2001-12-14T21:59:43."})
    void almostTimestampsAreStrings(String s) {
        assertEquals(new Resolved(Tag.STR, s), GoYaml.resolve(s));
    }

    @Test
    void helmScalarGivesTheJavaValue() {
        assertEquals(true, GoYaml.helmScalar("on"));
        assertEquals(17L, GoYaml.helmScalar("0x11"));
        assertEquals(0.25, GoYaml.helmScalar(".25"));
        assertNull(GoYaml.helmScalar("~"));
        assertEquals("abc", GoYaml.helmScalar("abc"));
    }

    @Test
    void snakeYamlLoadsPlainScalarsLikeHelm() {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = GoTypedYaml.create(options);
        Object loaded = yaml.load("""
                a: yes
                b: 0o17
                c: 1:20
                d: 2001-12-14
                e: ~
                f: 08
                g: 1_000
                h: .inf
                i: '0o17'
                j: <<
                k: 0b+101
                l: [n, Off, 1e3, 0x1F, 1e400, 18446744073709551615]
                m:
                  <<: {x: 1}
                  z: 2
                """);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", true);
        expected.put("b", 15L);
        expected.put("c", "1:20");
        expected.put("d", "2001-12-14");
        expected.put("e", null);
        expected.put("f", 8.0);
        expected.put("g", 1000L);
        expected.put("h", Double.POSITIVE_INFINITY);
        expected.put("i", "0o17");
        expected.put("j", "<<");
        expected.put("k", 5L);
        expected.put("l", Arrays.asList(false, false, 1000.0, 31L, "1e400", GoStrconv.MAX_UINT64));
        expected.put("m", Map.of("x", 1L, "z", 2L));
        assertEquals(expected, loaded);
    }

    @Test
    void resolverKeepsExplicitTagsAndCollections() {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = GoTypedYaml.create(options);
        assertEquals(List.of("yes", Map.of("k", "08")), yaml.load("- !!str yes\n- {k: \"08\"}\n"));
    }

    private static void assertInt(long expected, String s) {
        assertEquals(new Resolved(Tag.INT, expected), GoYaml.resolve(s), s);
    }

    private static void assertFloat(double expected, String s) {
        assertEquals(new Resolved(Tag.FLOAT, expected), GoYaml.resolve(s), s);
    }
}
