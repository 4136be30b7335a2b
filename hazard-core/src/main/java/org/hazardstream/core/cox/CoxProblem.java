package org.hazardstream.core.cox;

import java.util.Arrays;

/**
 * The engine's working copy of {@link CoxData}, laid out as R's agreg.fit prepares it for agfit4:
 * rows that span no event time of their stratum are left out (they cannot contribute, and keeping them would put
 * them in a risk set they are not in); the rest are sorted by stratum and descending stop time (events after
 * censorings at a tied time), and a second index sorts them by stratum and descending start time.
 * Covariates are centred and scaled as agfit4 does for the Newton iteration (see {@link #centreAndScale});
 * {@link #scale} converts back.
 */
final class CoxProblem {

    final int rows;
    final int vars;
    /** position in stop order -> row of CoxData */
    final int[] dataRow;

    final double[] start;
    final double[] stop;
    final boolean[] event;
    final double[] weight;
    final int[] stratum;
    /** rows * vars, row-major, centred and scaled, in stop order */
    final double[] x;
    /** positions (into stop order) sorted by stratum, descending start */
    final int[] byStart;
    /** the start order's copies (sequential memory for the removal sweep): start, weight and x by start order */
    final double[] startByStart;

    final double[] weightByStart;
    final double[] xByStart;
    /** [from, to) position ranges of the strata in stop order */
    final int[] strataBounds;
    /** per variable: x_scaled = x * scale, so beta_original = beta_scaled * scale (agfit4's convention) */
    final double[] scale;

