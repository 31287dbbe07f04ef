package io.github.infrahubbackup.chartkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value a chart rule is about, read back out of the rule's message. The chart's {@code fail}
 * rules carry only their sentence, which by convention names the value first
 * ("restore.storage.s3: set key..."); this class is the one place that relies on that convention,
 * so that rules carrying their path as data can replace it.
 */
final class RuleMessages {
    /** The rule's message names the value it is about first: "restore.storage.s3: set key...". */
    private static final Pattern RULE_PATH = Pattern.compile("^([A-Za-z0-9_.\\[\\]]+)[ :]");

    private RuleMessages() {
    }

    /** The path the message starts with, or "" when it names none. */
    static String pathOf(String reason) {
        Matcher path = RULE_PATH.matcher(reason);
        return path.find() ? path.group(1) : "";
    }
}
