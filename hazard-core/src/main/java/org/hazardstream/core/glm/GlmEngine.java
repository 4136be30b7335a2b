package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.fit.FitInterruptedException;

/**
 * Iteratively reweighted least squares, following R's glm.fit step for step (same starting means, same
 * weighted QR with limited pivoting, same deviance-based stopping rule, same step halving), so that a fit
 * started as R starts lands on R's numbers, standard errors included (R takes them from the QR of the last
 * step, whose weights are those of the next-to-last means).
 */
public final class GlmEngine {

    private GlmEngine() {}

    /**
     * Fits from the warm start when there is one; a warm start from which IRLS diverges (say, the previous panel's
     * estimates on data that moved a lot) is dropped for R's own start, with a warning, rather than failing the fit.
     */
    public static GlmFit fit(GlmData data, GlmFamily family, GlmSettings settings) {
        if (settings.initialEstimates() == null) {
            return fitFrom(data, family, settings);
        }
        try {
            return fitFrom(data, family, settings);
        } catch (ArithmeticException diverged) {
            GlmFit cold = fitFrom(data, family, settings.withInitialEstimates(null));
            List<String> warnings = new ArrayList<>(cold.warnings());
            warnings.add(
                    0,
                    "IRLS diverged from the initial estimates (" + diverged.getMessage()
                            + "); refitted from the default start");
            return cold.withWarnings(warnings);
        }
    }

