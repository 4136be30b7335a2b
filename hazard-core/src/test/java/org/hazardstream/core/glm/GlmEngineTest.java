package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The IRLS engine on hand-checkable data. */
class GlmEngineTest {

    /** Two groups with 2/10 and 5/10 events: the logit MLE is the log odds of each group, the SEs the textbook ones. */
    @Test
    void twoGroupLogisticRegressionHasTheClosedFormSolution() {
        double[] ones = new double[20];
        double[] group = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            ones[i] = 1;
            group[i] = i < 10 ? 0 : 1;
            y[i] = (i < 2 || (i >= 10 && i < 15)) ? 1 : 0;
        }
        GlmFit fit = GlmEngine.fit(
                new GlmData(List.of("(Intercept)", "g"), new double[][] {ones, group}, y, null, null),
                GlmFamily.BINOMIAL_LOGIT,
                GlmSettings.CONVERGED);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(0.2 / 0.8), offset(1e-9));
        assertThat(fit.coefficients()[1]).isCloseTo(Math.log(1.0) - Math.log(0.25), offset(1e-9));
        // var(log odds) = 1/(n p (1-p)); group 1 minus group 0
        assertThat(fit.standardError(0)).isCloseTo(Math.sqrt(1 / (10 * 0.2 * 0.8)), offset(1e-6));
        assertThat(fit.standardError(1))
                .isCloseTo(Math.sqrt(1 / (10 * 0.2 * 0.8) + 1 / (10 * 0.5 * 0.5)), offset(1e-6));
        double expectedLogLik = 2 * Math.log(0.2) + 8 * Math.log(0.8) + 10 * Math.log(0.5);
        assertThat(fit.logLikelihood()).isCloseTo(expectedLogLik, offset(1e-9));
        assertThat(fit.aic()).isCloseTo(-2 * expectedLogLik + 4, offset(1e-9));
    }

    /** Poisson with offset and one indicator: each group's rate is events / exposure. */
    @Test
    void poissonWithExposureOffsetEstimatesTheCrudeRates() {
        double[] first = {1, 1, 1, 0, 0};
        double[] second = {0, 0, 0, 1, 1};
        double[] y = {1, 0, 1, 1, 0};
        double[] exposure = {2, 3, 5, 4, 6};
        double[] offset = new double[5];
        for (int i = 0; i < 5; i++) {
            offset[i] = Math.log(exposure[i]);
        }
        GlmFit fit = GlmEngine.fit(
                new GlmData(List.of("p1", "p2"), new double[][] {first, second}, y, null, offset),
                GlmFamily.POISSON_LOG,
                GlmSettings.CONVERGED);

        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(2.0 / 10), offset(1e-8));
        assertThat(fit.coefficients()[1]).isCloseTo(Math.log(1.0 / 10), offset(1e-8));
        assertThat(fit.standardError(0)).isCloseTo(Math.sqrt(1 / 2.0), offset(1e-6));
    }

    @Test
    void hittingTheIterationLimitIsReportedNotThrown() {
        double[] ones = {1, 1, 1, 1, 1, 1};
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 0, 1, 0, 1, 1};
        GlmFit fit = GlmEngine.fit(
                new GlmData(List.of("a", "x"), new double[][] {ones, x}, y, null, null),
                GlmFamily.BINOMIAL_LOGIT,
                new GlmSettings(1e-8, 1, null));

        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("did not converge"));
    }

    @Test
    void anAllZeroColumnIsAliasedNotFatal() {
        double[] ones = {1, 1, 1, 1};
        double[] zero = {0, 0, 0, 0};
        double[] y = {0, 1, 1, 0};
        GlmFit fit = GlmEngine.fit(
                new GlmData(List.of("a", "zero"), new double[][] {ones, zero}, y, null, null),
                GlmFamily.BINOMIAL_LOGIT,
                GlmSettings.CONVERGED);

        assertThat(fit.aliased()).containsExactly(false, true);
        assertThat(fit.coefficients()[1]).isNaN();
        assertThat(fit.rank()).isEqualTo(1);
    }
}
