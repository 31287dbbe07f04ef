package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where java.util.regex's defaults differ from Go's regexp, GoRegex answers as Go does (the answers
 * real Helm gives in TemplateRegexHelmTest and PatternDialectTest, here without Helm for the quick loop).
 */
class GoRegexTest {
    @Test
    void dollarIsTheEndOfTheTextOutsideMultiLineMode() {
        assertFalse(GoRegex.compile("^v?[0-9]+[.][0-9]+[.][0-9]+$").matcher("v1.2.3\n").find());
        assertTrue(GoRegex.compile("^v?[0-9]+[.][0-9]+[.][0-9]+$").matcher("v1.2.3").find());
        assertTrue(GoRegex.compile("^a[$]$").matcher("a$").find(), "a $ in a class stays a dollar sign");
    }

    @Test
    void onlyLineFeedEndsALine() {
        for (String end : new String[] {"\r", "\u0085", "\u2028", "\u2029"}) {
            assertTrue(GoRegex.compile(".").matcher(end).find(), "Go's . matches " + (int) end.charAt(0));
            assertEquals("- \"--c", find("(?m)^- \"--[a-z0-9-]+", "a " + end + "- \"--b\"\n- \"--c\""));
        }
        assertFalse(GoRegex.compile(".").matcher("\n").find());
        assertTrue(GoRegex.compile("(?m)^b$").matcher("a\nb\nc").find(), "multi-line $ is before a line feed");
    }

    @Test
    void aRegexIsCompiledOnce() {
        assertTrue(GoRegex.compile("[0-9]+d") == GoRegex.compile("[0-9]+d"));
    }

    private static String find(String regex, String text) {
        var match = GoRegex.compile(regex).matcher(text);
        return match.find() ? match.group() : "";
    }
}
