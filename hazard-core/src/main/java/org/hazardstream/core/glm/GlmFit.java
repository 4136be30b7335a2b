package org.hazardstream.core.glm;

import java.util.List;

/**
 * A fitted GLM, with what R's glm object holds and the summaries derived from it.
 *
 * @param terms              column names
 * @param coefficients       estimates, NaN for aliased columns (R's NA)
 * @param aliased            columns left out as collinear with earlier ones (or constant / all zero)
 * @param unscaledCovariance (X'WX)^-1 with the working weights of the last IRLS step (R's cov.unscaled),
 *                           NaN rows and columns for aliased terms; dispersion is 1 for both families
 * @param rank               number of estimated coefficients
 * @param mu                 fitted means
 * @param eta                linear predictors (offset included)
 * @param workingWeights     R's {@code fit$weights}: the IRLS weights of the last step
 * @param deviance           residual deviance
 * @param logLikelihood      R's logLik(fit)
 * @param aic                R's AIC(fit)
 * @param converged          whether the relative deviance change fell below epsilon
 * @param iterations         IRLS steps taken
 * @param warnings           as R's glm.fit warnings, in words
 */
public record GlmFit(
        GlmFamily family,
        List<String> terms,
        double[] coefficients,
        boolean[] aliased,
        double[][] unscaledCovariance,
        int rank,
        double[] mu,
        double[] eta,
        double[] workingWeights,
        double deviance,
        double logLikelihood,
        double aic,
        boolean converged,
        int iterations,
        List<String> warnings) {

    public GlmFit {
        terms = List.copyOf(terms);
        warnings = List.copyOf(warnings);
    }

    /** The same fit with other warnings. */
    public GlmFit withWarnings(List<String> newWarnings) {
        return new GlmFit(
                family,
                terms,
                coefficients,
                aliased,
                unscaledCovariance,
                rank,
                mu,
                eta,
                workingWeights,
                deviance,
                logLikelihood,
                aic,
                converged,
                iterations,
                newWarnings);
    }

    public double standardError(int j) {
        return aliased[j] ? Double.NaN : Math.sqrt(unscaledCovariance[j][j]);
    }

    /** R's residuals(fit, "working"): (y - mu) / dmu/deta. */
    double workingResidual(GlmData data, int i) {
        return (data.y()[i] - mu[i]) / family.muEta(eta[i]);
    }
}
