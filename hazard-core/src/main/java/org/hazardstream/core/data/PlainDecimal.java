package org.hazardstream.core.data;

/**
 * The one number grammar of every reader (ingest's streams and the fitters' tables): plain decimal notation,
 * {@code [+-]digits[.digits][e[+-]digits]} with at least one digit before the exponent. Java's
 * {@code Double.parseDouble} alone would also take "1d", "0x1p3", "NaN" or "Infinity", which no CSV writer means.
 */
public final class PlainDecimal {

    private PlainDecimal() {
    }

    /** True when the text is a number in plain decimal notation (it may still overflow to infinity). */
    public static boolean matches(String value) {
        // Checked by hand, not by a regex, which costs more than the parse on the ingest path.
        int n = value.length();
        int i = skipSign(value, 0);
        int end = skipDigits(value, i);
        int digits = end - i;
        if (end < n && value.charAt(end) == '.') {
            int fraction = end + 1;
            end = skipDigits(value, fraction);
            digits += end - fraction;
        }
        if (digits == 0) {
            return false;
        }
        if (end < n && (value.charAt(end) == 'e' || value.charAt(end) == 'E')) {
            int exponentFrom = skipSign(value, end + 1);
            end = skipDigits(value, exponentFrom);
            if (end == exponentFrom) {
                return false;
            }
        }
        return end == n;
    }

    /** The finite number the text writes in plain decimal notation, or null when it writes none. */
    public static Double parse(String value) {
        if (!matches(value)) {
            return null;
        }
        double v = Double.parseDouble(value);
        return Double.isFinite(v) ? v : null;
    }

    private static int skipSign(String value, int i) {
        return i < value.length() && (value.charAt(i) == '+' || value.charAt(i) == '-') ? i + 1 : i;
    }

    private static int skipDigits(String value, int i) {
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
