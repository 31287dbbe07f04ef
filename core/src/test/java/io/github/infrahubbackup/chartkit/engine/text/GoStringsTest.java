package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are Go's own: strconv.Quote, strconv.FormatFloat(f, 'g', -1, 64), sprig's trunc and indent. */
class GoStringsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain            | `\"plain\"`",
        "`say \"hi\"`     | `\"say \\\"hi\\\"\"`",
        "`back\\slash`    | `\"back\\\\slash\"`",
        "`é中文`          | `\"é中文\"`",
    })
    void quotesPrintableTextAsIs(String input, String expected) {
        assertEquals(expected, GoStrings.quote(input));
    }

    @org.junit.jupiter.api.Test
    void splitsAsGoStringsSplitDoes() {
        assertEquals(java.util.List.of("backup", "storage", "s3"), GoStrings.split("backup.storage.s3", "."));
        assertEquals(java.util.List.of("", "a", "", "b", ""), GoStrings.split(".a..b.", "."));
        assertEquals(java.util.List.of(""), GoStrings.split("", "."));
        assertEquals(java.util.List.of("a", "b"), GoStrings.split("a[.]b", "[.]"));
        assertEquals(java.util.List.of("é", "😀"), GoStrings.split("é😀", ""));
    }

    @org.junit.jupiter.api.Test
    void escapesWhatIsNotPrintable() {
        assertEquals("\"a\\nb\\tc\\rd\"", GoStrings.quote("a\nb\tc\rd"));
        assertEquals("\"\\a\\b\\f\\v\"", GoStrings.quote("\u0007\b\f\u000B"));
        assertEquals("\"\\x00\\x1b\\x7f\"", GoStrings.quote("\u0000\u001b\u007f"));
        assertEquals("\"\\u00a0\\u00ad\\u2028\\ufeff\"", GoStrings.quote("\u00a0\u00ad\u2028\ufeff"));
        assertEquals("\"\\U000e0001\"", GoStrings.quote(new String(Character.toChars(0xE0001))));
        assertEquals("\"😀\"", GoStrings.quote("😀"));
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1", "0.5, 0.5", "100000, 100000", "1000000, 1e+06", "1234567, 1.234567e+06",
        "0.0001, 0.0001", "0.00001, 1e-05", "-2.5, -2.5", "1e21, 1e+21", "123456789012, 1.23456789012e+11",
        "0.1, 0.1", "3.0e-7, 3e-07"
    })
    void formatsFloatsAsGoDoes(double value, String expected) {
        assertEquals(expected, GoStrings.formatFloat(value));
    }

    @org.junit.jupiter.api.Test
    void truncCountsBytesAndIndentPadsEveryLine() {
        assertEquals("abc", GoStrings.trunc(3, "abcdef"));
        assertEquals("def", GoStrings.trunc(-3, "abcdef"));
        assertEquals("ab", GoStrings.trunc(5, "ab"));
        assertEquals("  a\n  \n  b", GoStrings.indent(2, "a\n\nb"));
        assertEquals("prod-x", GoStrings.trimSuffix("prod-x-", "-"));
        assertEquals("x\u00a0y", GoStrings.trimSpace(" \u2028x\u00a0y\u00a0\n"));
    }
}
