package org.hazardstream.core.finegray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.hazardstream.core.data.BadInputException;

/**
 * The data expansion of R's {@code survival::finegray} for one event type K on (start, stop] data followed by
 * subject: the rows of a subject whose last row ends in a competing event are extended past that time, one extra
 * row per interval between censoring times that holds an event of type K, each weighted by the censoring survivor
 * G(t) / G(competing event time) (times G's reverse-time entry survivor when there is delayed entry, Geskus 2011).
 * Written from the description in R/finegray.R and src/finegray.c of the survival package (3.5-3):
 * <ul>
 * <li>G is the Kaplan-Meier curve of censoring: "events" are the last rows of subjects with code 0; rows that end in
 * any event leave the risk set just before a censoring at the same time (R shifts their stop by -0.2 on the
 * index scale of the unique times);</li>
 * <li>the intervals are cut at the times where G drops, plus the largest stop; an extra row is written only for
 * an interval that contains an event time of type K;</li>
 * <li>the original row of a competing-event subject is extended to the end of the interval its event falls in,
 * with weight 1.</li>
 * </ul>
 * Delayed entry (a subject whose first start is after the smallest stop) uses R's entry-time survivor H as well.
 * (R 3.5-3 tests this on {@code Y[first, 1]} with {@code first} indexing the id-sorted rows, so on input not sorted
 * by id and time it may look at the wrong rows; here the test uses each subject's own first row. On sorted input,
 * as the fixtures, both agree.)
 * One stratum (finegray's strata are not part of the fit contract).
 */
public final class FineGrayExpansion {

    /**
     * The expanded rows, in R's order: each input row, followed by its extra rows.
     *
     * @param sourceRow index of the input row each row comes from
     * @param start     fgstart
     * @param stop      fgstop
     * @param event     fgstatus: the input row ends in an event of type K (extra rows never do)
     * @param weight    fgwt
     */
    public record Rows(int[] sourceRow, double[] start, double[] stop, boolean[] event, double[] weight) {
        public int size() {
            return sourceRow.length;
        }
    }

    private FineGrayExpansion() {}

    /**
     * @param start     interval starts
     * @param stop      interval stops
     * @param status    event codes (0 censored)
     * @param subject   subject index per row
     * @param eventCode K, the event of interest; any other code &gt; 0 is a competing event
     * @param rowNumber input row number of each row, for error messages
     */
    public static Rows expand(
            double[] start, double[] stop, int[] status, int[] subject, int eventCode, int[] rowNumber) {
        int n = stop.length;
        boolean[] first = new boolean[n];
        boolean[] last = new boolean[n];
        markFirstAndLast(start, stop, status, subject, rowNumber, first, last);

        double minStop = Double.POSITIVE_INFINITY;
        for (double s : stop) {
            minStop = Math.min(minStop, s);
        }
        boolean delay = false;
        for (int i = 0; i < n; i++) {
            delay |= first[i] && start[i] > minStop;
        }

        // times on R's index scale: position (1-based) in the sorted unique times; stops of event rows - 0.2
        TreeSet<Double> unique = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            unique.add(start[i]);
            unique.add(stop[i]);
        }
        double[] utime = unique.stream().mapToDouble(Double::doubleValue).toArray();
        double[] startIdx = new double[n];
        double[] stopIdx = new double[n];
        for (int i = 0; i < n; i++) {
            startIdx[i] = Arrays.binarySearch(utime, start[i]) + 1;
            stopIdx[i] = Arrays.binarySearch(utime, stop[i]) + 1 - (status[i] != 0 ? 0.2 : 0);
        }

        // censoring Kaplan-Meier on the index scale: drop times and survivor after each drop
        List<double[]> censorCurve = censoringCurve(startIdx, stopIdx, status, last);
        double[] ctime;
        double[] cprob;
        if (delay) {
            List<double[]> entry = entryCurve(startIdx, stopIdx, first);
            // dtime ascending entry times; dprob[i] = product of the entry factors after dtime[i]
            int m = entry.size();
            double[] dtime = new double[m];
            double[] dprob = new double[m];
            double running = 1;
            for (int k = m - 1; k >= 0; k--) {
                dtime[k] = entry.get(k)[0];
                dprob[k] = running;
                running *= entry.get(k)[1];
            }
            TreeSet<Double> times = new TreeSet<>();
            for (double d : dtime) {
                times.add(d);
            }
            for (double[] c : censorCurve) {
                times.add(c[0]);
            }
            ctime = new double[times.size()];
            cprob = new double[times.size()];
            int k = 0;
            int censorSeen = 0; // censoring times <= t, both walked in ascending order
            double g = 1;
            for (double t : times) {
                int index1 = countAtMost(dtime, t);
                while (censorSeen < censorCurve.size() && censorCurve.get(censorSeen)[0] <= t) {
                    g = censorCurve.get(censorSeen++)[1];
                }
                ctime[k] = utime[(int) t - 1];
                cprob[k] = (index1 == 0 ? Double.NaN : dprob[index1 - 1]) * g;
                k++;
            }
        } else {
            ctime = new double[censorCurve.size()];
            cprob = new double[censorCurve.size()];
            for (int k = 0; k < ctime.length; k++) {
                ctime[k] = utime[(int) censorCurve.get(k)[0] - 1];
                cprob[k] = censorCurve.get(k)[1];
            }
        }