    CoxProblem(CoxData data) {
        int n = data.rows();
        int p = data.terms().size();
        this.vars = p;
        double[] w = data.weights();
        int[] s = data.strata();
        boolean[] used = spansAnEvent(data);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                m++;
            }
        }
        int[] candidates = new int[m];
        for (int i = 0, k = 0; i < n; i++) {
            if (used[i]) {
                candidates[k++] = i;
            }
        }
        double[] dStart = data.start();
        double[] dStop = data.stop();
        boolean[] dEvent = data.event();
        int[] order = data.times() != null
                ? stopOrder(data.times(), used, m, s, dStop, dEvent)
                : stopOrder(candidates, s, dStop, dEvent);
        if (order == null) {
            order = IndexSort.sort(candidates, (a, b) -> {
                int sa = s == null ? 0 : s[a];
                int sb = s == null ? 0 : s[b];
                if (sa != sb) {
                    return Integer.compare(sa, sb);
                }
                int c = Double.compare(dStop[b], dStop[a]);
                if (c != 0) {
                    return c;
                }
                return Boolean.compare(dEvent[a], dEvent[b]);
            });
        }
        this.rows = m;
        this.dataRow = order;
        this.start = new double[m];
        this.stop = new double[m];
        this.event = new boolean[m];
        this.weight = new double[m];
        this.stratum = new int[m];
        this.x = new double[m * p];
        double[][] cov = data.covariates();
        // row-major in the data's order first (sequential reads), then one gather of whole rows: a gather straight
        // from the p columns would miss the cache p times per row
        double[] rowMajor = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] column = cov[j];
            for (int r = 0; r < n; r++) {
                rowMajor[r * p + j] = column[r];
            }
        }
        for (int k = 0; k < m; k++) {
            int r = order[k];
            start[k] = dStart[r];
            stop[k] = dStop[r];
            event[k] = dEvent[r];
            weight[k] = w == null ? 1.0 : w[r];
            stratum[k] = s == null ? 0 : s[r];
            System.arraycopy(rowMajor, r * p, x, k * p, p);
        }
        int[] positions = new int[m];
        for (int k = 0; k < m; k++) {
            positions[k] = k;
        }
        int[] startOrder = data.times() != null
                ? startOrder(data.times(), used, order, s, dStart)
                : IndexSort.sortDescending(stratum, start, null, m);
        this.byStart = startOrder != null
                ? startOrder
                : IndexSort.sort(positions, (a, b) -> {
                    if (stratum[a] != stratum[b]) {
                        return Integer.compare(stratum[a], stratum[b]);
                    }
                    return Double.compare(start[b], start[a]);
                });
        this.strataBounds = bounds(stratum);
        this.scale = new double[p];
        centreAndScale(cov);
        this.startByStart = new double[m];
        this.weightByStart = new double[m];
        this.xByStart = new double[m * p];
        for (int i = 0; i < m; i++) {
            int q = byStart[i];
            startByStart[i] = start[q];
            weightByStart[i] = weight[q];
            System.arraycopy(x, q * p, xByStart, i * p, p);
        }
    }

    /**
     * The stop order of the used rows from the shared sort: its used rows, in its order, with each run of tied
     * (stratum, stop) put censorings first, events after, each in row order: the order the packed-key sort gives.
     */
    private static int[] stopOrder(
            SortedTimes times, boolean[] used, int m, int[] strata, double[] stop, boolean[] event) {
        int[] order = new int[m];
        int k = 0;
        int[] all = times.byStop;
        for (int i = 0; i < all.length; ) {
            int first = all[i];
            int j = i;
            while (j < all.length && sameTime(strata, stop, first, all[j])) {
                j++;
            }
            for (int q = i; q < j; q++) {
                if (used[all[q]] && !event[all[q]]) {
                    order[k++] = all[q];
                }
            }
            for (int q = i; q < j; q++) {
                if (used[all[q]] && event[all[q]]) {
                    order[k++] = all[q];
                }
            }
            i = j;
        }
        return order;
    }

    /**
     * Positions (into the stop order) by stratum and descending start from the shared sort; ties by position, as the
     * packed-key sort of the positions orders them.
     */
    private static int[] startOrder(SortedTimes times, boolean[] used, int[] stopOrder, int[] strata, double[] start) {
        int[] position = new int[used.length];
        for (int k = 0; k < stopOrder.length; k++) {
            position[stopOrder[k]] = k;
        }
        int[] byStart = new int[stopOrder.length];
        int k = 0;
        int[] all = times.byStart;
        for (int i = 0; i < all.length; ) {
            int first = all[i];
            int runFrom = k;
            int j = i;
            for (; j < all.length && sameTime(strata, start, first, all[j]); j++) {
                if (used[all[j]]) {
                    byStart[k++] = position[all[j]];
                }
            }
            Arrays.sort(byStart, runFrom, k);
            i = j;
        }
        return byStart;
    }

    private static boolean sameTime(int[] strata, double[] time, int a, int b) {
        return (strata == null || strata[a] == strata[b]) && Double.compare(time[a], time[b]) == 0;
    }

    /** The stop order of the used rows through the packed-key sort, or null when it cannot pack the key. */
    private static int[] stopOrder(int[] candidates, int[] strata, double[] stop, boolean[] event) {
        int m = candidates.length;
        int[] g = strata == null ? null : new int[m];
        double[] v = new double[m];
        boolean[] f = new boolean[m];
        for (int k = 0; k < m; k++) {
            int r = candidates[k];
            if (g != null) {
                g[k] = strata[r];
            }
            v[k] = stop[r];
            f[k] = event[r];
        }
        int[] local = IndexSort.sortDescending(g, v, f, m);
        if (local == null) {
            return null;
        }
        int[] order = new int[m];
        for (int k = 0; k < m; k++) {
            order[k] = candidates[local[k]];
        }
        return order;
    }

    int strataCount() {
        return strataBounds.length - 1;
    }

    private static int[] bounds(int[] stratum) {
        int[] b = new int[stratum.length + 1];
        int k = 0;
        b[k++] = 0;
        for (int i = 1; i < stratum.length; i++) {
            if (stratum[i] != stratum[i - 1]) {
                b[k++] = i;
            }
        }
        b[k++] = stratum.length;
        return Arrays.copyOf(b, k);
    }

    /** A row is used when some event time t of its stratum has start < t <= stop (R: agreg.fit's "ignore"). */
    private static boolean[] spansAnEvent(CoxData data) {
        int n = data.rows();
        int[] s = data.strata();
        int strata = 1;
        if (s != null) {
            for (int v : s) {
                strata = Math.max(strata, v + 1);
            }
        }
        int[] counts = new int[strata];
        for (int i = 0; i < n; i++) {
            if (data.event()[i]) {
                counts[s == null ? 0 : s[i]]++;
            }
        }
        double[][] times = new double[strata][];
        for (int k = 0; k < strata; k++) {
            times[k] = new double[counts[k]];
        }
        int[] fill = new int[strata];
        for (int i = 0; i < n; i++) {
            if (data.event()[i]) {
                int k = s == null ? 0 : s[i];
                times[k][fill[k]++] = data.stop()[i];
            }
        }
        for (double[] t : times) {
            Arrays.sort(t);
        }
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] t = times[s == null ? 0 : s[i]];
            used[i] = countAtMost(t, data.stop()[i]) > countAtMost(t, data.start()[i]);
        }
        return used;
    }

    /** Number of elements of sorted {@code a} that are <= v. */
    static int countAtMost(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Centres and scales the covariates as agfit4 does in effect. Its loop meant to subtract each stratum's weighted
     * mean subtracts, from every row, the value of the first row in its sort order (the lowest stratum's largest
     * stop, the first in the data among ties): the division and the subtraction sit inside the loop over rows, so
     * they run once, after that row. Any centre gives the same fit up to rounding, and the scale (sum w / sum w
     * |x - centre| over the rows used) sets what toler.chol compares. Where a coefficient runs off it matters more:
     * the information is then a difference of nearly equal sums, which keeps its accuracy when the centre is an event
     * row (as in R's fit of such data) and loses it, and with it the rank and R's Newton path, at the mean.
     * A covariate whose values are all -1, 0 or 1 is neither centred nor scaled (coxph's nocenter = c(-1, 0, 1)).
     * The exact likelihood uses the same covariates; R's agexact centres on the mean and does not scale (rounding).
     */
    private void centreAndScale(double[][] covariates) {
        if (rows == 0) {
            return;
        }
        int p = vars;
        int first = firstInRsOrder();
        double w0 = weight[first];
        double[] centre = new double[p];
        boolean[] scaled = new boolean[p];
        for (int j = 0; j < p; j++) {
            scaled[j] = !onlyMinusOneZeroOne(covariates[j]);
            double x0 = x[first * p + j];
            // R's temp = w x, temp /= w: not always x to the last bit
            centre[j] = !scaled[j] ? 0 : w0 > 0 ? (w0 * x0) / w0 : x0;
        }
        // row-major passes (a column-at-a-time loop would sweep the whole matrix once per covariate)
        double sw = 0;
        double[] absDev = new double[p];
        for (int k = 0; k < rows; k++) {
            double w = weight[k];
            sw += w;
            int base = k * p;
            for (int j = 0; j < p; j++) {
                x[base + j] -= centre[j];
                absDev[j] += w * Math.abs(x[base + j]);
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = !scaled[j] || !(absDev[j] > 0) ? 1.0 : sw / absDev[j];
        }
        for (int k = 0; k < rows; k++) {
            int base = k * p;
            for (int j = 0; j < p; j++) {
                x[base + j] *= scale[j];
            }
        }
    }

    /** R's all(z %in% nocenter) on the whole column, the rows agreg.fit leaves out included. */
    private static boolean onlyMinusOneZeroOne(double[] column) {
        for (double v : column) {
            if (v != 0 && v != 1 && v != -1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The position of agfit4's first row, sort.end[0] of agreg.fit's order(ignore, strata, -stop): in the lowest
     * stratum, the row with the largest stop, the first in the data among ties (our stop order puts censorings
     * first instead).
     */
    private int firstInRsOrder() {
        int first = 0;
        for (int k = 1; k < rows && stratum[k] == stratum[0] && stop[k] == stop[0]; k++) {
            if (dataRow[k] < dataRow[first]) {
                first = k;
            }
        }
        return first;
    }

    /**
     * The first row at or after {@code row} (rows sorted by decreasing stop within a stratum) that has an event, or
     * {@code to} when there is none: where each sweep over the event times takes its next time.
     */
    int nextEvent(int row, int to) {
        int k = row;
        while (k < to && !event[k]) {
            k++;
        }
        return k;
    }
}
