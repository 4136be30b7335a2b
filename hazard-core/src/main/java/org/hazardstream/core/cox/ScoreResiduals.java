package org.hazardstream.core.cox;

/**
 * Score residuals of a (start, stop] Cox fit, R's residuals(fit, type = "score") (agscore3), for the robust sandwich
 * variance. Row i's residual is
 * L_i = dN_i (x_i - xbar(t_i)) - exp(eta_i) sum_{event times t in (start_i, stop_i]} dH(t) (x_i - xbar(t)),
 * summed over the Breslow or Efron denominators of each event time (for Efron, a row that has the event at t enters
 * the k-th of the d denominators with weight k/d, and xbar(t_i) in its first term is the mean of the d weighted means).
 * The sums over event times are cumulative sums, so the cost is O(n p) after one sweep of the risk sets.
 * R computes these residuals with Breslow's formula for an exact-ties fit (method == "efron" is false), and so does this.
 */
final class ScoreResiduals {

    private ScoreResiduals() {}

    /** Returns w_i L_i (rows x p, row-major, in problem order) on the scaled covariates. */
    static double[] weighted(CoxProblem d, double[] beta, boolean efron) {
        final int p = d.vars;
        final int n = d.rows;
        double[] out = new double[n * p];
        double[] eta = new double[n];
        for (int g = 0; g < d.strataCount(); g++) {
            int from = d.strataBounds[g];
            int to = d.strataBounds[g + 1];
            double centre = 0;
            for (int k = from; k < to; k++) {
                double z = 0;
                for (int j = 0; j < p; j++) {
                    z += beta[j] * d.x[k * p + j];
                }
                eta[k] = z;
                centre += z;
            }
            centre /= Math.max(1, to - from);
            for (int k = from; k < to; k++) {
                eta[k] -= centre;
            }
            int events = 0;
            double prev = Double.NaN;
            for (int k = from; k < to; k++) {
                if (d.event[k] && d.stop[k] != prev) {
                    events++;
                    prev = d.stop[k];
                }
            }
            // event times indexed ascending 0..m-1; the sweep meets them descending
            double[] times = new double[events];
            double[] h = new double[events];
            double[] hd = new double[events];
            double[] hx = new double[events * p];
            double[] hxd = new double[events * p];
            double[] xbarAvg = new double[events * p];
            double[] a = new double[p];
            double[] a2 = new double[p];
            double denom = 0;
            int nrisk = 0;
            int person = from;
            int indx1 = from;
            int e = events;
            while (person < to) {
                int k = d.nextEvent(person, to);
                if (k == to) {
                    break;
                }
                double dtime = d.stop[k];
                e--;
                times[e] = dtime;
                for (; indx1 < to; indx1++) {
                    int q = d.byStart[indx1];
                    if (d.start[q] < dtime) {
                        break;
                    }
                    nrisk--;
                    if (nrisk == 0) {
                        denom = 0;
                        java.util.Arrays.fill(a, 0);
                    } else {
                        double r = Math.exp(eta[q]) * d.weight[q];
                        denom -= r;
                        for (int j = 0; j < p; j++) {
                            a[j] -= r * d.x[q * p + j];
                        }
                    }
                }
                double denom2 = 0;
                double wsum = 0;
                int deaths = 0;
                java.util.Arrays.fill(a2, 0);
                for (; person < to && d.stop[person] >= dtime; person++) {
                    nrisk++;
                    double r = Math.exp(eta[person]) * d.weight[person];
                    if (d.event[person]) {
                        deaths++;
                        denom2 += r;
                        wsum += d.weight[person];
                        for (int j = 0; j < p; j++) {
                            a2[j] += r * d.x[person * p + j];
                        }
                    } else {
                        denom += r;
                        for (int j = 0; j < p; j++) {
                            a[j] += r * d.x[person * p + j];
                        }
                    }
                }
                if (!efron || deaths == 1) {
                    denom += denom2;
                    for (int j = 0; j < p; j++) {
                        a[j] += a2[j];
                    }
                    h[e] = wsum / denom;
                    hd[e] = h[e];
                    for (int j = 0; j < p; j++) {
                        double xbar = a[j] / denom;
                        hx[e * p + j] = h[e] * xbar;
                        hxd[e * p + j] = hx[e * p + j];
                        xbarAvg[e * p + j] = xbar;
                    }
                } else {
                    double mw = wsum / deaths;
                    for (int kk = 1; kk <= deaths; kk++) {
                        double frac = (double) kk / deaths;
                        double dk = denom + frac * denom2;
                        h[e] += mw / dk;
                        hd[e] += frac * mw / dk;
                        for (int j = 0; j < p; j++) {
                            double xbar = (a[j] + frac * a2[j]) / dk;
                            hx[e * p + j] += mw * xbar / dk;
                            hxd[e * p + j] += frac * mw * xbar / dk;
                            xbarAvg[e * p + j] += xbar / deaths;
                        }
                    }
                    denom += denom2;
                    for (int j = 0; j < p; j++) {
                        a[j] += a2[j];
                    }
                }
            }
            // cumulative sums over ascending event times: cum[k] = sum of the first k
            double[] cumH = new double[events + 1];
            double[] cumHx = new double[(events + 1) * p];
            for (int t = 0; t < events; t++) {
                cumH[t + 1] = cumH[t] + h[t];
                for (int j = 0; j < p; j++) {
                    cumHx[(t + 1) * p + j] = cumHx[t * p + j] + hx[t * p + j];
                }
            }
            for (int q = from; q < to; q++) {
                int lo = CoxProblem.countAtMost(times, d.start[q]);
                int hi = CoxProblem.countAtMost(times, d.stop[q]);
                double risk = Math.exp(eta[q]);
                double hSum = cumH[hi] - cumH[lo];
                int own = hi - 1; // index of the event time equal to stop, when the row has the event
                boolean died = d.event[q];
                if (died) {
                    hSum += hd[own] - h[own];
                }
                double w = d.weight[q];
                for (int j = 0; j < p; j++) {
                    double xq = d.x[q * p + j];
                    double hxSum = cumHx[hi * p + j] - cumHx[lo * p + j];
                    if (died) {
                        hxSum += hxd[own * p + j] - hx[own * p + j];
                    }
                    double res = -risk * (xq * hSum - hxSum);
                    if (died) {
                        res += xq - xbarAvg[own * p + j];
                    }
                    out[q * p + j] = w * res;
                }
            }
        }
        return out;
    }
}
