package io.github.infrahubbackup.chartkit.engine.render;

import io.github.infrahubbackup.chartkit.Problem;

import io.github.infrahubbackup.chartkit.engine.text.GoRegex;
import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.engine.values.FixedValues;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import io.github.infrahubbackup.chartkit.engine.values.ValuesSyntaxException;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * The Helm template functions the chart uses, as Pebble filters, tests and functions that print
 * exactly what their Go (text/template + sprig + Helm) twins print.
 *
 * <p>Two Pebble built-ins are replaced on purpose: the {@code empty} test and the {@code default}
 * filter follow Go's notion of an empty value (nil, false, 0, "", empty list or map), so that
 * {@code {% if x is not empty %}} means exactly what {@code {{ with x }}} means in the chart.
 */
final class HelmFunctions extends AbstractExtension {
    private final FixedValues<String> printedDefaults;
    /** The chart's files as {@code fromYaml} reads them, by their text: read once, shared read-only. */
    private final Map<String, Object> parsedFiles = new ConcurrentHashMap<>();
    private final Collection<String> fileTexts;

    /**
     * @param defaults values that never change (the chart's read-only defaults): {@code toYaml} of
     *                 one of their maps or lists is printed once, not on every render
     * @param files    the chart's files ({@code .Files}): {@code fromYaml} of one of them is read once
     */
    HelmFunctions(Object defaults, HelmFiles files) {
        this.printedDefaults = new FixedValues<>(defaults, GoYaml::toYaml);
        this.fileTexts = files.texts();
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.ofEntries(
                Map.entry("quote", new SimpleFilter(List.of(), (input, args) -> input == null ? "" : GoStrings.quote(GoStrings.print(input)))),
                Map.entry("toYaml", new SimpleFilter(List.of(), (input, args) -> toYaml(input))),
                Map.entry("indent", new SimpleFilter(List.of("width"), (input, args) -> GoStrings.indent(toInt(args.get("width")), GoStrings.print(input)))),
                Map.entry("nindent", new SimpleFilter(List.of("width"), (input, args) -> "\n" + GoStrings.indent(toInt(args.get("width")), GoStrings.print(input)))),
                Map.entry("trunc", new SimpleFilter(List.of("length"), (input, args) -> GoStrings.trunc(toInt(args.get("length")), GoStrings.print(input)))),
                Map.entry("trimSuffix", new SimpleFilter(List.of("suffix"), (input, args) -> GoStrings.trimSuffix(GoStrings.print(input), GoStrings.print(args.get("suffix"))))),
                Map.entry("default", new SimpleFilter(List.of("value"), (input, args) -> isEmpty(input) ? args.get("value") : input)),
                Map.entry("int", new SimpleFilter(List.of(), (input, args) -> toInt(input))),
                Map.entry("hasSuffix", new SimpleFilter(List.of("suffix"), (input, args) -> GoStrings.print(input).endsWith(GoStrings.print(args.get("suffix"))))),
                Map.entry("atoi", new SimpleFilter(List.of(), (input, args) -> GoStrconv.atoi(GoStrings.print(input)))),
                Map.entry("firstMissing", new SimpleFilter(List.of("paths"), (input, args) -> firstMissing(input, args.get("paths")))),
                Map.entry("trimPrefix", new SimpleFilter(List.of("prefix"), (input, args) -> GoStrings.trimPrefix(GoStrings.print(input), GoStrings.print(args.get("prefix"))))),
                Map.entry("regexFind", new SimpleFilter(List.of("regex"), (input, args) -> regexFind(GoStrings.print(args.get("regex")), GoStrings.print(input)))),
                Map.entry("regexFindAll", new SimpleFilter(List.of("regex"), (input, args) -> regexFindAll(GoStrings.print(args.get("regex")), GoStrings.print(input)))),
                Map.entry("regexMatch", new SimpleFilter(List.of("regex"), (input, args) -> regexMatch(GoStrings.print(args.get("regex")), GoStrings.print(input)))),
                Map.entry("merge", new SimpleFilter(List.of("other"), (input, args) -> merge(input, args.get("other")))),
                Map.entry("fromYaml", new SimpleFilter(List.of(), (input, args) -> fromYaml(GoStrings.print(input)))));
    }

    @Override
    public Map<String, Test> getTests() {
        return Map.of("empty", new Test() {
            @Override
            public boolean apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                return isEmpty(input);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }
        });
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("fail", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                Object path = args.get("path");
                Object rule = args.get("rule");
                throw new TemplateFailure(GoStrings.print(args.get("message")), path == null ? "" : GoStrings.print(path),
                        rule == null ? "" : GoStrings.print(rule));
            }

