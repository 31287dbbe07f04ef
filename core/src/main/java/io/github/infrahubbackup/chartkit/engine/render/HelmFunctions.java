package io.github.infrahubbackup.chartkit.engine.render;

import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import io.github.infrahubbackup.chartkit.engine.values.FixedValues;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    /**
     * @param defaults values that never change (the chart's read-only defaults): {@code toYaml} of
     *                 one of their maps or lists is printed once, not on every render
     */
    HelmFunctions(Object defaults) {
        this.printedDefaults = new FixedValues<>(defaults, GoYaml::toYaml);
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "quote", new SimpleFilter(List.of(), (input, args) -> input == null ? "" : GoStrings.quote(GoStrings.print(input))),
                "toYaml", new SimpleFilter(List.of(), (input, args) -> toYaml(input)),
                "indent", new SimpleFilter(List.of("width"), (input, args) -> GoStrings.indent(toInt(args.get("width")), GoStrings.print(input))),
                "nindent", new SimpleFilter(List.of("width"), (input, args) -> "\n" + GoStrings.indent(toInt(args.get("width")), GoStrings.print(input))),
                "trunc", new SimpleFilter(List.of("length"), (input, args) -> GoStrings.trunc(toInt(args.get("length")), GoStrings.print(input))),
                "trimSuffix", new SimpleFilter(List.of("suffix"), (input, args) -> GoStrings.trimSuffix(GoStrings.print(input), GoStrings.print(args.get("suffix")))),
                "default", new SimpleFilter(List.of("value"), (input, args) -> isEmpty(input) ? args.get("value") : input),
                "int", new SimpleFilter(List.of(), (input, args) -> toInt(input)));
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
                throw new TemplateFailure(GoStrings.print(args.get("message")));
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("message");
            }
        });
    }

    private String toYaml(Object value) {
        String printed = printedDefaults.get(value);
        return printed != null ? printed : GoYaml.toYaml(value);
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

    /** Raised by the {@code fail} function: the chart's own message for values it refuses. */
    public static final class TemplateFailure extends PebbleException {
        private final String reason;

        TemplateFailure(String reason) {
            super(null, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
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
