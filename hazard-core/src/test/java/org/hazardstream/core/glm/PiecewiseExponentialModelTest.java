package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;

/**
 * pce against R's Poisson glm on survSplit data; expected values from hazard-core/src/test/r/glm-fixtures.R,
 * each with its R call in the fixture file (e.g. {@code glm(ev ~ 0 + factor(period) + x1 + x2 + z@1 + z@2 + w@1 +
 * w@2, family = poisson, offset = log(stop - start), data = survSplit(Surv(start, stop, ev) ~ ., cc, cut = 28))}).
 */
class PiecewiseExponentialModelTest {

    private static final DataTable PANEL = RFixture.table("/r/glm/sim-panel.csv");
    private static final RFixture SIM = RFixture.load("/r/glm/expected-sim-panel.csv");
    private static final DataTable VETERAN = RFixture.table("/r/glm/veteran.csv");
    private static final RFixture VET = RFixture.load("/r/glm/expected-veteran.csv");

    static FitOptions options(
            List<String> covariates,
            Integer eventCode,
            String cluster,
            List<Double> breaks,
            List<String> periodSpecific) {
        return new FitOptions(
                Model.PCE,
                covariates,
                "id",
                "start",
                "stop",
                "event",
                eventCode,
                null,
                false,
                cluster,
                null,
                breaks,
                periodSpecific,
                null);
    }

    static void assertMatches(RFixture r, String prefix, FitResult fit, boolean robust) {
        for (FitResult.Coefficient c : fit.coefficients()) {
            String key = prefix + ".coef." + c.term();
            if (Double.isNaN(r.get(key))) {
                assertThat(c.estimate()).as(key).isNull();
                continue;
            }
            r.assertClose(key, c.estimate());
            r.assertClose(prefix + ".se." + c.term(), c.stdError());
            if (robust) {
                r.assertClose(prefix + ".rse." + c.term(), c.robustStdError());
            } else {
                assertThat(c.robustStdError()).isNull();
            }
        }
        r.assertClose(prefix + ".loglik", fit.logLikelihood());
        r.assertClose(prefix + ".nullloglik", fit.nullLogLikelihood());
        r.assertClose(prefix + ".aic", fit.aic());
        r.assertClose(prefix + ".lr", fit.tests().likelihoodRatio().statistic());
        r.assertClose(prefix + ".wald", fit.tests().wald().statistic());
        r.assertClose(prefix + ".score", fit.tests().score().statistic());
        assertThat((double) fit.tests().likelihoodRatio().df()).isEqualTo(r.get(prefix + ".df"));
        assertThat(fit.converged()).isEqualTo(r.get(prefix + ".converged") == 1);
    }

