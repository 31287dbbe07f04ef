package io.github.infrahubbackup.chartkit.engine.yaml;

/**
 * go-yaml v2's timestamp recognition: a plain scalar is a timestamp when Go's {@code time.Parse}
 * accepts it with one of four layouts:
 *
 * <pre>
 *   2006-1-2T15:4:5.999999999Z07:00
 *   2006-1-2t15:4:5.999999999Z07:00
 *   2006-1-2 15:4:5.999999999
 *   2006-1-2
 * </pre>
 *
 * <p>In these layouts month, day, hour, minute and second take one or two digits, the fraction is
 * optional and takes any number of digits after '.' or ',', the zone is 'Z' or ±hh:mm, a space
 * matches one or more spaces, and the date must exist (2001-02-29 is not a timestamp).
 */
final class GoTimestamp {

    private GoTimestamp() {
    }

    static boolean isTimestamp(String s) {
        if (!startsWithFourDigitYear(s)) {
            return false;
        }
        return parses(s, 'T', true) || parses(s, 't', true) || parses(s, ' ', false) || parsesDateOnly(s);
    }

    /** go-yaml's quick check before trying the layouts: exactly four digits, then '-'. */
    private static boolean startsWithFourDigitYear(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == 4 && i < s.length() && s.charAt(i) == '-';
    }

    private static boolean parsesDateOnly(String s) {
        Cursor c = new Cursor(s);
        return date(c) && c.atEnd();
    }

    private static boolean parses(String s, char separator, boolean zoneRequired) {
        Cursor c = new Cursor(s);
        if (!date(c)) {
            return false;
        }
        boolean separated = separator == ' ' ? c.spaces() : c.literal(separator);
        if (!separated || !time(c)) {
            return false;
        }
        if (zoneRequired && !zone(c)) {
            return false;
        }
        return c.atEnd();
    }

    private static boolean date(Cursor c) {
        int year = c.number(4, 4);
        if (year < 0 || !c.literal('-')) {
            return false;
        }
        int month = c.number(1, 2);
        if (month < 1 || month > 12 || !c.literal('-')) {
            return false;
        }
        int day = c.number(1, 2);
        return day >= 1 && day <= daysIn(month, year);
    }

    private static boolean time(Cursor c) {
        int hour = c.number(1, 2);
        if (hour < 0 || hour >= 24 || !c.literal(':')) {
            return false;
        }
        int minute = c.number(1, 2);
        if (minute < 0 || minute >= 60 || !c.literal(':')) {
            return false;
        }
        int second = c.number(1, 2);
        if (second < 0 || second >= 60) {
            return false;
        }
        c.optionalFraction();
        return true;
    }

    /** Go's ISO 8601 zone: 'Z', or a sign and two-digit hours and minutes (hours up to 24, minutes up to 60). */
    private static boolean zone(Cursor c) {
        if (c.literal('Z')) {
            return true;
        }
        if (!(c.literal('+') || c.literal('-'))) {
            return false;
        }
        int hours = c.number(2, 2);
        if (hours < 0 || !c.literal(':')) {
            return false;
        }
        int minutes = c.number(2, 2);
        return minutes >= 0 && hours <= 24 && minutes <= 60;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** A read position in the candidate string. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos == s.length();
        }

        boolean literal(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        boolean spaces() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            return pos > start;
        }

        /** Reads min..max ASCII digits (as many as available, up to max); -1 if fewer than min. */
        int number(int min, int max) {
            int start = pos;
            int value = 0;
            while (pos < s.length() && pos - start < max && isDigit(s.charAt(pos))) {
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            return pos - start >= min ? value : -1;
        }

        /** '.' or ',' followed by at least one digit starts a fraction, which eats every digit. */
        void optionalFraction() {
            if (pos + 1 < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == ',') && isDigit(s.charAt(pos + 1))) {
                pos++;
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
        }

        private static boolean isDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }
    }
}
