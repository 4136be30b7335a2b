package org.hazardstream.core.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number grammar of every reader (ingest's streams and the fitters' tables): plain decimal notation,
 * {@code [+-]digits[.digits][e[+-]digits]} with at least one digit before the exponent. Java's
 * {@code Double.parseDouble} alone would also take "1d", "0x1p3", "NaN" or "Infinity", which no CSV writer means.
 */
public final class PlainDecimal {

    private PlainDecimal() {}

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

    /**
     * A finite number as panels write it (study-contract.md): the shortest decimal that reads back to the same
     * double, integers without ".0", zero as 0 whatever its sign; plain notation for 1e-4 <= |x| < 1e15, exponent
     * notation otherwise ({@code 1.5e-5}, {@code 2e15}).
     */
    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        boolean plain = magnitude >= 1e-4 && magnitude < 1e15;
        if (plain && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        if (plain && text.indexOf('E') < 0 && text.length() <= 16) {
            return text; // at most 15 digits: Java's shortest form, already plain
        }
        BigDecimal shortest = shortest(value, text);
        if (plain) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /**
     * The shortest decimal that reads back to {@code value}. Java 17's Double.toString is that, except for a few
     * values where it gives a digit or two more (JDK-4511638, fixed in Java 19), so longer forms are checked.
     */
    private static BigDecimal shortest(double value, String javaText) {
        BigDecimal java = new BigDecimal(javaText).stripTrailingZeros();
        if (java.precision() < 16) {
            return java;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < java.precision(); precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN))
                    .stripTrailingZeros();
            if (rounded.doubleValue() == value) {
                return rounded;
            }
        }
        return java;
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
