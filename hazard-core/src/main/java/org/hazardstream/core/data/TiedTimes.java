package org.hazardstream.core.data;

import java.util.Arrays;

/**
 * R's rule for times that differ only by floating-point noise (survival's {@code aeqSurv}, applied by coxph and
 * finegray by default, {@code timefix = TRUE}): the distinct finite start and stop times, sorted, are cut into groups
 * wherever two neighbours differ by more than tolerance = sqrt(machine epsilon), both absolutely and relative to the
 * mean absolute time; every time becomes the first time of its group. So 1/3 and 4/12 computed two ways are one
 * time, as in R, and a fit on durations computed in two ways has the ties R sees.
 */
public final class TiedTimes {

    /** R's {@code sqrt(.Machine$double.eps)}. */
    public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /** Start and stop after the merge (the same arrays when no two times are that close). */
    public record Intervals(double[] start, double[] stop) {}

    private TiedTimes() {}

    /**
     * The intervals with tied times merged.
     *
     * @throws BadInputException when a merge leaves an interval of length 0 (R: "aeqSurv exception, an interval has
     *     effective length 0"), naming the interval
     */
    public static Intervals merge(double[] start, double[] stop) {
        double[] times = new double[start.length + stop.length];
        int n = 0;
        for (double[] column : new double[][] {start, stop}) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    times[n++] = v;
                }
            }
        }
        double[] sorted = Arrays.stream(times, 0, n).sorted().distinct().toArray();
        if (sorted.length < 2) {
            return new Intervals(start, stop);
        }
        double meanAbs = Arrays.stream(sorted).map(Math::abs).average().orElse(0);
        // cuts: the first time of each group; a time is tied to its predecessor when either rule says so
        double[] cuts = new double[sorted.length];
        int groups = 0;
        cuts[groups++] = sorted[0];
        for (int i = 1; i < sorted.length; i++) {
            double dy = sorted[i] - sorted[i - 1];
            if (!(dy <= TOLERANCE || dy / meanAbs <= TOLERANCE)) {
                cuts[groups++] = sorted[i];
            }
        }
        if (groups == sorted.length) {
            return new Intervals(start, stop);
        }
        double[] cutsUsed = Arrays.copyOf(cuts, groups);
        double[] mergedStart = new double[start.length];
        double[] mergedStop = new double[stop.length];
        for (int i = 0; i < start.length; i++) {
            mergedStart[i] = groupOf(start[i], cutsUsed);
            mergedStop[i] = groupOf(stop[i], cutsUsed);
            if (mergedStart[i] == mergedStop[i] && start[i] != stop[i]) {
                throw new BadInputException("the interval (" + start[i] + ", " + stop[i] + "] has length 0 once"
                        + " times closer than " + TOLERANCE + " are merged, as R's coxph does (R: aeqSurv exception,"
                        + " an interval has effective length 0)");
            }
        }
        return new Intervals(mergedStart, mergedStop);
    }

    /** R's findInterval: the largest cut at or below v (the first cut for a value below every cut). */
    private static double groupOf(double v, double[] cuts) {
        if (!Double.isFinite(v)) {
            return v;
        }
        int i = Arrays.binarySearch(cuts, v);
        int index = i >= 0 ? i : -i - 2;
        return cuts[Math.max(0, index)];
    }
}
