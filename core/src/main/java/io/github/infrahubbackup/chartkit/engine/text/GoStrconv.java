package io.github.infrahubbackup.chartkit.engine.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parts of Go's {@code strconv} package that decide how go-yaml v2 types and prints numbers.
 *
 * <p>Java's own parsers accept a different syntax (no {@code 0o} prefix, no sign before a hex
 * prefix, ...) and Java 17's {@code Double.toString} is not always the shortest round-trip
 * representation, so the Go behaviour is reproduced here explicitly.
 */
public final class GoStrconv {

    public static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private GoStrconv() {
    }

    /**
     * Sprig's {@code atoi}, which is {@code strconv.Atoi} with its error dropped: decimal digits
     * after an optional sign, whatever the leading zeros ("010" is 10, "09" is 9); 0 for any other
     * text; past the int64 range, the nearest end of it, as Go's ParseInt leaves it.
     */
    public static long atoi(String s) {
        if (!DECIMAL_INTEGER.matcher(s).matches()) {
            return 0;
        }
        BigInteger value = new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
        return value.max(MIN_INT64).min(MAX_INT64).longValue();
    }

    /** {@code strconv.ParseInt(s, 0, 64)}: the value, or null on a syntax or range error. */
    public static Long parseInt64Base0(String s) {
        return signed(s, GoStrconv::parseUint64Base0);
    }

