package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The partial likelihood where exp(eta) overflows without re-centring, against its log-sum-exp closed form. */
class CountingProcessLikelihoodTest {

    /**
     * Two tied events at one time, x = {0, 1}, beta = 600: eta = {0, 600} (any centring cancels), so with
     * D = e^0 + e^600 the Breslow log-likelihood is 600 - 2 log D = -600 - 2 log1p(e^-600) and Efron's is
     * 600 - log D - log(D / 2) = -600 + log 2 (to double precision). The sweep re-centres the linear predictor
     * (a mean drift of 300 > 200) and must do it between time points, not between the two tied rows.
     */
    @Test
    void twoTiedEventsWithAHugeLinearPredictorGiveTheClosedForm() {
        CoxData data = new CoxData(
                List.of("x"),
                new double[] {0, 0},
                new double[] {1, 1},
                new boolean[] {true, true},
                new double[][] {{0, 1}},
                null,
                null,
                null);
        CoxProblem problem = new CoxProblem(data);
        double[] beta = {600 / problem.scale[0]}; // the engine works on the scaled covariate

        double breslow = new CountingProcessLikelihood(problem, false)
                .evaluate(beta, false)
                .logLik();
        double efron = new CountingProcessLikelihood(problem, true)
                .evaluate(beta, false)
                .logLik();

        assertThat(breslow).isCloseTo(-600 - 2 * Math.log1p(Math.exp(-600)), within(1e-9));
        assertThat(efron).isCloseTo(-600 + Math.log(2), within(1e-9));
    }
}
