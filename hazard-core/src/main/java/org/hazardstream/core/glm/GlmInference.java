package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Robust variance, Wald and score statistics and p-values for a fitted GLM, each computed as R computes it. */
public final class GlmInference {

    private GlmInference() {}

    /**
     * Cluster-robust sandwich variance: bread x meat x bread with bread = (X'WX)^-1 and meat the sum over
     * clusters of the outer products of the summed score contributions x_i (y_i - mu_i) (R's estfun.glm:
     * working residual x working weight x x_i). No finite-sample factor: R's
     * {@code sandwich::vcovCL(fit, cluster = ~id, type = "HC0", cadjust = FALSE)}, the convention of
     * survival's coxph robust variance (sum of clustered dfbeta outer products).
     */
    public static double[][] robustCovariance(GlmData data, GlmFit fit, int[] cluster, int clusterCount) {
        int p = fit.terms().size();
        double[][] scores = new double[clusterCount][p];
        for (int i = 0; i < data.rows(); i++) {
            double w = fit.workingWeights()[i];
            if (w == 0) {
                continue;
            }
            double u = fit.workingResidual(data, i) * w;
            double[] sum = scores[cluster[i]];
            for (int j = 0; j < p; j++) {
                if (!fit.aliased()[j]) {
                    sum[j] += data.columns()[j][i] * u;
                }
            }
        }
        double[][] bread = fit.unscaledCovariance();
        // D_c = bread * U_c (only estimated terms), robust = sum D_c D_c'
        double[][] robust = new double[p][p];
        double[] d = new double[p];
        for (double[] u : scores) {
            for (int a = 0; a < p; a++) {
                if (fit.aliased()[a]) {
                    continue;
                }
                double s = 0;
                for (int b = 0; b < p; b++) {
                    if (!fit.aliased()[b]) {
                        s += bread[a][b] * u[b];
                    }
                }
                d[a] = s;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (!fit.aliased()[a] && !fit.aliased()[b]) {
                        robust[a][b] += d[a] * d[b];
                    }
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (fit.aliased()[a] || fit.aliased()[b]) {
                    robust[a][b] = Double.NaN;
                }
            }
        }
        return robust;
    }

    /**
     * Rao's score statistic for adding the columns of the full model to a nested null model, as R's
     * {@code anova(nullFit, fullFit, test = "Rao")}: the weighted regression of the null fit's working
     * residuals on the full model matrix with the null fit's working weights, null minus residual sum of squares
     * (around the weighted mean when the model has an intercept, around 0 when it has none).
     */
    public static double scoreStatistic(GlmData full, GlmFit nullFit, GlmData nullData, boolean intercept) {
        int n = full.rows();
        int p = full.terms().size();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (nullFit.workingWeights()[i] > 0) {
                rows.add(i);
            }
        }
        int m = rows.size();
        double[][] wx = new double[p][m];
        double[] wr = new double[m];
        double sumW = 0;
        double sumWr = 0;
        for (int g = 0; g < m; g++) {
            int i = rows.get(g);
            double w = nullFit.workingWeights()[i];
            double r = nullFit.workingResidual(nullData, i);
            double sw = Math.sqrt(w);
            wr[g] = sw * r;
            sumW += w;
            sumWr += w * r;
            for (int j = 0; j < p; j++) {
                wx[j][g] = full.columns()[j][i] * sw;
            }
        }
        WeightedLeastSquares.Solution ls = WeightedLeastSquares.solve(wx, wr, 1e-11);
        double residualSs = 0;
        double totalSs = 0;
        double mean = sumWr / sumW;
        for (int g = 0; g < m; g++) {
            double fitted = 0;
            for (int j = 0; j < p; j++) {
                if (!ls.aliased()[j]) {
                    fitted += wx[j][g] * ls.coefficients()[j];
                }
            }
            double res = wr[g] - fitted;
            residualSs += res * res;
            double centred = intercept ? wr[g] - Math.sqrt(nullFit.workingWeights()[rows.get(g)]) * mean : wr[g];
            totalSs += centred * centred;
        }
        return totalSs - residualSs;
    }

    /** beta' V^-1 beta over the given terms (R: t(b) %*% solve(V[idx, idx]) %*% b); a generalised inverse if V is singular. */
    public static double waldStatistic(double[] beta, double[][] covariance, int[] terms) {
        int k = terms.length;
        if (k == 0) {
            return 0;
        }
        double[][] v = new double[k][k];
        double[] b = new double[k];
        for (int a = 0; a < k; a++) {
            b[a] = beta[terms[a]];
            for (int c = 0; c < k; c++) {
                v[a][c] = covariance[terms[a]][terms[c]];
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(v, false);
        RealMatrix inverse;
        try {
            inverse = new LUDecomposition(matrix).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            // e.g. a robust variance from fewer clusters than terms: a generalised inverse, as R's coxph.wtest
            inverse = new SingularValueDecomposition(matrix).getSolver().getInverse();
        }
        double s = 0;
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                s += b[a] * inverse.getEntry(a, c) * b[c];
            }
        }
        return s;
    }

    /** Upper tail of the chi-square distribution, accurate for tiny p-values (R: pchisq(x, df, lower = FALSE)). */
    public static double chiSquareUpper(double statistic, int df) {
        if (df <= 0) {
            return Double.NaN;
        }
        if (statistic <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0);
    }

    /** Two-sided normal p-value (R: 2 * pnorm(-abs(z))). */
    public static double twoSidedNormal(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }
}
