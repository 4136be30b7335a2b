package org.hazardstream.core.cox;

import java.util.Arrays;

/**
 * The exact partial likelihood of R's {@code ties = "exact"} (the discrete-time, conditional-logistic model): at an
 * event time with d tied events in risk set R the contribution is
 * exp(sum_{j in D} eta_j) / sum_{S subset of R, |S| = d} exp(sum_{j in S} eta_j).
 * R's agexact.c enumerates the subsets; here the denominator and its first two derivatives come from the recursion of
 * Gail, Lubin and Rubinstein (1981): B(k, m) = B(k, m-1) + r_m B(k-1, m-1) over the members m of the risk set, which
 * costs O(|R| d p^2) per event time instead of O(C(|R|, d)).
 * The risk set is kept as an indexed set while sweeping the stop times downwards (rows join at their stop, leave
 * when the time reaches their start). Case weights are not part of this likelihood (R's exact methods ignore them too).
 */
final class ExactLikelihood implements PartialLikelihood {

    private final CoxProblem problem;

    ExactLikelihood(CoxProblem problem) {
        this.problem = problem;
    }

    @Override
    public Evaluation evaluate(double[] beta, boolean withThird) {
        if (withThird) {
            throw new UnsupportedOperationException("Firth's penalty is not available with exact ties");
        }
        final CoxProblem d = problem;
        final int p = d.vars;
        final int n = d.rows;
        final double[] x = d.x;
        double[] eta = new double[n];
        for (int k = 0; k < n; k++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                z += beta[j] * x[k * p + j];
            }
            eta[k] = z;
        }
        double[] u = new double[p];
        double[] info = new double[p * p];
        double loglik = 0;
        int[] members = new int[n];
        int[] slot = new int[n];
        Arrays.fill(slot, -1);

        for (int g = 0; g < d.strataCount(); g++) {
            int from = d.strataBounds[g];
            int to = d.strataBounds[g + 1];
            int size = 0;
            int person = from;
            int indx1 = from;
            while (person < to) {
                int k = d.nextEvent(person, to);
                if (k == to) {
                    break;
                }
                double dtime = d.stop[k];
                for (; indx1 < to; indx1++) {
                    int q = d.byStart[indx1];
                    if (d.start[q] < dtime) {
                        break;
                    }
                    if (slot[q] >= 0) { // remove by swapping the last member into its slot
                        int last = members[--size];
                        members[slot[q]] = last;
                        slot[last] = slot[q];
                        slot[q] = -1;
                    }
                }
                int deathsFrom = person;
                for (; person < to && d.stop[person] >= dtime; person++) {
                    slot[person] = size;
                    members[size++] = person;
                }
                int deaths = 0;
                for (int q = deathsFrom; q < person; q++) {
                    if (d.event[q] && d.stop[q] == dtime) {
                        deaths++;
                        loglik += eta[q];
                        for (int j = 0; j < p; j++) {
                            u[j] += x[q * p + j];
                        }
                    }
                }
                // the largest eta is the reference, so that every r <= 1 and B0 cannot overflow through r
                double centre = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < size; i++) {
                    centre = Math.max(centre, eta[members[i]]);
                }
                loglik -= deaths * centre + addTiedSet(members, size, deaths, eta, centre, x, p, u, info);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                info[j * p + i] = info[i * p + j];
            }
        }
        return new Evaluation(loglik, u, info, null);
    }

    /**
     * B0[k] = sum over subsets S of size k of prod r; B1[k], B2[k] its first and second derivatives in beta.
     * Updated member by member with k descending so that B[k-1] still holds the previous member's values.
     * Adds this event time's share to u and info and returns log B0[d].
     */
    private static double addTiedSet(
            int[] members,
            int size,
            int deaths,
            double[] eta,
            double centre,
            double[] x,
            int p,
            double[] u,
            double[] info) {
        int dd = deaths;
        double[] b0 = new double[dd + 1];
        double[] b1 = new double[(dd + 1) * p];
        double[] b2 = new double[(dd + 1) * p * p];
        b0[0] = 1;
        for (int m = 0; m < size; m++) {
            int q = members[m];
            double r = Math.exp(eta[q] - centre);
            int base = q * p;
            for (int k = Math.min(dd, m + 1); k >= 1; k--) {
                double prev0 = b0[k - 1];
                int o1 = (k - 1) * p;
                int n1 = k * p;
                int o2 = (k - 1) * p * p;
                int n2 = k * p * p;
                for (int i = 0; i < p; i++) {
                    double xi = x[base + i];
                    double prev1i = b1[o1 + i];
                    for (int j = 0; j <= i; j++) {
                        double xj = x[base + j];
                        b2[n2 + i * p + j] +=
                                r * (xi * xj * prev0 + xi * b1[o1 + j] + prev1i * xj + b2[o2 + i * p + j]);
                    }
                }
                for (int i = 0; i < p; i++) {
                    b1[n1 + i] += r * (x[base + i] * prev0 + b1[o1 + i]);
                }
                b0[k] += r * prev0;
            }
        }
        double f0 = b0[dd];
        int n1 = dd * p;
        int n2 = dd * p * p;
        for (int i = 0; i < p; i++) {
            double mi = b1[n1 + i] / f0;
            u[i] -= mi;
            for (int j = 0; j <= i; j++) {
                info[i * p + j] += b2[n2 + i * p + j] / f0 - mi * b1[n1 + j] / f0;
            }
        }
        return Math.log(f0);
    }
}
