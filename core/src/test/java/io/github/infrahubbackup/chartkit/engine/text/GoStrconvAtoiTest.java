package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sprig's atoi (strconv.Atoi, its error dropped): decimal whatever the leading zeros, 0 for other text, clamped past int64. */
class GoStrconvAtoiTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0010|10", "09|9", "0|0", "+5|5", "-7|-7", "''|0", "' 5'|0", "'5 '|0", "1_000|0", "0x1F|0", "5.0|0", "+|0",
        "9223372036854775807|9223372036854775807", "99999999999999999999|9223372036854775807",
        "-99999999999999999999|-9223372036854775808"})
    void readsAsGoDoes(String text, long expected) {
        assertEquals(expected, GoStrconv.atoi(text), text);
    }
}
