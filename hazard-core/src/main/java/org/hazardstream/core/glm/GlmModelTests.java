package org.hazardstream.core.glm;

import java.util.List;

import org.hazardstream.core.fit.FitResult;

/** The likelihood-ratio, Wald and score tests of the covariate terms of a GLM against its nested null model. */
final class GlmModelTests {

    private GlmModelTests() {}

    /**
     * @param estimated the covariate columns that were estimated (the tests' df)
     * @param robust    robust covariance, used by the Wald test when present (as coxph does); else model-based
     * @param intercept whether the models have an intercept (R's Rao statistic centres on it)
     * @return null when no covariate term was estimated
     */
    static FitResult.Tests of(
            GlmData full,
            GlmFit fit,
            GlmFit nullFit,
            GlmData nullData,
            List<Integer> estimated,
            double[][] robust,
            boolean intercept) {
        int df = estimated.size();
        if (df == 0) {
            return null;
        }
        double lr = 2 * (fit.logLikelihood() - nullFit.logLikelihood());
        int[] idx = estimated.stream().mapToInt(Integer::intValue).toArray();
        double wald =
                GlmInference.waldStatistic(fit.coefficients(), robust != null ? robust : fit.unscaledCovariance(), idx);
        double score = GlmInference.scoreStatistic(full, nullFit, nullData, intercept);
        return new FitResult.Tests(statistic(lr, df), statistic(wald, df), statistic(score, df));
    }

    static FitResult.TestStatistic statistic(double value, int df) {
        return new FitResult.TestStatistic(value, df, GlmInference.chiSquareUpper(value, df));
    }
}
