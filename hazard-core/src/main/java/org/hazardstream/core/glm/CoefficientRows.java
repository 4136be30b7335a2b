package org.hazardstream.core.glm;

import org.hazardstream.core.fit.FitResult;

/** Builds the coefficient rows of the fit contract from an estimate and its standard errors. */
public final class CoefficientRows {

    /** qnorm(0.975) */
    static final double Z_975 = 1.959963984540054;

    private CoefficientRows() {}

    /**
     * z, p and the 95% interval of exp(estimate) use the robust standard error when there is one, as R's
     * summary(coxph) does. A NaN estimate is an inestimable (aliased) term: every number null.
     */
    public static FitResult.Coefficient of(String term, double estimate, double stdError, Double robustStdError) {
        if (Double.isNaN(estimate)) {
            return new FitResult.Coefficient(term, null, null, null, null, null, null, null, null);
        }
        double se = robustStdError != null ? robustStdError : stdError;
        double z = estimate / se;
        return new FitResult.Coefficient(
                term,
                estimate,
                stdError,
                robustStdError,
                z,
                GlmInference.twoSidedNormal(z),
                Math.exp(estimate),
                Math.exp(estimate - Z_975 * se),
                Math.exp(estimate + Z_975 * se));
    }

    static String notEstimable(String term, String collinearWith) {
        return term + ": not estimable (constant, or collinear with " + collinearWith + "); estimate null";
    }
}
