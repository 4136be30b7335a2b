package org.hazardstream.core.cox;

/**
 * The Breslow or Efron partial likelihood of (start, stop] data with strata and case weights, computed as R survival's
 * agfit4 does: one pass down the stop times (descending) adds rows to the risk-set sums, a second pointer down the
 * start times removes the rows whose start is at or after the current event time. Each row enters and leaves once,
 * so one evaluation costs O(n p^2) (O(n p^3) with the third-derivative sums needed by Firth's penalty).
 *
 * <p>Efron's approximation at a time with d tied events (weights w_j, mean weight m) uses the denominators
 * D_k = R + (k/d) R_d, k = 1..d (R: the sum of w exp(eta) of the others at risk, R_d that of the tied events),
 * log-likelihood sum_j w_j eta_j - m sum_k log D_k; Breslow uses D = R + R_d for all of them.
 */
final class CountingProcessLikelihood implements PartialLikelihood {

    private final CoxProblem problem;
    private final boolean efron;

    CountingProcessLikelihood(CoxProblem problem, boolean efron) {
        this.problem = problem;
        this.efron = efron;
    }

    /** Told the share of each event time in the score and the information (used by the cox.zph test). */
    interface EventTimeListener {
        /**
         * @param firstEvent position (stop order) of the first event row at this time
         * @param score      this time's share of the score (p)
         * @param info       this time's share of the information (p x p, lower triangle filled)
         */
        void onEventTime(int firstEvent, double[] score, double[] info);
    }

    @Override
    public Evaluation evaluate(double[] beta, boolean withThird) {
        return evaluate(beta, withThird, null);
    }

    Evaluation evaluate(double[] beta, boolean withThird, EventTimeListener listener) {
        final CoxProblem d = problem;
        final int p = d.vars;
        final int n = d.rows;
        final double[] x = d.x;
        final double[] eta = linearPredictor(x, beta, n, p);
        // the same in start order, so that the removal sweep reads memory sequentially (it matters at 1e6 rows)
        final double[] xs = d.xByStart;
        final double[] etaByStart = linearPredictor(xs, beta, n, p);
        double[] u = new double[p];
        double[] imat = new double[p * p]; // lower triangle accumulated, mirrored at the end
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[] cmat = new double[p * p];
        double[] cmat2 = new double[p * p];
        int p3 = p * p * p;
        double[] s3 = withThird ? new double[p3] : null;
        double[] s3d = withThird ? new double[p3] : null;
        double[] dInfo = withThird ? new double[p3] : null;
        double newlk = 0;
        double recenter = 0;
        double[] uBefore = listener == null ? null : new double[p];
        double[] iBefore = listener == null ? null : new double[p * p];

        for (int g = 0; g < d.strataCount(); g++) {
            final int from = d.strataBounds[g];
            final int to = d.strataBounds[g + 1];
            double denom = 0;
            int nrisk = 0;
            double etasum = 0;
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(cmat, 0);
            if (withThird) {
                java.util.Arrays.fill(s3, 0);
            }
            int person = from;
            int indx1 = from;
            while (person < to) {
                int k = d.nextEvent(person, to);
                if (k == to) {
                    break;
                }
                final double dtime = d.stop[k];
                if (listener != null) {
                    System.arraycopy(u, 0, uBefore, 0, p);
                    System.arraycopy(imat, 0, iBefore, 0, p * p);
                }

                // rows whose interval starts at or after dtime have left the risk set
                for (; indx1 < to; indx1++) {
                    if (d.startByStart[indx1] < dtime) {
                        break;
                    }
                    nrisk--;
                    if (nrisk == 0) {
                        etasum = 0;
                        denom = 0;
                        java.util.Arrays.fill(a, 0);
                        java.util.Arrays.fill(cmat, 0);
                        if (withThird) {
                            java.util.Arrays.fill(s3, 0);
                        }
                    } else {
                        etasum -= etaByStart[indx1];
                        double risk = Math.exp(etaByStart[indx1] - recenter) * d.weightByStart[indx1];
                        denom -= risk;
                        accumulate(a, cmat, s3, xs, indx1 * p, p, -risk);
                    }
                }

                // rows with stop >= dtime join; the events at dtime are kept apart for the tie correction
                double denom2 = 0;
                double meanwt = 0;
                int deaths = 0;
                java.util.Arrays.fill(a2, 0);
                java.util.Arrays.fill(cmat2, 0);
                if (withThird) {
                    java.util.Arrays.fill(s3d, 0);
                }
                int joinFrom = person;
                for (; person < to && d.stop[person] >= dtime; person++) {
                    nrisk++;
                    etasum += eta[person];
                }
                // Keep exp() away from overflow, as agfit4: re-centre when the mean eta drifts by > 200, and only here,
                // between time points: a shift among the rows of one time would leave the tied events' sums and
                // their log-likelihood terms on two different centres.
                if (nrisk > 0 && Math.abs(etasum / nrisk - recenter) > 200) {
                    double shift = etasum / nrisk - recenter;
                    recenter = etasum / nrisk;
                    if (denom > 0) {
                        double f = Math.exp(-shift);
                        denom *= f;
                        scaleAll(a, cmat, s3, f);
                    }
                }
                for (int row = joinFrom; row < person; row++) {
                    double w = d.weight[row];
                    double risk = Math.exp(eta[row] - recenter) * w;
                    if (d.event[row]) {
                        deaths++;
                        denom2 += risk;
                        meanwt += w;
                        newlk += w * (eta[row] - recenter);
                        int base = row * p;
                        for (int i = 0; i < p; i++) {
                            u[i] += w * x[base + i];
                        }
                        accumulate(a2, cmat2, s3d, x, base, p, risk);
                    } else {
                        denom += risk;
                        accumulate(a, cmat, s3, x, row * p, p, risk);
                    }
                }

                if (!efron || deaths == 1) {
                    denom += denom2;
                    newlk -= meanwt * Math.log(denom);
                    addInto(a, a2, cmat, cmat2, s3, s3d, p, 1.0);
                    addTerm(u, imat, dInfo, a, cmat, s3, denom, meanwt, p);
                } else {
                    double mw = meanwt / deaths;
                    double frac = 1.0 / deaths;
                    for (int kk = 0; kk < deaths; kk++) {
                        denom += denom2 * frac;
                        newlk -= mw * Math.log(denom);
                        addInto(a, a2, cmat, cmat2, s3, s3d, p, frac);
                        addTerm(u, imat, dInfo, a, cmat, s3, denom, mw, p);
                    }
                }
                if (listener != null) {
                    for (int i = 0; i < p; i++) {
                        uBefore[i] = u[i] - uBefore[i];
                    }
                    for (int i = 0; i < p * p; i++) {
                        iBefore[i] = imat[i] - iBefore[i];
                    }
                    listener.onEventTime(k, uBefore, iBefore);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                imat[j * p + i] = imat[i * p + j];
            }
        }
        return new Evaluation(newlk, u, imat, dInfo);
    }

    private static double[] linearPredictor(double[] x, double[] beta, int n, int p) {
        double[] eta = new double[n];
        for (int k = 0; k < n; k++) {
            double z = 0;
            int base = k * p;
            for (int j = 0; j < p; j++) {
                z += beta[j] * x[base + j];
            }
            eta[k] = z;
        }
        return eta;
    }

    /** a += r x, cmat(lower) += r x x', s3 += r x x x' (when kept). */
    private static void accumulate(double[] a, double[] cmat, double[] s3, double[] x, int base, int p, double r) {
        for (int i = 0; i < p; i++) {
            double xi = x[base + i];
            double rxi = r * xi;
            a[i] += rxi;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
                cmat[row + j] += rxi * x[base + j];
            }
        }
        if (s3 != null) {
            for (int i = 0; i < p; i++) {
                double rxi = r * x[base + i];
                for (int j = 0; j < p; j++) {
                    double rxij = rxi * x[base + j];
                    int off = (i * p + j) * p;
                    for (int k = 0; k < p; k++) {
                        s3[off + k] += rxij * x[base + k];
                    }
                }
            }
        }
    }