            /**
             * Helm's fail takes the message; the twins add, as data, the path of the value the message
             * is about and the id of the rule it states (Helm's message says the path in its text).
             */
            @Override
            public List<String> getArgumentNames() {
                return List.of("message", "path", "rule");
            }
        }, "semverCompare", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                try {
                    return SemanticVersion.satisfies(GoStrings.print(args.get("version")), GoStrings.print(args.get("constraint")));
                } catch (SemanticVersion.Unreadable e) {
                    // Helm fails the render ("error calling semverCompare"); the twin says why, at the value's path.
                    Object path = args.get("path");
                    throw new TemplateFailure(e.getMessage() + "; use a release such as 2.3.0", path == null ? "" : GoStrings.print(path),
                            Problem.UNREADABLE_VERSION);
                }
            }

            /** Helm's semverCompare takes the constraint and the version; the twins add the path of the version's value, as data. */
            @Override
            public List<String> getArgumentNames() {
                return List.of("constraint", "version", "path");
            }
        });
    }

    /**
     * Helm's fromYaml: the map a YAML text holds, typed as Helm types values (numbers are
     * doubles). A chart file is read once; what fromYaml returns is never changed by templates.
     */
    private Object fromYaml(String text) {
        for (String file : fileTexts) {
            if (file == text) {
                return parsedFiles.computeIfAbsent(file, HelmFunctions::readYaml);
            }
        }
        return readYaml(text);
    }

    /**
     * Sprig's {@code merge (dict) first second} (mergo without override): a new map with the keys of
     * both; where both have a key, the first map's value, unless it is empty in Go's sense (then the
     * second's); nested maps are merged the same way.
     */
    static Map<String, Object> merge(Object first, Object second) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (second instanceof Map<?, ?> map) {
            map.forEach((key, value) -> merged.put((String) key, value));
        }
        if (first instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                Object other = merged.get((String) key);
                if (value instanceof Map<?, ?> && other instanceof Map<?, ?>) {
                    merged.put((String) key, merge(value, other));
                } else if (!(isEmpty(value) && merged.containsKey((String) key))) {
                    merged.put((String) key, value);
                }
            });
        }
        return merged;
    }

    private static Object readYaml(String text) {
        try {
            return Coalesce.unmodifiable(ValuesReader.read("fromYaml", text).values());
        } catch (ValuesSyntaxException e) {
            // Helm's fromYaml does not fail: it returns a map holding the error.
            return Map.of("Error", e.getMessage());
        }
    }

    private String toYaml(Object value) {
        String printed = printedDefaults.get(value);
        return printed != null ? printed : GoYaml.toYaml(value);
    }

    /**
     * The first of the dotted paths (keys without dots) whose value is missing or null in the map,
     * or null when every one has a value: what a Go template finds with {@code range} over the
     * paths, {@code index} along each and {@code kindIs "invalid"}. A Pebble loop doing the same
     * costs about 30 µs per validation, more than a tenth of a whole render, so the twins call this.
     */
    static String firstMissing(Object values, Object paths) {
        if (!(paths instanceof Collection<?> list)) {
            return null;
        }
        for (Object path : list) {
            Object value = values;
            for (String key : GoStrings.split(GoStrings.print(path), ".")) {
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
            if (value == null) {
                return GoStrings.print(path);
            }
        }
        return null;
    }

    /** Go templates' truth: nil, false, zero numbers, empty strings, lists and maps are empty. */
    static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof CharSequence || value instanceof SafeString) {
            return value.toString().isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (value instanceof BigInteger i) {
            return i.signum() == 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 0;
        }
        return false;
    }

    /** Sprig's regexMatch: whether the regex matches anywhere in the text, read as Go reads it ({@link GoRegex}). */
    static boolean regexMatch(String regex, String text) {
        return GoRegex.compile(regex).matcher(text).find();
    }

    /** Sprig's regexFind: the leftmost match, or "". */
    static String regexFind(String regex, String text) {
        Matcher match = GoRegex.compile(regex).matcher(text);
        return match.find() ? match.group() : "";
    }

    /** Sprig's regexFindAll with n = -1: every match, left to right. */
    static List<String> regexFindAll(String regex, String text) {
        Matcher match = GoRegex.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (match.find()) {
            found.add(match.group());
        }
        return found;
    }

    /** Sprig's int: numbers are truncated toward zero, strings parsed, anything else is 0. */
    static long toInt(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof CharSequence || value instanceof SafeString) {
            try {
                return Long.parseLong(value.toString().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    /** Raised by the {@code fail} function: the chart's own message for values it refuses, the value it is about and the rule's id. */
    static final class TemplateFailure extends PebbleException {
        private final String reason;
        private final String path;
        private final String rule;

        TemplateFailure(String reason, String path, String rule) {
            super(null, reason);
            this.reason = reason;
            this.path = path;
            this.rule = rule;
        }

        /** The id of the rule the template states; "" when it names none. */
        String rule() {
            return rule;
        }

        String reason() {
            return reason;
        }

        /** The path of the value the rule is about, as {@code --set} writes it; "" when the template names none. */
        String path() {
            return path;
        }
    }

    private record SimpleFilter(List<String> argumentNames, Body body) implements Filter {
        @FunctionalInterface
        interface Body {
            Object apply(Object input, Map<String, Object> args);
        }

        @Override
        public List<String> getArgumentNames() {
            return argumentNames;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return body.apply(input, args);
        }
    }
}
