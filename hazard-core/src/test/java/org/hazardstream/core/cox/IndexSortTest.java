package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The packed-key sort and the comparator sort (its fallback) give the same order, ties included. */
class IndexSortTest {

    @Test
    void packedKeySortEqualsComparatorSort() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 5_000;
        int[] group = new int[n];
        double[] value = new double[n];
        boolean[] flag = new boolean[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = random.nextInt(4);
            value[i] = random.nextInt(60) + (random.nextBoolean() ? 0.5 : 0); // many ties
            flag[i] = random.nextDouble() < 0.3;
            rows[i] = i;
        }
        int[] packed = IndexSort.sortDescending(group, value, flag, n);
        int[] compared = IndexSort.sort(rows, (a, b) -> {
            if (group[a] != group[b]) {
                return Integer.compare(group[a], group[b]);
            }
            int c = Double.compare(value[b], value[a]);
            return c != 0 ? c : Boolean.compare(flag[a], flag[b]);
        });
        assertThat(packed).containsExactly(compared);
        // and the order is what it claims: group ascending, value descending, unflagged first
        for (int i = 1; i < n; i++) {
            int a = packed[i - 1];
            int b = packed[i];
            assertThat(group[a] < group[b]
                            || (group[a] == group[b]
                                    && (value[a] > value[b] || (value[a] == value[b] && (!flag[a] || flag[b])))))
                    .isTrue();
        }
    }
}
