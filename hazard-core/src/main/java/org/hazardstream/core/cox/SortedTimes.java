package org.hazardstream.core.cox;

import java.util.Arrays;

/**
 * The two sorts of counting-process rows that agfit4 needs, done once for every fit of the same intervals: rows by
 * (stratum, descending stop) and by (stratum, descending start), ties by row. The specs of one panel that differ only
 * in which event they count (all causes, one cause) share them; {@link CoxProblem} then only drops the rows its events
 * leave unused and orders censorings before events among tied stops, which gives exactly the order of sorting its own
 * rows from scratch.
 */
public final class SortedTimes {

    final int rows;
    /** rows by stratum ascending, stop descending, row ascending */
    final int[] byStop;
    /** rows by stratum ascending, start descending, row ascending */
    final int[] byStart;

    private SortedTimes(int rows, int[] byStop, int[] byStart) {
        this.rows = rows;
        this.byStop = byStop;
        this.byStart = byStart;
    }

    /** Sorts the intervals (start[i], stop[i]] of strata[i] (null: one stratum). */
    public static SortedTimes of(double[] start, double[] stop, int[] strata) {
        int n = stop.length;
        return new SortedTimes(n, sort(strata, stop, n), sort(strata, start, n));
    }

    /** Whether these are the sorts of intervals with this many rows (a cheap guard against a mismatched cache). */
    boolean fits(int n) {
        return rows == n;
    }

    private static int[] sort(int[] strata, double[] value, int n) {
        int[] order = IndexSort.sortDescending(strata, value, null, n);
        if (order != null) {
            return order;
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return IndexSort.sort(all, (a, b) -> {
            int sa = strata == null ? 0 : strata[a];
            int sb = strata == null ? 0 : strata[b];
            return sa != sb ? Integer.compare(sa, sb) : Double.compare(value[b], value[a]);
        });
    }
}
