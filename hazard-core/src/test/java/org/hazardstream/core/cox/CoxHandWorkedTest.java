package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Ties;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked micro data in the style of Therneau and Grambsch's appendix (survival's tests/book1.R):
 * times 1, 1, 6, 6, 8, 9; status 1, 0, 1, 1, 0, 1; x 1, 1, 1, 0, 0, 0; r = exp(beta).
 * <ul>
 * <li>t = 1: one event (x = 1), all six at risk: beta - log(3r + 3)</li>
 * <li>t = 6: events x = 1 and x = 0; at risk rows 3..6 (one x = 1, three x = 0), sum r + 3:
 *   Breslow beta - 2 log(r + 3); Efron beta - log(r + 3) - log((r + 3) - (r + 1)/2);
 *   exact: the 6 pairs of the risk set, 3 of them holding the x = 1 row: beta - log(3r + 3)</li>
 * <li>t = 9: one event alone in its risk set: 0</li>
 * </ul>
 */
class CoxHandWorkedTest {

    static final double[] TIME = {1, 1, 6, 6, 8, 9};
    static final boolean[] STATUS = {true, false, true, true, false, true};
    static final double[] X = {1, 1, 1, 0, 0, 0};

    static CoxData micro(double[] weights, int[] strata) {
        return new CoxData(List.of("x"), new double[6], TIME, STATUS, new double[][] {X}, weights, strata, null);
    }

    static double breslow(double b) {
        double r = Math.exp(b);
        return 2 * b - Math.log(3 * r + 3) - 2 * Math.log(r + 3);
    }

    static double efron(double b) {
        double r = Math.exp(b);
        return 2 * b - Math.log(3 * r + 3) - Math.log(r + 3) - Math.log((r + 3) - (r + 1) / 2);
    }

    static double exact(double b) {
        double r = Math.exp(b);
        return 2 * b - 2 * Math.log(3 * r + 3);
    }

    /** The log-likelihood the engine computes at beta on the original scale. */
    static double engineLogLik(CoxData data, Ties ties, double beta) {
        CoxProblem problem = new CoxProblem(data);
        PartialLikelihood lik = ties == Ties.EXACT
                ? new ExactLikelihood(problem)
                : new CountingProcessLikelihood(problem, ties == Ties.EFRON);
        return lik.evaluate(new double[] {beta / problem.scale[0]}, false).logLik();
    }

    @Test
    void logLikelihoodsAtGivenBetaEqualTheFormulas() {
        CoxData data = micro(null, null);
        for (double b : new double[] {0, 0.5, -1.3, 2}) {
            assertThat(engineLogLik(data, Ties.BRESLOW, b))
                    .as("Breslow at %s", b)
                    .isCloseTo(breslow(b), within(1e-12));
            assertThat(engineLogLik(data, Ties.EFRON, b)).as("Efron at %s", b).isCloseTo(efron(b), within(1e-12));
            assertThat(engineLogLik(data, Ties.EXACT, b)).as("exact at %s", b).isCloseTo(exact(b), within(1e-12));
        }
        // beta = 0 written out: -log 6 - 2 log 4, -log 6 - log 4 - log 3, -2 log 6
        assertThat(engineLogLik(data, Ties.BRESLOW, 0)).isCloseTo(-Math.log(6) - 2 * Math.log(4), within(1e-14));
        assertThat(engineLogLik(data, Ties.EFRON, 0))
                .isCloseTo(-Math.log(6) - Math.log(4) - Math.log(3), within(1e-14));
        assertThat(engineLogLik(data, Ties.EXACT, 0)).isCloseTo(-2 * Math.log(6), within(1e-14));
    }