        TreeSet<Double> eventTimes = new TreeSet<>();
        double maxTime = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (status[i] == eventCode) {
                eventTimes.add(stop[i]);
            }
            maxTime = Math.max(maxTime, stop[i]);
        }
        if (eventTimes.isEmpty()) {
            throw new BadInputException("option --event-code: no row has event code " + eventCode);
        }
        // cut points ct2 = (ctime, maxtime) with interval probabilities cp2 = (1, cprob)
        int ncut = ctime.length + 1;
        double[] ct2 = Arrays.copyOf(ctime, ncut);
        ct2[ncut - 1] = maxTime;
        double[] cp2 = new double[ncut];
        cp2[0] = 1;
        System.arraycopy(cprob, 0, cp2, 1, cprob.length);
        // keep[j]: the interval (ct2[j-1], ct2[j]] holds an event time of type K (keep[0] always)
        boolean[] keep = new boolean[ncut];
        keep[0] = true;
        for (double t : eventTimes) {
            int j = countBelow(ct2, t);
            if (j >= 1 && j < ncut) {
                keep[j] = true;
            }
        }

        List<Integer> rowOut = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        List<Boolean> eventOut = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean extend = status[i] != 0 && status[i] != eventCode && last[i];
            // the interval the competing event falls in: the first cut point >= its time
            int j = extend ? countBelow(ct2, stop[i]) : 0;
            double end = extend && j < ncut ? ct2[j] : stop[i];
            rowOut.add(i);
            spans.add(new double[] {start[i], end, 1});
            eventOut.add(status[i] == eventCode);
            if (extend && j < ncut) {
                double base = cp2[j];
                for (j++; j < ncut; j++) {
                    if (keep[j]) {
                        rowOut.add(i);
                        spans.add(new double[] {ct2[j - 1], ct2[j], cp2[j] / base});
                        eventOut.add(false);
                    }
                }
            }
        }
        int size = rowOut.size();
        int[] source = new int[size];
        double[] s = new double[size];
        double[] e = new double[size];
        boolean[] ev = new boolean[size];
        double[] w = new double[size];
        for (int k = 0; k < size; k++) {
            source[k] = rowOut.get(k);
            s[k] = spans.get(k)[0];
            e[k] = spans.get(k)[1];
            w[k] = spans.get(k)[2];
            ev[k] = eventOut.get(k);
        }
        return new Rows(source, s, e, ev, w);
    }

    /**
     * R's checks and first/last marks: by subject, in time order; no event before the last row, no overlapping
     * rows. Unlike R, a gap in a
     * subject's follow-up is accepted (R refuses it): rows left out for a missing covariate leave such gaps, and the
     * contract computes the weights on the rows used; risk sets are defined by (start, stop] either way.
     */
    private static void markFirstAndLast(
            double[] start,
            double[] stop,
            int[] status,
            int[] subject,
            int[] rowNumber,
            boolean[] first,
            boolean[] last) {
        int n = stop.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> subject[i]).thenComparingDouble(i -> stop[i]));
        for (int k = 0; k < n; k++) {
            int i = order[k];
            boolean isFirst = k == 0 || subject[order[k - 1]] != subject[i];
            boolean isLast = k == n - 1 || subject[order[k + 1]] != subject[i];
            first[i] = isFirst;
            last[i] = isLast;
            if (!isLast) {
                if (status[i] != 0) {
                    throw new BadInputException("finegray: a subject has an event before their last time point "
                            + "(row " + rowNumber[i] + ")");
                }
                int next = order[k + 1];
                if (start[next] < stop[i]) {
                    throw new BadInputException("finegray: row " + rowNumber[next] + " overlaps row " + rowNumber[i]
                            + " of the same subject");
                }
            }
        }
    }

    /**
     * Kaplan-Meier of censoring on the index scale (R: survfit(Surv(newtime[,1], newtime[,2], last &amp; status == 0))):
     * {time, survivor} at each time with at least one censoring.
     */
    private static List<double[]> censoringCurve(double[] startIdx, double[] stopIdx, int[] status, boolean[] last) {
        int n = startIdx.length;
        double[] sortedStart = startIdx.clone();
        double[] sortedStop = stopIdx.clone();
        Arrays.sort(sortedStart);
        Arrays.sort(sortedStop);
        java.util.TreeMap<Double, Integer> censored = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (last[i] && status[i] == 0) {
                censored.merge(stopIdx[i], 1, Integer::sum);
            }
        }
        List<double[]> curve = new ArrayList<>();
        double survivor = 1;
        for (var c : censored.entrySet()) {
            // at risk: start < c <= stop' (a row with stop' < c started before c)
            int atRisk = countBelow(sortedStart, c.getKey()) - countBelow(sortedStop, c.getKey());
            survivor *= 1 - (double) c.getValue() / atRisk;
            curve.add(new double[] {c.getKey(), survivor});
        }
        return curve;
    }

    /**
     * R's Hsurv: survfit(Surv(-stop', -start, first)), the reverse-time curve of entry: {entry time, factor} in
     * ascending entry time, the factor (1 - d/n) with n the rows with start &lt;= s &lt; stop'.
     */
    private static List<double[]> entryCurve(double[] startIdx, double[] stopIdx, boolean[] first) {
        int n = startIdx.length;
        double[] sortedStart = startIdx.clone();
        double[] sortedStop = stopIdx.clone();
        Arrays.sort(sortedStart);
        Arrays.sort(sortedStop);
        java.util.TreeMap<Double, Integer> entries = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (first[i]) {
                entries.merge(startIdx[i], 1, Integer::sum);
            }
        }
        List<double[]> curve = new ArrayList<>();
        for (var e : entries.entrySet()) {
            // at risk: start <= s < stop' (a row with stop' <= s started before s)
            int atRisk = countAtMost(sortedStart, e.getKey()) - countAtMost(sortedStop, e.getKey());
            curve.add(new double[] {e.getKey(), 1 - (double) e.getValue() / atRisk});
        }
        return curve;
    }

    /** Number of sorted values strictly below x. */
    private static int countBelow(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of sorted values at most x. */
    private static int countAtMost(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
