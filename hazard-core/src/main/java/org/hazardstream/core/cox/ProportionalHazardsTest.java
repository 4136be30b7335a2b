package org.hazardstream.core.cox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.hazardstream.core.fit.FitResult;

/**
 * R's {@code cox.zph(fit)} with its defaults (survival >= 3.0: transform "km", terms, global test), on (start, stop]
 * data. The time transform is g(t) = 1 - S(t-), S the unweighted Kaplan-Meier over all rows ignoring strata, centred
 * by its mean over the event rows. The test is the score test, at the fitted beta, of adding x * g(t) for each term:
 * with U2 = sum over events of w g(t)(x - xbar(t)) and the 2p x 2p information [[I, I_g], [I_g, I_gg]] built from the
 * same Breslow/Efron sums as the fit (I_g and I_gg weight each event time's information by g and g^2), the statistic of
 * term j is U2_j^2 [M_j^-1]_{last,last} where M_j keeps rows and columns 1..p and p + j, and the global one is
 * (0, U2)' M^-1 (0, U2). As R (zph2 is called with method == "efron"), an exact-ties fit uses Breslow's sums.
 */
final class ProportionalHazardsTest {

    private ProportionalHazardsTest() {}

    static FitResult.PhTest compute(
            CoxData data, CoxProblem problem, double[] scaledBeta, boolean[] kept, boolean efron, List<String> terms) {
        int p = problem.vars;
        double[] g = kmTransform(data);
        // mean of g over the event rows (unweighted, as R)
        double sum = 0;
        int events = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.event()[i]) {
                sum += g[i];
                events++;
            }
        }
        double mean = sum / events;
        int[] keptIndex = indices(kept);
        int m = keptIndex.length;
        double[] u2 = new double[m];
        double[][] imat = new double[2 * m][2 * m];
        CountingProcessLikelihood likelihood = new CountingProcessLikelihood(problem, efron);
        likelihood.evaluate(scaledBeta, false, (firstEvent, du, di) -> {
            double gt = g[problem.dataRow[firstEvent]] - mean;
            for (int a = 0; a < m; a++) {
                int ia = keptIndex[a];
                u2[a] += gt * du[ia];
                for (int b = 0; b <= a; b++) {
                    int ib = keptIndex[b];
                    double v = di[Math.max(ia, ib) * p + Math.min(ia, ib)];
                    imat[a][b] += v;
                    imat[a][m + b] += gt * v;
                    imat[m + a][m + b] += gt * gt * v;
                }
            }
        });
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                imat[b][a] = imat[a][b];
                imat[m + b][m + a] = imat[m + a][m + b];
                imat[b][m + a] = imat[a][m + b];
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                imat[m + b][a] = imat[a][m + b];
            }
        }
        List<FitResult.PhTerm> out = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            int[] kk = new int[m + 1];
            for (int b = 0; b < m; b++) {
                kk[b] = b;
            }
            kk[m] = m + a;
            RealMatrix sub = new Array2DRowRealMatrix(m + 1, m + 1);
            for (int r = 0; r <= m; r++) {
                for (int c = 0; c <= m; c++) {
                    sub.setEntry(r, c, imat[kk[r]][kk[c]]);
                }
            }
            RealVector rhs = new ArrayRealVector(m + 1);
            rhs.setEntry(m, u2[a]);
            double chisq = new LUDecomposition(sub).getSolver().solve(rhs).dotProduct(rhs);
            out.add(new FitResult.PhTerm(terms.get(keptIndex[a]), chisq, 1, CoxStatistics.chiSquareUpper(chisq, 1)));
        }
        RealVector rhs = new ArrayRealVector(2 * m);
        for (int a = 0; a < m; a++) {
            rhs.setEntry(m + a, u2[a]);
        }
        double global = new LUDecomposition(new Array2DRowRealMatrix(imat, false))
                .getSolver()
                .solve(rhs)
                .dotProduct(rhs);
        return new FitResult.PhTest(
                "km", out, new FitResult.ChiSquare(global, m, CoxStatistics.chiSquareUpper(global, m)));
    }

    private static int[] indices(boolean[] kept) {
        return java.util.stream.IntStream.range(0, kept.length)
                .filter(i -> kept[i])
                .toArray();
    }

    /**
     * 1 - S(t-) at each row's stop time, S the Kaplan-Meier estimate of all rows (unweighted, strata ignored; R:
     * survfitKM(factor(rep(1, n)), y)), with n(t) = #{start < t <= stop} and d(t) = #{events at t}.
     */
    static double[] kmTransform(CoxData data) {
        int n = data.rows();
        double[] starts = data.start().clone();
        double[] stops = data.stop().clone();
        Arrays.sort(starts);
        Arrays.sort(stops);
        int events = 0;
        for (boolean e : data.event()) {
            if (e) {
                events++;
            }
        }
        double[] eventTimes = new double[events];
        for (int i = 0, k = 0; i < n; i++) {
            if (data.event()[i]) {
                eventTimes[k++] = data.stop()[i];
            }
        }
        Arrays.sort(eventTimes);
        // distinct event times and S just after each
        double[] times = new double[events];
        double[] survAfter = new double[events];
        int distinct = 0;
        double s = 1;
        for (int i = 0; i < events; ) {
            double t = eventTimes[i];
            int j = i;
            while (j < events && eventTimes[j] == t) {
                j++;
            }
            int deaths = j - i;
            // at risk: stop >= t minus start >= t
            int atRisk = (n - countBelow(stops, t)) - (n - countBelow(starts, t));
            s *= 1.0 - (double) deaths / atRisk;
            times[distinct] = t;
            survAfter[distinct] = s;
            distinct++;
            i = j;
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            // event times strictly before this row's stop
            int before = countBelow(times, data.stop()[i], distinct);
            g[i] = 1.0 - (before == 0 ? 1.0 : survAfter[before - 1]);
        }
        return g;
    }

    private static int countBelow(double[] sorted, double v) {
        return countBelow(sorted, v, sorted.length);
    }

    /** Number of the first {@code len} elements of sorted that are < v. */
    private static int countBelow(double[] sorted, double v, int len) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
