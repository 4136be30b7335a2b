package org.hazardstream.core.report;

/**
 * Significance stars as R's printCoefmat: *** for p <= 0.001, ** <= 0.01, * <= 0.05, . <= 0.1, else none.
 * R's cut points include their upper end (symnum(0.001) is "***"), and so do these.
 */
public final class Stars {

    /** The legend line, as R prints it. */
    public static final String LEGEND = "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1";

    private Stars() {}

    /** The stars of a p-value; "" for none or a missing p. */
    public static String of(Double p) {
        if (p == null || p.isNaN()) {
            return "";
        }
        if (p <= 0.001) {
            return "***";
        }
        if (p <= 0.01) {
            return "**";
        }
        if (p <= 0.05) {
            return "*";
        }
        return p <= 0.1 ? "." : "";
    }
}
