package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Ties;
import org.junit.jupiter.api.Test;

/**
 * Firth's penalised partial likelihood for Cox (Heinze and Schemper 2001): maximise l(beta) + 1/2 log det I(beta).
 * R's coxphf is not available on these machines, so there is no R fixture: the tests pin the estimate to a
 * hand-derived penalised score on micro data, check the stationarity of the penalised likelihood (by numerical
 * differentiation) on real data with four covariates and Efron ties, and check finite estimates under separation.
 */
class CoxFirthTest {

    @Test
    void singleCovariateEstimateSolvesTheHandDerivedPenalisedScore() {
        // Breslow micro data of CoxHandWorkedTest: l(b) = 2b - log(3r+3) - 2 log(r+3),
        // I(b) = 9r/(3r+3)^2 + 6r/(r+3)^2; penalised l*(b) = l(b) + log(I(b))/2.
        UnivariateFunction penalised = b -> {
            double r = Math.exp(b);
            double info = 9 * r / Math.pow(3 * r + 3, 2) + 6 * r / Math.pow(r + 3, 2);
            return CoxHandWorkedTest.breslow(b) + 0.5 * Math.log(info);
        };
        double h = 1e-5;
        double root = new BrentSolver(1e-13)
                .solve(200, b -> (penalised.value(b + h) - penalised.value(b - h)) / (2 * h), -3, 5);
        FitResult fit =
                CoxRegression.fit(CoxHandWorkedTest.micro(null, null), CoxSettings.of(Ties.BRESLOW, true, Map.of()));
        assertThat(fit.converged()).isTrue();
        assertThat(fit.coefficient("x").estimate()).isCloseTo(root, within(1e-6));
        assertThat(fit.logLikelihood()).isCloseTo(penalised.value(root), within(1e-9));
        assertThat(fit.nullLogLikelihood()).isCloseTo(penalised.value(0), within(1e-12));
        // the penalty pulls the estimate towards 0 compared with the plain fit
        double plain = CoxRegression.fit(
                        CoxHandWorkedTest.micro(null, null), CoxSettings.of(Ties.BRESLOW, false, Map.of()))
                .coefficient("x")
                .estimate();
        assertThat(Math.abs(fit.coefficient("x").estimate())).isLessThan(Math.abs(plain));
    }

    @Test
    void penalisedLikelihoodIsStationaryAtTheEstimateWithSeveralCovariatesAndEfronTies() {
        DataTable t = RFixture.data("heart");
        List<String> terms = List.of("age", "year", "surgery", "transplant");
        double[][] x = new double[terms.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = t.numeric(terms.get(j));
        }
        double[] ev = t.numeric("event");
        boolean[] event = new boolean[ev.length];
        for (int i = 0; i < ev.length; i++) {
            event[i] = ev[i] > 0;
        }
        CoxData data = new CoxData(terms, t.numeric("start"), t.numeric("stop"), event, x, null, null, null);
        FitResult fit = CoxRegression.fit(data, CoxSettings.of(Ties.EFRON, true, Map.of()));
        assertThat(fit.converged()).isTrue();
        CoxProblem problem = new CoxProblem(data);
        CountingProcessLikelihood lik = new CountingProcessLikelihood(problem, true);
        int p = terms.size();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = fit.coefficients().get(j).estimate() / problem.scale[j];
        }
        java.util.function.ToDoubleFunction<double[]> penalised = b -> {
            PartialLikelihood.Evaluation e = lik.evaluate(b, false);
            return e.logLik() + 0.5 * new SymmetricLdl(e.info(), p, CoxSettings.R_TOLER_CHOL).logDeterminant();
        };
        double h = 1e-5;
        for (int j = 0; j < p; j++) {
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[j] += h;
            down[j] -= h;
            double gradient = (penalised.applyAsDouble(up) - penalised.applyAsDouble(down)) / (2 * h);
            assertThat(gradient).as("penalised score of " + terms.get(j)).isCloseTo(0, within(1e-5));
        }
        // and it is not the plain estimate
        FitResult plain = CoxRegression.fit(data, CoxSettings.of(Ties.EFRON, false, Map.of()));
        assertThat(fit.coefficient("surgery").estimate())
                .isNotCloseTo(plain.coefficient("surgery").estimate(), within(1e-4));
    }

    @Test
    void separationGivesAFiniteEstimateWithFirthAndAMonotoneWarningWithout() {
        // every event has x = 1 and happens before any x = 0 row leaves: the plain likelihood increases for ever
        double[] stop = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] event = {true, true, true, false, true, false, false, false};
        double[] x = {1, 1, 1, 1, 1, 0, 0, 0};
        CoxData data = new CoxData(List.of("x"), new double[8], stop, event, new double[][] {x}, null, null, null);
        FitResult plain = CoxRegression.fit(data, CoxSettings.of(Ties.EFRON, false, Map.of()));
        assertThat(plain.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("x: ").contains("infinite"));
        FitResult firth = CoxRegression.fit(data, CoxSettings.of(Ties.EFRON, true, Map.of()));
        assertThat(firth.converged()).isTrue();
        assertThat(firth.warnings()).isEmpty();
        assertThat(firth.coefficient("x").estimate()).isBetween(0.5, 6.0);
        assertThat(firth.coefficient("x").stdError()).isFinite();
    }
}
