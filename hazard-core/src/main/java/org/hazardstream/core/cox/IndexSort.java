package org.hazardstream.core.cox;

/** A stable merge sort of row indices with a primitive comparator (no boxing: it runs on a million rows). */
final class IndexSort {

    @FunctionalInterface
    interface RowOrder {
        int compare(int a, int b);
    }

    private IndexSort() {}

    static int[] sort(int[] rows, RowOrder order) {
        int[] a = rows.clone();
        int[] buf = new int[a.length];
        mergeSort(a, buf, 0, a.length, order);
        return a;
    }

    private static void mergeSort(int[] a, int[] buf, int lo, int hi, RowOrder order) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && order.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, buf, lo, mid, order);
        mergeSort(a, buf, mid, hi, order);
        if (order.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, buf, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || order.compare(buf[i], buf[j]) <= 0)) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }

    /**
     * Sorts items 0..n-1 by (group ascending, value descending, flag ascending), ties by index: the orders of agfit4
     * (stratum, descending stop, censorings before events; stratum, descending start). The key is packed into a long
     * (group, rank of the value among the distinct values, flag, index) and sorted as primitives, much faster than a
     * comparator on a million rows; returns null when the key does not fit in 63 bits (the caller then uses
     * {@link #sort}).
     */
    static int[] sortDescending(int[] group, double[] value, boolean[] flag, int n) {
        double[] distinct = java.util.Arrays.copyOf(value, n);
        java.util.Arrays.sort(distinct);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[u++] = distinct[i];
            }
        }
        int groups = 1;
        if (group != null) {
            for (int i = 0; i < n; i++) {
                groups = Math.max(groups, group[i] + 1);
            }
        }
        int indexBits = bits(n);
        int rankBits = bits(u);
        int groupBits = bits(groups);
        if (indexBits + rankBits + groupBits + 1 > 63) {
            return null;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = u - 1 - java.util.Arrays.binarySearch(distinct, 0, u, value[i]);
            long g = group == null ? 0 : group[i];
            long f = flag != null && flag[i] ? 1 : 0;
            keys[i] = (((g << rankBits | rank) << 1 | f) << indexBits) | i;
        }
        java.util.Arrays.parallelSort(keys);
        long mask = (1L << indexBits) - 1;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & mask);
        }
        return order;
    }

    private static int bits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
    }
}
