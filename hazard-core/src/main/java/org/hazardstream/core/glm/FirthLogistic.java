package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hazardstream.core.fit.FitInterruptedException;

/**
 * Firth's penalised logistic regression: maximises l(beta) + 1/2 log det I(beta), which keeps estimates finite
 * under separation. Newton steps on the modified score U*(beta) = X'(y - pi + h (1/2 - pi)), h the diagonal of
 * the hat matrix W^1/2 X I^-1 X' W^1/2, with the step capped at 5 and halved while the penalised likelihood falls
 * (the algorithm of R's logistf). Standard errors from I(beta)^-1, as logistf; the log likelihood reported is the
 * penalised one, as logistf's {@code loglik}. Collinear columns are found first, by the pivoted QR of X, and
 * left out.
 */
final class FirthLogistic {

    private static final int MAX_ITERATIONS = 100;
    private static final double MAX_STEP = 5;
    private static final double CONVERGENCE = 1e-10;

    private FirthLogistic() {}

    static GlmFit fit(GlmData data, double[] initial) {
        int n = data.rows();
        int p = data.terms().size();
        WeightedLeastSquares.Solution qr = WeightedLeastSquares.solve(data.columns(), data.y(), 1e-11);
        int[] kept = new int[qr.rank()];
        for (int j = 0, k = 0; j < p; j++) {
            if (!qr.aliased()[j]) {
                kept[k++] = j;
            }
        }
        int k = kept.length;
        double[][] x = new double[k][];
        for (int c = 0; c < k; c++) {
            x[c] = data.columns()[kept[c]];
        }
        double[] beta = new double[k];
        if (initial != null) {
            for (int c = 0; c < k; c++) {
                beta[c] = Double.isFinite(initial[kept[c]]) ? initial[kept[c]] : 0;
            }
        }
        List<String> warnings = new ArrayList<>();
        State state = evaluate(data, x, beta);
        boolean converged = false;
        int iterations = 0;
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            FitInterruptedException.throwIfInterrupted();
            iterations = iter;
            double[] delta = state.inverse.operate(state.modifiedScore);
            double maxAbs = 0;
            for (double d : delta) {
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            if (maxAbs > MAX_STEP) {
                for (int c = 0; c < k; c++) {
                    delta[c] *= MAX_STEP / maxAbs;
                }
            }
            double[] next = new double[k];
            for (int c = 0; c < k; c++) {
                next[c] = beta[c] + delta[c];
            }
            State candidate = evaluate(data, x, next);
            for (int halving = 0;
                    halving < 25
                            && !(candidate.penalisedLogLik
                                    >= state.penalisedLogLik - 1e-12 * Math.abs(state.penalisedLogLik));
                    halving++) {
                for (int c = 0; c < k; c++) {
                    delta[c] /= 2;
                    next[c] = beta[c] + delta[c];
                }
                candidate = evaluate(data, x, next);
            }
            beta = next;
            state = candidate;
            double maxScore = 0;
            for (double u : state.modifiedScore) {
                maxScore = Math.max(maxScore, Math.abs(u));
            }
            if (maxAbs < CONVERGENCE || maxScore < CONVERGENCE) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            warnings.add("Firth iterations did not converge in " + iterations + " iterations");
        }
        double[] coefficients = new double[p];
        double[][] covariance = new double[p][p];
        java.util.Arrays.fill(coefficients, Double.NaN);
        for (double[] row : covariance) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int a = 0; a < k; a++) {
            coefficients[kept[a]] = beta[a];
            for (int b = 0; b < k; b++) {
                covariance[kept[a]][kept[b]] = state.inverse.getEntry(a, b);
            }
        }
        double[] working = new double[n];
        for (int i = 0; i < n; i++) {
            working[i] = data.weight(i) * state.mu[i] * (1 - state.mu[i]);
        }
        return new GlmFit(
                GlmFamily.BINOMIAL_LOGIT,
                data.terms(),
                coefficients,
                qr.aliased(),
                covariance,
                k,
                state.mu,
                state.eta,
                working,
                -2 * state.logLik,
                state.penalisedLogLik,
                -2 * state.penalisedLogLik + 2 * k,
                converged,
                iterations,
                warnings);
    }

    private record State(
            double[] eta,
            double[] mu,
            double logLik,
            double penalisedLogLik,
            RealMatrix inverse,
            double[] modifiedScore) {}

    private static State evaluate(GlmData data, double[][] x, double[] beta) {
        int n = data.rows();
        int k = beta.length;
        double[] eta = new double[n];
        double[] mu = new double[n];
        double logLik = 0;
        double[][] info = new double[k][k];
        for (int i = 0; i < n; i++) {
            double e = 0;
            for (int c = 0; c < k; c++) {
                e += x[c][i] * beta[c];
            }
            eta[i] = e;
            double m = 1 / (1 + Math.exp(-e));
            mu[i] = m;
            double w = data.weight(i);
            double y = data.y()[i];
            // log(pi) = -log1p(exp(-eta)), log(1 - pi) = -log1p(exp(eta)): stable far from 0
            logLik += w * (y * -Math.log1p(Math.exp(-e)) + (1 - y) * -Math.log1p(Math.exp(e)));
            double v = w * m * (1 - m);
            for (int a = 0; a < k; a++) {
                double xa = x[a][i] * v;
                for (int b = 0; b <= a; b++) {
                    info[a][b] += xa * x[b][i];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                info[b][a] = info[a][b];
            }
        }
        CholeskyDecomposition cholesky;
        try {
            cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(info, false), 1e-300, 1e-300);
        } catch (RuntimeException e) {
            throw new ArithmeticException("Firth: information matrix is not positive definite");
        }
        double logDet = 0;
        RealMatrix l = cholesky.getL();
        for (int a = 0; a < k; a++) {
            logDet += 2 * Math.log(l.getEntry(a, a));
        }
        RealMatrix inverse = cholesky.getSolver().getInverse();
        double[] score = new double[k];
        double[] xi = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                xi[c] = x[c][i];
            }
            double quad = 0;
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += inverse.getEntry(a, b) * xi[b];
                }
                quad += xi[a] * s;
            }
            double w = data.weight(i);
            double v = w * mu[i] * (1 - mu[i]);
            double h = v * quad;
            double r = w * (data.y()[i] - mu[i]) + h * (0.5 - mu[i]);
            for (int c = 0; c < k; c++) {
                score[c] += xi[c] * r;
            }
        }
        return new State(eta, mu, logLik, logLik + 0.5 * logDet, inverse, score);
    }
}
