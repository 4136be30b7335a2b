package org.hazardstream.core.cox;

/** A stable merge sort of row indices with a primitive comparator (no boxing: it runs on a million rows). */
final class IndexSort {

    @FunctionalInterface
    interface RowOrder {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

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
}