    @Test
    void simulatedPanelWithPeriodSpecificEffectsAndClusterMatchesR() {
        FitResult fit = PiecewiseExponentialModel.fit(
                PANEL, options(List.of("x1", "x2", "z", "w"), null, "id", List.of(28.0), List.of("z", "w")));

        assertThat(fit.model()).isEqualTo("pce");
        assertThat(fit.coefficients())
                .extracting(FitResult.Coefficient::term)
                .containsExactly("x1", "x2", "z@1", "z@2", "w@1", "w@2");
        assertMatches(SIM, "pce", fit, true);
        assertThat((double) fit.n()).isEqualTo(SIM.get("panel.used"));
        assertThat(fit.excludedRows()).isEqualTo((int) (SIM.get("panel.rows") - SIM.get("panel.used")));
        assertThat((double) fit.events()).isEqualTo(SIM.get("panel.events.any"));
        assertThat(fit.baseline()).hasSize(2);
        SIM.assertClose("pce.baseline.1", fit.baseline().get(0).logHazard());
        SIM.assertClose("pce.baseline.2", fit.baseline().get(1).logHazard());
        assertThat(fit.baseline().get(0))
                .extracting(FitResult.BaselinePiece::from, FitResult.BaselinePiece::to)
                .containsExactly(0.0, 28.0);
        assertThat(fit.baseline().get(1))
                .extracting(FitResult.BaselinePiece::period, FitResult.BaselinePiece::from, FitResult.BaselinePiece::to)
                .containsExactly(2, 28.0, 60.0);
        assertThat(fit.concordance()).isNull();
        assertThat(fit.phTest()).isNull();
        // z and p use the robust SE
        FitResult.Coefficient x1 = fit.coefficient("x1");
        assertThat(x1.z()).isCloseTo(x1.estimate() / x1.robustStdError(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void constantAndCollinearColumnsAreNullWithWarningsLikeRsNa() {
        FitResult fit = PiecewiseExponentialModel.fit(
                PANEL, options(List.of("x1", "x2", "z", "w", "const", "x1dup"), 1, null, List.of(28.0), List.of()));

        assertMatches(SIM, "pce1", fit, false);
        assertThat(fit.coefficient("const").estimate()).isNull();
        assertThat(fit.coefficient("x1dup").estimate()).isNull();
        assertThat(fit.warnings()).anyMatch(w -> w.startsWith("const:")).anyMatch(w -> w.startsWith("x1dup:"));
        assertThat((double) fit.events()).isEqualTo(SIM.get("panel.events.1"));
    }

    @Test
    void veteranSplitAtThreeBreaksMatchesR() {
        FitResult fit = PiecewiseExponentialModel.fit(
                VETERAN,
                options(
                        List.of("karno", "age", "trt", "prior", "diagtime"),
                        null,
                        "id",
                        List.of(90.0, 180.0, 365.0),
                        List.of("karno")));

        assertMatches(VET, "vpce", fit, true);
        assertThat(fit.baseline()).hasSize(4);
        for (int k = 1; k <= 4; k++) {
            VET.assertClose("vpce.baseline." + k, fit.baseline().get(k - 1).logHazard());
        }
        assertThat(fit.baseline().get(3).to()).isEqualTo(VET.get("vpce.maxstop"));
        assertThat(fit.n()).isEqualTo(137);
    }

    @Test
    void warmStartLandsOnTheSameEstimates() {
        FitOptions cold = options(List.of("x1", "x2", "z", "w"), null, null, List.of(28.0), List.of("z", "w"));
        FitResult first = PiecewiseExponentialModel.fit(PANEL, cold);
        Map<String, Double> previous = new HashMap<>();
        first.coefficients().forEach(c -> previous.put(c.term(), c.estimate() * 0.9));

        FitResult warm = PiecewiseExponentialModel.fit(PANEL, cold.withInitialEstimates(previous));

        for (FitResult.Coefficient c : warm.coefficients()) {
            assertThat(c.estimate())
                    .isCloseTo(
                            first.coefficient(c.term()).estimate(),
                            org.assertj.core.data.Offset.offset(1e-6 * Math.abs(c.estimate())));
        }
    }

    @Test
    void periodSpecificCovariateMustBeACovariate() {
        assertThatThrownBy(() -> PiecewiseExponentialModel.fit(
                        PANEL, options(List.of("x1"), null, null, List.of(28.0), List.of("z"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--period-specific")
                .hasMessageContaining("'z'");
    }

    @Test
    void breaksMustIncrease() {
        assertThatThrownBy(() -> PiecewiseExponentialModel.fit(
                        PANEL, options(List.of("x1"), null, null, List.of(28.0, 10.0), List.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--breaks");
    }

    @Test
    void missingCovariateColumnIsNamed() {
        assertThatThrownBy(() -> PiecewiseExponentialModel.fit(
                        PANEL, options(List.of("x1", "nope"), null, null, List.of(28.0), List.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'nope'");
    }

    /**
     * Hand-worked splitting: rows (0, 5] event, (0, 12] censored, (3, 15] event, (0, 4] censored, breaks 4 and 10.
     * Exposure per period: (0, 4]: 4 + 4 + 1 + 4 = 13; (4, 10]: 1 + 6 + 6 = 13; (10, 15]: 2 + 5 = 7. The events fall
     * in periods 2 and 3. Without covariates the MLE is log(events / exposure) per period; period 1 has none, so its
     * estimate runs off to minus infinity and the fit says so (R: a large negative estimate, "fitted rates
     * numerically 0 occurred").
     */
    @Test
    void baselinesAreTheCrudeLogRatesOfTheSplitExposure() {
        DataTable table = DataTable.parse(
                new java.io.StringReader("id,start,stop,event,x\n1,0,5,1,0\n2,0,12,0,1\n3,3,15,1,0\n4,0,4,0,0\n"),
                "hand.csv");
        FitResult fit =
                PiecewiseExponentialModel.fit(table, options(List.of("x"), null, null, List.of(4.0, 10.0), List.of()));

        FitResult rates =
                PiecewiseExponentialModel.fit(table, options(List.of(), null, null, List.of(4.0, 10.0), List.of()));
        assertThat(rates.baseline()).extracting(FitResult.BaselinePiece::period).containsExactly(1, 2, 3);
        assertThat(rates.baseline().get(0).logHazard()).isLessThan(-15);
        assertThat(rates.baseline().get(1).logHazard())
                .isCloseTo(Math.log(1.0 / (1 + 6 + 6)), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(rates.baseline().get(2).logHazard())
                .isCloseTo(Math.log(1.0 / (2 + 5)), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(rates.baseline().get(2).to()).isEqualTo(15.0);
        assertThat(rates.tests()).isNull();
        assertThat(rates.n()).isEqualTo(4);
        assertThat(rates.events()).isEqualTo(2);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("numerically 0"));
    }
}
