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
        int i = 0;
        int n = value.length();
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** The finite number the text writes in plain decimal notation, or null when it writes none. */
    public static Double parse(String value) {
        if (!matches(value)) {
            return null;
        }
        double v = Double.parseDouble(value);
        return Double.isFinite(v) ? v : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
