package org.hazardstream.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of the tables: significant digits as R prints them, p-values as R's format.pval. */
final class Numbers {

    static final String MISSING = "NA";

    private Numbers() {}

    /**
     * x rounded to {@code digits} significant digits, written as R's format() writes one number: plain notation
     * unless scientific is shorter (0.0004 is "4e-04", 0.00161 stays "0.00161"); "NA" for null.
     */
    static String signif(Double x, int digits) {
        if (x == null || x.isNaN()) {
            return MISSING;
        }
        if (x.isInfinite()) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros();
        String fixed = rounded.toPlainString();
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = rounded.movePointLeft(exponent).toPlainString();
        String scientific =
                mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return fixed.length() <= scientific.length() ? fixed : scientific;
    }

    /** R's format.pval(p, digits = 3): "<2e-16" below machine precision, else 3 significant digits. */
    static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return MISSING;
        }
        if (p < 2.220446e-16) {
            return "<2e-16";
        }
        return signif(p, 3);
    }

    /** Fixed decimals, as a paper's table (e.g. 0.410); scientific when the value would print as zero. */
    static String fixed(Double x, int decimals) {
        if (x == null || x.isNaN()) {
            return MISSING;
        }
        if (x != 0 && Math.abs(x) < 0.5 * Math.pow(10, -decimals)) {
            return String.format(Locale.ROOT, "%.2e", x);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** Full precision, for machine-readable output (CSV); empty for null. */
    static String exact(Number x) {
        if (x == null) {
            return "";
        }
        if (x instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "";
        }
        return x.toString();
    }
}