    private static GlmFit fitFrom(GlmData data, GlmFamily family, GlmSettings settings) {
        int n = data.rows();
        int p = data.terms().size();
        double[] y = data.y();
        List<String> warnings = new ArrayList<>();

        double[] start = new double[p];
        double[] coefOld = null;
        double[] eta = new double[n];
        double[] mu = new double[n];
        if (settings.initialEstimates() != null) {
            if (settings.initialEstimates().length != p) {
                throw new IllegalArgumentException(
                        "initial estimates: " + settings.initialEstimates().length + " values for " + p + " terms");
            }
            for (int j = 0; j < p; j++) {
                double v = settings.initialEstimates()[j];
                start[j] = Double.isFinite(v) ? v : 0;
            }
            coefOld = start.clone();
            linearPredictor(data, start, eta);
        } else {
            for (int i = 0; i < n; i++) {
                eta[i] = family.link(family.startingMean(y[i], data.weight(i)));
            }
        }
        for (int i = 0; i < n; i++) {
            mu[i] = family.linkInverse(eta[i]);
        }
        double devOld = deviance(data, family, mu);

        boolean converged = false;
        boolean boundary = false;
        int iterations = 0;
        WeightedLeastSquares.Solution last = null;
        double[] workingWeights = new double[n];
        double dev = devOld;
        // scratch for the weighted model matrix and response, reused by every step (large data: no churn)
        double[][] wx = new double[p][n];
        double[] wz = new double[n];
        double[] sqrtW = new double[n];
        int[] good = new int[n];
        double[] muEta = new double[n];
        for (int iter = 1; iter <= settings.maxIterations(); iter++) {
            FitInterruptedException.throwIfInterrupted();
            iterations = iter;
            int goodCount = 0;
            for (int i = 0; i < n; i++) {
                muEta[i] = family.muEta(eta[i]);
                if (data.weight(i) > 0 && muEta[i] != 0) {
                    good[goodCount++] = i;
                }
            }
            if (goodCount == 0) {
                warnings.add("no observations informative at iteration " + iter);
                break;
            }
            for (int g = 0; g < goodCount; g++) {
                int i = good[g];
                double z = (eta[i] - data.offset(i)) + (y[i] - mu[i]) / muEta[i];
                double w = Math.sqrt(data.weight(i) * muEta[i] * muEta[i] / family.variance(mu[i]));
                sqrtW[g] = w;
                wz[g] = z * w;
                for (int j = 0; j < p; j++) {
                    wx[j][g] = data.columns()[j][i] * w;
                }
            }
            WeightedLeastSquares.Solution solution =
                    WeightedLeastSquares.solveInPlace(wx, wz, goodCount, settings.rankTolerance());
            boolean finite = true;
            for (double b : solution.coefficients()) {
                finite &= Double.isFinite(b);
            }
            if (!finite) {
                warnings.add("non-finite coefficients at iteration " + iter);
                break;
            }
            last = solution;
            java.util.Arrays.fill(workingWeights, 0);
            for (int g = 0; g < goodCount; g++) {
                workingWeights[good[g]] = sqrtW[g] * sqrtW[g];
            }
            start = solution.coefficients().clone();
            update(data, family, start, eta, mu);
            dev = deviance(data, family, mu);
            if (!Double.isFinite(dev) || !allValid(family, mu)) {
                if (coefOld == null) {
                    throw new ArithmeticException(
                            "no valid set of coefficients has been found: please supply starting values");
                }
                warnings.add("step size truncated due to divergence");
                for (int halving = 0; !Double.isFinite(dev) || !allValid(family, mu); halving++) {
                    if (halving >= settings.maxIterations()) {
                        throw new ArithmeticException("inner loop; cannot correct step size");
                    }
                    for (int j = 0; j < p; j++) {
                        start[j] = (start[j] + coefOld[j]) / 2;
                    }
                    update(data, family, start, eta, mu);
                    dev = deviance(data, family, mu);
                }
                boundary = true;
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < settings.epsilon()) {
                converged = true;
                break;
            }
            devOld = dev;
            coefOld = start.clone();
        }
        if (last == null) {
            throw new ArithmeticException("IRLS found no solution");
        }
        if (!converged) {
            warnings.add("IRLS did not converge in " + iterations + " iterations");
        }
        if (boundary) {
            warnings.add("IRLS stopped at a boundary value");
        }
        double eps = 10 * GlmFamily.DOUBLE_EPS;
        if (family == GlmFamily.BINOMIAL_LOGIT) {
            for (double m : mu) {
                if (m > 1 - eps || m < eps) {
                    warnings.add("fitted probabilities numerically 0 or 1 occurred: the data may be separated "
                            + "(monotone likelihood, an infinite estimate); --firth gives finite estimates");
                    break;
                }
            }
        } else {
            for (double m : mu) {
                if (m < eps) {
                    warnings.add("fitted rates numerically 0 occurred");
                    break;
                }
            }
        }
        double[] coefficients = start.clone();
        for (int j = 0; j < p; j++) {
            if (last.aliased()[j]) {
                coefficients[j] = Double.NaN;
            }
        }
        double logLik = 0;
        for (int i = 0; i < n; i++) {
            logLik += family.logLikelihood(y[i], mu[i], data.weight(i));
        }
        double aic = -2 * logLik + 2 * last.rank();
        return new GlmFit(
                family,
                data.terms(),
                coefficients,
                last.aliased(),
                last.unscaledCovariance(),
                last.rank(),
                mu,
                eta,
                workingWeights,
                dev,
                logLik,
                aic,
                converged,
                iterations,
                warnings);
    }

    private static void linearPredictor(GlmData data, double[] beta, double[] eta) {
        int n = data.rows();
        for (int i = 0; i < n; i++) {
            eta[i] = data.offset(i);
        }
        for (int j = 0; j < beta.length; j++) {
            double b = beta[j];
            if (b == 0) {
                continue;
            }
            double[] column = data.columns()[j];
            for (int i = 0; i < n; i++) {
                eta[i] += b * column[i];
            }
        }
    }

    private static void update(GlmData data, GlmFamily family, double[] beta, double[] eta, double[] mu) {
        linearPredictor(data, beta, eta);
        for (int i = 0; i < eta.length; i++) {
            mu[i] = family.linkInverse(eta[i]);
        }
    }

    private static double deviance(GlmData data, GlmFamily family, double[] mu) {
        double dev = 0;
        double[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            dev += family.devianceResidual(y[i], mu[i], data.weight(i));
        }
        return dev;
    }

    private static boolean allValid(GlmFamily family, double[] mu) {
        for (double m : mu) {
            if (!family.validMean(m)) {
                return false;
            }
        }
        return true;
    }
}
