package io.github.infrahubbackup.chartkit.engine.yaml;

import io.github.infrahubbackup.chartkit.engine.text.GoStrconv;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml.Resolved;
import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml.Tag;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * go-yaml v2.4's implicit typing of a plain scalar ({@code resolve("", in)} in resolve.go).
 *
 * <p>The first character picks the candidates: a sign or digit may be a timestamp, int or float;
 * '.' may be a float; one of {@code yYnNtTfFoO~} may be a bool or null word; the empty string is
 * null. Anything else is a string without further checks, which is why {@code "<<"} or
 * {@code "Yes!"} stay strings.
 */
final class GoScalarResolver {

    /** The YAML 1.1 words go-yaml knows, case variants listed explicitly (so "tRUE" is a string). */
    private static final Map<String, Resolved> WORDS = new HashMap<>();

    /** go-yaml's yamlStyleFloat: a float must look like this after underscores are removed. */
    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    static {
        words(new Resolved(Tag.BOOL, Boolean.TRUE), "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        words(new Resolved(Tag.BOOL, Boolean.FALSE), "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        words(new Resolved(Tag.NULL, null), "", "~", "null", "Null", "NULL");
        words(new Resolved(Tag.FLOAT, Double.NaN), ".nan", ".NaN", ".NAN");
        words(new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY), ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        words(new Resolved(Tag.FLOAT, Double.NEGATIVE_INFINITY), "-.inf", "-.Inf", "-.INF");
    }

    private GoScalarResolver() {
    }

    private static void words(Resolved resolved, String... spellings) {
        for (String s : List.of(spellings)) {
            WORDS.put(s, resolved);
        }
    }

    static Resolved resolve(String in) {
        char hint = hint(in);
        if (hint == 0) {
            return str(in);
        }
        Resolved word = WORDS.get(in);
        if (word != null) {
            return word;
        }
        return switch (hint) {
            case '.' -> resolveDotFloat(in);
            case 'D', 'S' -> resolveNumberOrTimestamp(in);
            default -> str(in);
        };
    }

    /** go-yaml's resolveTable: only these first bytes can start a non-string plain scalar. */
    private static char hint(String in) {
        if (in.isEmpty()) {
            return 'N';
        }
        char c = in.charAt(0);
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        return c == '.' ? '.' : 0;
    }

    /** A leading '.' is handed to Go's ParseFloat as is (underscores between digits allowed). */
    private static Resolved resolveDotFloat(String in) {
        if (!GoStrconv.underscoreOk(in)) {
            return str(in);
        }
        Double value = GoStrconv.parseDecimalFloat(in.replace("_", ""));
        return value == null ? str(in) : new Resolved(Tag.FLOAT, value);
    }

    /**
     * Sign or digit: a timestamp first, then (with every underscore removed) an int64, a uint64, a
     * float, and finally go-yaml's fallback binary parse of "0b..." that accepts a sign after the
     * prefix ("0b-101" is -5).
     */
    private static Resolved resolveNumberOrTimestamp(String in) {
        if (GoTimestamp.isTimestamp(in)) {
            return new Resolved(Tag.TIMESTAMP, in);
        }
        String plain = in.replace("_", "");
        Long signed = GoStrconv.parseInt64Base0(plain);
        if (signed != null) {
            return new Resolved(Tag.INT, signed);
        }
        BigInteger unsigned = GoStrconv.parseUint64Base0(plain);
        if (unsigned != null) {
            return new Resolved(Tag.INT, unsigned);
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            Double value = GoStrconv.parseDecimalFloat(plain);
            if (value != null) {
                return new Resolved(Tag.FLOAT, value);
            }
        }
        return resolveBinaryFallback(in, plain);
    }

    private static Resolved resolveBinaryFallback(String in, String plain) {
        Long binary = null;
        if (plain.startsWith("0b")) {
            binary = GoStrconv.parseInt64(plain.substring(2), 2);
        } else if (plain.startsWith("-0b")) {
            binary = GoStrconv.parseInt64("-" + plain.substring(3), 2);
        }
        return binary != null ? new Resolved(Tag.INT, binary) : str(in);
    }

    private static Resolved str(String in) {
        return new Resolved(Tag.STR, in);
    }

    /**
     * go-yaml quotes YAML 1.1 base-60 floats such as {@code 1:20} although it no longer reads them
     * as numbers, for the sake of other YAML 1.1 parsers.
     */
    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
            return false;
        }
        return BASE_60_FLOAT.matcher(s).matches();
    }

    private static final Pattern BASE_60_FLOAT =
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
}
