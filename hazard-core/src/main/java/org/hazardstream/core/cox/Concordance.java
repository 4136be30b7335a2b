package org.hazardstream.core.cox;

import java.util.Arrays;

/**
 * Harrell's concordance as R's {@code concordance(coxfit)} reports it (timewt "n", reverse = TRUE: a higher risk
 * score should go with an earlier event): at each event time, each row with the event is compared with every other
 * row at risk then (start < t <= stop, same stratum) that does not have an event at that same time; pair weight
 * w_event * w_other; pairs tied on the risk score count 1/2. Result (concordant + tied/2) / (concordant + discordant
 * + tied). Rows at risk are held in a Fenwick tree over the ranks of the risk score, so the cost is O(n log n).
 */
final class Concordance {

    private Concordance() {}

    /** @param eta linear predictor per problem position; null when there is no comparable pair */
    static Double compute(CoxProblem d, double[] eta) {
        double concordant = 0;
        double discordant = 0;
        double tied = 0;
        for (int g = 0; g < d.strataCount(); g++) {
            int from = d.strataBounds[g];
            int to = d.strataBounds[g + 1];
            int size = to - from;
            double[] sorted = Arrays.copyOfRange(eta, from, to);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            int[] rank = new int[size];
            for (int i = 0; i < size; i++) {
                rank[i] = Arrays.binarySearch(sorted, 0, distinct, eta[from + i]) + 1; // 1-based for the tree
            }
            double[] tree = new double[distinct + 1];
            double total = 0;
            int person = from;
            int indx1 = from;
            while (person < to) {
                int k = d.nextEvent(person, to);
                if (k == to) {
                    break;
                }
                double dtime = d.stop[k];
                int firstEvent = -1;
                for (; person < to && d.stop[person] >= dtime; person++) {
                    if (d.event[person] && d.stop[person] == dtime) {
                        if (firstEvent < 0) {
                            firstEvent = person;
                        }
                    } else {
                        add(tree, rank[person - from], d.weight[person]);
                        total += d.weight[person];
                    }
                }
                for (; indx1 < to; indx1++) {
                    int q = d.byStart[indx1];
                    if (d.start[q] < dtime) {
                        break;
                    }
                    add(tree, rank[q - from], -d.weight[q]);
                    total -= d.weight[q];
                }
                for (int q = firstEvent; q < person; q++) {
                    int r = rank[q - from];
                    double below = prefix(tree, r - 1);
                    double same = prefix(tree, r) - below;
                    double above = total - below - same;
                    double w = d.weight[q];
                    concordant += w * below;
                    discordant += w * above;
                    tied += w * same;
                }
                for (int q = firstEvent; q < person; q++) {
                    add(tree, rank[q - from], d.weight[q]);
                    total += d.weight[q];
                }
            }
        }
        double pairs = concordant + discordant + tied;
        return pairs > 0 ? (concordant + tied / 2) / pairs : null;
    }

    private static void add(double[] tree, int i, double v) {
        for (; i < tree.length; i += i & -i) {
            tree[i] += v;
        }
    }

    private static double prefix(double[] tree, int i) {
        double s = 0;
        for (; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }
}
