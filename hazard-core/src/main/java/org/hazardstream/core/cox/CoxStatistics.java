package org.hazardstream.core.cox;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Tail probabilities computed without the cancellation of 1 - cdf (small p-values keep their digits). */
final class CoxStatistics {

    private CoxStatistics() {}

    /** P(chi-square with df degrees of freedom > x). */
    static double chiSquareUpper(double x, int df) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (df <= 0 || x <= 0) {
            return 1.0; // no term, or a statistic at (or a round-off below) zero
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** Two-sided normal p-value of z: P(|Z| > |z|) = erfc(|z| / sqrt 2). */
    static double twoSidedNormal(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** R's qnorm(0.975). */
    static final double Z_975 = 1.959963984540054;
}