    private static void scaleAll(double[] a, double[] cmat, double[] s3, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
        for (int i = 0; i < cmat.length; i++) {
            cmat[i] *= f;
        }
        if (s3 != null) {
            for (int i = 0; i < s3.length; i++) {
                s3[i] *= f;
            }
        }
    }

    private static void addInto(
            double[] a, double[] a2, double[] cmat, double[] cmat2, double[] s3, double[] s3d, int p, double f) {
        for (int i = 0; i < p; i++) {
            a[i] += a2[i] * f;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
                cmat[row + j] += cmat2[row + j] * f;
            }
        }
        if (s3 != null) {
            for (int i = 0; i < s3.length; i++) {
                s3[i] += s3d[i] * f;
            }
        }
    }

    /**
     * One denominator's share of the score, information and (for Firth) the information's derivative:
     * with S0 = denom, S1 = a, S2 = cmat, S3 = s3 and weight m,
     * u -= m S1/S0; I += m (S2/S0 - S1 S1'/S0^2);
     * dI_ab/dbeta_r += m (S3_abr/S0 - S2_ab S1_r/S0^2 - (S2_ar S1_b + S1_a S2_br)/S0^2 + 2 S1_a S1_b S1_r/S0^3).
     */
    private static void addTerm(
            double[] u,
            double[] imat,
            double[] dInfo,
            double[] a,
            double[] cmat,
            double[] s3,
            double denom,
            double m,
            int p) {
        for (int i = 0; i < p; i++) {
            double ai = a[i] / denom;
            u[i] -= m * ai;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
                imat[row + j] += m * ((cmat[row + j] - ai * a[j]) / denom);
            }
        }
        if (dInfo != null) {
            double d2 = denom * denom;
            double d3 = d2 * denom;
            for (int r = 0; r < p; r++) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        double s2ij = cmat[Math.max(i, j) * p + Math.min(i, j)];
                        double s2ir = cmat[Math.max(i, r) * p + Math.min(i, r)];
                        double s2jr = cmat[Math.max(j, r) * p + Math.min(j, r)];
                        double v = s3[(i * p + j) * p + r] / denom
                                - s2ij * a[r] / d2
                                - (s2ir * a[j] + a[i] * s2jr) / d2
                                + 2 * a[i] * a[j] * a[r] / d3;
                        dInfo[(r * p + i) * p + j] += m * v;
                    }
                }
            }
        }
    }
}