    @Test
    void estimatesSolveTheHandWrittenScoreEquations() {
        // Breslow score: 2 - 3r/(3r+3) - 2r/(r+3) = 0; exact: 2 - 2 * 3r/(3r+3) = 0 has no finite root... use Efron
        BrentSolver solver = new BrentSolver(1e-14);
        double breslowRoot = solver.solve(
                200,
                b -> {
                    double r = Math.exp(b);
                    return 2 - 3 * r / (3 * r + 3) - 2 * r / (r + 3);
                },
                -5,
                5);
        double efronRoot = solver.solve(
                200,
                b -> {
                    double r = Math.exp(b);
                    return 2 - 3 * r / (3 * r + 3) - r / (r + 3) - 0.5 * r / ((r + 3) - (r + 1) / 2);
                },
                -5,
                5);
        FitResult br = CoxRegression.fit(micro(null, null), CoxSettings.of(Ties.BRESLOW, false, Map.of()));
        FitResult ef = CoxRegression.fit(micro(null, null), CoxSettings.of(Ties.EFRON, false, Map.of()));
        assertThat(br.coefficient("x").estimate()).isCloseTo(breslowRoot, within(1e-7));
        assertThat(ef.coefficient("x").estimate()).isCloseTo(efronRoot, within(1e-7));
        assertThat(br.logLikelihood()).isCloseTo(breslow(breslowRoot), within(1e-12));
        assertThat(br.nullLogLikelihood()).isCloseTo(breslow(0), within(1e-14));
        // model-based SE: 1 / sqrt(information), information = 3*3r/(3r+3)^2 + 2*3r/(r+3)^2 at the root
        double r = Math.exp(breslowRoot);
        double info = 9 * r / Math.pow(3 * r + 3, 2) + 6 * r / Math.pow(r + 3, 2);
        assertThat(br.coefficient("x").stdError()).isCloseTo(1 / Math.sqrt(info), within(1e-7));
    }

    @Test
    void exactTiesLikelihoodIsMonotoneHereAndTheFitSaysSo() {
        // exact: 2b - 2 log(3r+3) increases for ever (score 2 - 2*3r/(3r+3) > 0): the coefficient diverges
        FitResult fit = CoxRegression.fit(micro(null, null), CoxSettings.of(Ties.EXACT, false, Map.of()));
        assertThat(fit.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("x: ").contains("infinite"));
        assertThat(fit.coefficient("x").estimate()).isGreaterThan(5);
    }

    /** With Breslow's ties a weight of k is k copies of the row (Efron's correction sees more ties in the copies). */
    @Test
    void integerCaseWeightsEqualDuplicatedRows() {
        double[] w = {2, 1, 3, 1, 2, 1};
        FitResult weighted = CoxRegression.fit(micro(w, null), CoxSettings.of(Ties.BRESLOW, false, Map.of()));
        // the same data with each row repeated w times
        int n = 10;
        double[] t = new double[n];
        boolean[] s = new boolean[n];
        double[] x = new double[n];
        int k = 0;
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < w[i]; c++) {
                t[k] = TIME[i];
                s[k] = STATUS[i];
                x[k] = X[i];
                k++;
            }
        }
        FitResult repeated = CoxRegression.fit(
                new CoxData(List.of("x"), new double[n], t, s, new double[][] {x}, null, null, null),
                CoxSettings.of(Ties.BRESLOW, false, Map.of()));
        assertThat(weighted.coefficient("x").estimate())
                .isCloseTo(repeated.coefficient("x").estimate(), within(1e-9));
        assertThat(weighted.logLikelihood()).isCloseTo(repeated.logLikelihood(), within(1e-9));
        assertThat(weighted.coefficient("x").stdError())
                .isCloseTo(repeated.coefficient("x").stdError(), within(1e-9));
    }

    @Test
    void splittingAnIntervalChangesNothing() {
        // row 3 (0, 6] split into (0, 3] censored and (3, 6] with the event
        double[] start = {0, 0, 0, 3, 0, 0, 0};
        double[] stop = {1, 1, 3, 6, 6, 8, 9};
        boolean[] event = {true, false, false, true, true, false, true};
        double[] x = {1, 1, 1, 1, 0, 0, 0};
        CoxData split = new CoxData(List.of("x"), start, stop, event, new double[][] {x}, null, null, null);
        for (Ties ties : Ties.values()) {
            for (double b : new double[] {0, 0.7}) {
                assertThat(engineLogLik(split, ties, b))
                        .as(ties + " at " + b)
                        .isCloseTo(engineLogLik(micro(null, null), ties, b), within(1e-12));
            }
        }
    }

    @Test
    void strataAddTheirLogLikelihoods() {
        // stratum 0: rows 1-3, stratum 1: rows 4-6. Breslow by hand:
        // s0: t=1 (x=1) at risk rows 1..3 all x=1: b - log(3r); t=6: row 3 alone: 0
        // s1: t=6 (x=0) at risk rows 4..6 all x=0: -log 3; t=9: row 6 alone: 0
        CoxData data = micro(null, new int[] {0, 0, 0, 1, 1, 1});
        double b = 0.4;
        double expected = b - Math.log(3 * Math.exp(b)) - Math.log(3);
        assertThat(engineLogLik(data, Ties.BRESLOW, b)).isCloseTo(expected, within(1e-12));
    }
}