    /**
     * {@code strconv.ParseUint(s, 0, 64)}: the value, or null on a syntax or range error. Base 0
     * means the prefix picks the base: {@code 0x}/{@code 0o}/{@code 0b} (any case, and only when a
     * digit may follow), a bare leading {@code 0} means octal, otherwise decimal. No sign allowed.
     */
    public static BigInteger parseUint64Base0(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            switch (prefix) {
                case 'b' -> { base = 2; digits = s.substring(2); }
                case 'o' -> { base = 8; digits = s.substring(2); }
                case 'x' -> { base = 16; digits = s.substring(2); }
                default -> { base = 8; digits = s.substring(1); }
            }
        }
        return parseUnsignedDigits(digits, base);
    }

    /** {@code strconv.ParseInt(s, base, 64)} for an explicit base (sign allowed, no prefix). */
    public static Long parseInt64(String s, int base) {
        return signed(s, magnitude -> magnitude.isEmpty() ? null : parseUnsignedDigits(magnitude, base));
    }

    /** An optional sign, then a magnitude read by {@code unsigned}; null unless it fits in an int64. */
    private static Long signed(String s, Function<String, BigInteger> unsigned) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        BigInteger magnitude = unsigned.apply((s.charAt(0) == '+' || negative) ? s.substring(1) : s);
        if (magnitude == null) {
            return null;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        return value.compareTo(MIN_INT64) < 0 || value.compareTo(MAX_INT64) > 0 ? null : value.longValue();
    }

    /** Digits in {@code base}, no sign, no underscores; null if invalid or above uint64. */
    public static BigInteger parseUnsignedDigits(String digits, int base) {
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), base);
            if (d < 0 || digits.charAt(i) > 'z') {
                return null;
            }
            value = value.multiply(radix).add(BigInteger.valueOf(d));
            if (value.compareTo(MAX_UINT64) > 0) {
                return null;
            }
        }
        return value;
    }

    /**
     * Go's {@code underscoreOK}: underscores in a number literal may only sit between digits (a base
     * prefix counts as a digit). Used by ParseFloat, which accepts Go literal syntax.
     */
    public static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /**
     * {@code strconv.ParseFloat(s, 64)} restricted to plain decimal syntax (optional sign, digits
     * with an optional fraction, optional exponent). Returns null for a syntax error and for an
     * overflow to infinity, which Go reports as an error.
     */
    public static Double parseDecimalFloat(String s) {
        if (!DECIMAL_FLOAT.matcher(s).matches()) {
            return null;
        }
        double value = Double.parseDouble(s);
        return Double.isInfinite(value) ? null : value;
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 64)}: the shortest round-trip digits, in %e form when
     * the decimal exponent is below -4 or at least 6 (so 1234567.5 prints as 1.2345675e+06).
     */
    public static String formatFloatG(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        String sign = (f < 0 || (f == 0 && 1 / f < 0)) ? "-" : "";
        ShortestDecimal dec = ShortestDecimal.of(Math.abs(f));
        // With precision -1 Go decides between %e and %f as if the precision were 6 digits.
        int exp = dec.pointPosition() - 1;
        if (exp < -4 || exp >= 6) {
            return sign + dec.exponentForm();
        }
        return sign + dec.fixedForm();
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 32)}: f rounded to float32, then its shortest
     * round-trip digits in %e form when the decimal exponent is below -4 or at least 6.
     */
    public static String formatFloat32G(double f) {
        float single = (float) f;
        if (Float.isNaN(single)) {
            return "NaN";
        }
        if (Float.isInfinite(single)) {
            return single > 0 ? "+Inf" : "-Inf";
        }
        String sign = (single < 0 || (single == 0 && 1 / single < 0)) ? "-" : "";
        ShortestDecimal dec = ShortestDecimal.ofFloat(Math.abs(single));
        int exp = dec.pointPosition() - 1;
        if (exp < -4 || exp >= 6) {
            return sign + dec.exponentForm();
        }
        return sign + dec.fixedForm();
    }

    /**
     * How encoding/json writes a float64: %f for 1e-6 <= |f| < 1e21 (and zero), %e otherwise, with
     * a two-digit negative exponent shortened ("1e-07" becomes "1e-7").
     */
    public static String formatJsonFloat(double f) {
        double abs = Math.abs(f);
        String sign = (f < 0 || (f == 0 && 1 / f < 0)) ? "-" : "";
        ShortestDecimal dec = ShortestDecimal.of(abs);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String e = dec.exponentForm();
            int n = e.length();
            if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                e = e.substring(0, n - 2) + e.charAt(n - 1);
            }
            return sign + e;
        }
        return sign + dec.fixedForm();
    }

    /**
     * The shortest decimal digit string that reads back as the same double (what Go's ftoa computes
     * for precision -1). The value is 0.DIGITS x 10^pointPosition.
     */
    record ShortestDecimal(String digits, int pointPosition) {

        static ShortestDecimal of(double abs) {
            if (abs == 0) {
                return new ShortestDecimal("", 0);
            }
            BigDecimal exact = new BigDecimal(abs);
            for (int precision = 1; precision <= 17; precision++) {
                BigDecimal candidate = closestRoundTripping(exact, abs, precision);
                if (candidate != null) {
                    BigDecimal stripped = candidate.stripTrailingZeros();
                    String digits = stripped.unscaledValue().toString();
                    return new ShortestDecimal(digits, digits.length() - stripped.scale());
                }
            }
            throw new IllegalStateException("no round-tripping representation for " + abs);
        }

        /** The shortest digits that read back as the same float32. */
        static ShortestDecimal ofFloat(float abs) {
            if (abs == 0) {
                return new ShortestDecimal("", 0);
            }
            BigDecimal exact = new BigDecimal(abs);
            for (int precision = 1; precision <= 9; precision++) {
                BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
                BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
                boolean downOk = Float.parseFloat(down.toString()) == abs;
                boolean upOk = Float.parseFloat(up.toString()) == abs;
                BigDecimal candidate = null;
                if (downOk && upOk) {
                    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                    candidate = cmp < 0 ? down : cmp > 0 ? up : down.unscaledValue().testBit(0) ? up : down;
                } else if (downOk || upOk) {
                    candidate = downOk ? down : up;
                }
                if (candidate != null) {
                    BigDecimal stripped = candidate.stripTrailingZeros();
                    String digits = stripped.unscaledValue().toString();
                    return new ShortestDecimal(digits, digits.length() - stripped.scale());
                }
            }
            throw new IllegalStateException("no round-tripping representation for " + abs);
        }

        /** Of the two precision-digit decimals around the exact value, the nearer one that reads back. */
        private static BigDecimal closestRoundTripping(BigDecimal exact, double abs, int precision) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = Double.parseDouble(down.toString()) == abs;
            boolean upOk = Double.parseDouble(up.toString()) == abs;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp != 0) {
                    return cmp < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            return downOk ? down : upOk ? up : null;
        }

        /** %e with the shortest digits: d.ddde±XX (at least two exponent digits). */
        String exponentForm() {
            if (digits.isEmpty()) {
                return "0e+00";
            }
            StringBuilder sb = new StringBuilder().append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = pointPosition - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                sb.append('0');
            }
            return sb.append(absExp).toString();
        }

        /** %f with as many fraction digits as the shortest digits need (zeros pad large integers). */
        String fixedForm() {
            StringBuilder sb = new StringBuilder();
            if (pointPosition > 0) {
                for (int i = 0; i < pointPosition; i++) {
                    sb.append(i < digits.length() ? digits.charAt(i) : '0');
                }
            } else {
                sb.append('0');
            }
            int fractionDigits = Math.max(digits.length() - pointPosition, 0);
            if (fractionDigits > 0) {
                sb.append('.');
                for (int i = 0; i < fractionDigits; i++) {
                    int pos = pointPosition + i;
                    sb.append(pos >= 0 && pos < digits.length() ? digits.charAt(pos) : '0');
                }
            }
            return sb.toString();
        }
    }
}
