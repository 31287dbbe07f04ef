package io.github.infrahubbackup.chartkit.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HelmOutputSplitTest {
    /** Helm's own document separator regex (releaseutil.SplitManifests), the oracle for the hand-written split. */
    private static final java.util.regex.Pattern HELM_SEPARATOR =
            java.util.regex.Pattern.compile("(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*");

    @Test
    void splitsAsTheSeparatorRegexDoes() {
        Random random = new Random(42);
        String alphabet = "-\n \t\r\fa#";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(3) == 0 ? "---" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String s = text.toString();
            assertEquals(Arrays.asList(HELM_SEPARATOR.split(s, -1)), HelmOutput.split(s), () -> "for " + s.replace("\n", "\\n"));
        }
    }
}
