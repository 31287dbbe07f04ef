package io.github.infrahubbackup.chartkit.engine.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** go-yaml v2 reads YAML 1.1 documents only: a "%YAML 1.2" directive is refused ("found incompatible YAML document"). */
final class YamlVersion {
    private static final Pattern DIRECTIVE = Pattern.compile("(?m)\\A\\uFEFF?(?:(?:#.*|[ \\t]*|%.*)\\r?\\n)*?%YAML[ \\t]+(\\d+)\\.(\\d+)");

    private YamlVersion() {
    }

    /** Refuses a %YAML directive of another version than 1.1 at the start of the text, at its line. */
    static void check(String source, String text) {
        Matcher directive = DIRECTIVE.matcher(text);
        if (directive.lookingAt() && !(directive.group(1).equals("1") && directive.group(2).equals("1"))) {
            int line = (int) text.substring(0, directive.start(1)).chars().filter(c -> c == '\n').count() + 1;
            throw new ValuesSyntaxException(new SourcePosition(source, line, 1),
                    "%YAML " + directive.group(1) + "." + directive.group(2)
                            + " is not a YAML version Helm reads (it reads YAML 1.1): remove the %YAML line or write %YAML 1.1");
        }
    }
}
