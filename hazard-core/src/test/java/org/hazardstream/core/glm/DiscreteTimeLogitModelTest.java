package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;

/**
 * logit against R's binomial glm; expected values from hazard-core/src/test/r/glm-fixtures.R with the R call beside
 * each value, e.g. {@code glm(y ~ period2 + x1 + x2 + z + w, family = binomial, data = cc)} with
 * {@code period2 = stop > 28}. Firth: a hand computation in R (logistf is not packaged for Debian), see the script.
 */
class DiscreteTimeLogitModelTest {

    private static final DataTable PANEL = RFixture.table("/r/glm/sim-panel.csv");
    private static final RFixture SIM = RFixture.load("/r/glm/expected-sim-panel.csv");
    private static final DataTable VETERAN_SPLIT = RFixture.table("/r/glm/veteran-split30.csv");
    private static final RFixture VET = RFixture.load("/r/glm/expected-veteran.csv");
    private static final RFixture FIRTH = RFixture.load("/r/glm/expected-firth.csv");

    static FitOptions options(
            List<String> covariates, Integer eventCode, String cluster, List<Double> breaks, boolean firth) {
        return new FitOptions(
                Model.LOGIT,
                covariates,
                "id",
                "start",
                "stop",
                "event",
                eventCode,
                null,
                firth,
                cluster,
                null,
                breaks,
                null,
                null);
    }

    @Test
    void simulatedPanelWithPeriodDummyAndClusterMatchesR() {
        FitResult fit = DiscreteTimeLogitModel.fit(
                PANEL, options(List.of("x1", "x2", "z", "w"), null, "id", List.of(28.0), false));

        assertThat(fit.model()).isEqualTo("logit");
        assertThat(fit.coefficients())
                .extracting(FitResult.Coefficient::term)
                .containsExactly("(Intercept)", "period2", "x1", "x2", "z", "w");
        // R's Rao statistic depends on where its null fit stopped: that fit stops after 7 iterations at epsilon 1e-14,
        // and its Rao is 2e-8 away from the one after 10 iterations (epsilon 1e-15), which ours equals to 1e-11
        PiecewiseExponentialModelTest.assertMatches(SIM.loosened(1e-6, "logit.score"), "logit", fit, true);
        assertThat((double) fit.n()).isEqualTo(SIM.get("panel.used"));
        assertThat(fit.excludedRows()).isEqualTo(3);
        assertThat(fit.baseline()).isEmpty();
        assertThat(fit.concordance()).isNull();
        FitResult.Coefficient x1 = fit.coefficient("x1");
        assertThat(x1.hazardRatio()).isCloseTo(Math.exp(x1.estimate()), offset(1e-12));
        assertThat(x1.confLow())
                .isCloseTo(Math.exp(x1.estimate() - 1.959963984540054 * x1.robustStdError()), offset(1e-12));
    }

    @Test
    void eventCodeTwoWithConstantAndCollinearColumnsMatchesRsNa() {
        FitResult fit = DiscreteTimeLogitModel.fit(
                PANEL, options(List.of("x1", "x2", "z", "w", "const", "x1dup"), 2, null, List.of(28.0), false));

        PiecewiseExponentialModelTest.assertMatches(SIM, "logit2", fit, false);
        assertThat(fit.coefficient("const").estimate()).isNull();
        assertThat(fit.coefficient("x1dup").estimate()).isNull();
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("const:")).anyMatch(w -> w.startsWith("x1dup:"));
        assertThat(fit.tests().likelihoodRatio().df()).isEqualTo(4);
    }

    @Test
    void veteranSplitDataWithTwoPeriodDummiesMatchesR() {
        FitResult fit = DiscreteTimeLogitModel.fit(
                VETERAN_SPLIT,
                options(List.of("karno", "age", "trt", "prior", "diagtime"), null, "id", List.of(90.0, 180.0), false));

        assertThat(fit.coefficients())
                .extracting(FitResult.Coefficient::term)
                .startsWith("(Intercept)", "period2", "period3");
        PiecewiseExponentialModelTest.assertMatches(VET, "vlogit", fit, true);
    }

    @Test
    void firthGivesFiniteEstimatesUnderSeparationEqualToTheHandComputation() {
        DataTable separated = RFixture.table("/r/glm/firth-separation.csv");
        FitResult ml =
                DiscreteTimeLogitModel.fit(separated, options(List.of("x1", "x2"), null, null, List.of(), false));
        FitResult firth =
                DiscreteTimeLogitModel.fit(separated, options(List.of("x1", "x2"), null, null, List.of(), true));

        // plain ML runs off towards infinity (R stops near 20 with a warning); Firth stays finite
        assertThat(Math.abs(ml.coefficient("x2").estimate())).isGreaterThan(10);
        assertFirthMatches("firthsep", firth);
        assertThat(firth.coefficient("x2").estimate()).isLessThan(10);
    }

    @Test
    void firthOnThePanelMatchesTheHandComputation() {
        FitResult firth = DiscreteTimeLogitModel.fit(
                PANEL, options(List.of("x1", "x2", "z", "w"), null, null, List.of(28.0), true));

        assertFirthMatches("firthpanel", firth);
    }

    private static void assertFirthMatches(String prefix, FitResult fit) {
        assertThat(fit.converged()).isTrue();
        for (FitResult.Coefficient c : fit.coefficients()) {
            FIRTH.assertClose(prefix + ".coef." + c.term(), c.estimate());
            FIRTH.assertClose(prefix + ".se." + c.term(), c.stdError());
        }
        FIRTH.assertClose(prefix + ".loglik", fit.logLikelihood());
        FIRTH.assertClose(prefix + ".nullloglik", fit.nullLogLikelihood());
        FIRTH.assertClose(prefix + ".lr", fit.tests().likelihoodRatio().statistic());
        FIRTH.assertClose(prefix + ".aic", fit.aic());
        FIRTH.assertClose(prefix + ".wald", fit.tests().wald().statistic());
    }

    @Test
    void anUnknownEventColumnIsNamed() {
        FitOptions bad = new FitOptions(
                Model.LOGIT,
                List.of("x1"),
                "id",
                "start",
                "stop",
                "status",
                null,
                null,
                false,
                null,
                null,
                List.of(28.0),
                null,
                null);
        assertThatThrownBy(() -> DiscreteTimeLogitModel.fit(PANEL, bad))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'status'");
    }

    @Test
    void aBreakThatIsNotFiniteIsBadInput() {
        assertThatThrownBy(() -> DiscreteTimeLogitModel.fit(
                        PANEL, options(List.of("x1"), null, null, List.of(Double.NaN), false)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--breaks");
    }

    @Test
    void warmStartFromPreviousEstimatesLandsOnRsEstimates() {
        FitOptions cold = options(List.of("x1", "x2", "z", "w"), null, "id", List.of(28.0), false);
        java.util.Map<String, Double> previous = new java.util.HashMap<>();
        for (FitResult.Coefficient c : DiscreteTimeLogitModel.fit(PANEL, cold).coefficients()) {
            previous.put(c.term(), c.estimate() * 1.2);
        }

        FitResult warm = DiscreteTimeLogitModel.fit(PANEL, cold.withInitialEstimates(previous));

        for (FitResult.Coefficient c : warm.coefficients()) {
            SIM.assertClose("logit.coef." + c.term(), c.estimate());
        }
        SIM.assertClose("logit.loglik", warm.logLikelihood());
    }
}
