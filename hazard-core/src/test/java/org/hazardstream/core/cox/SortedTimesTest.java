package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A problem built on the shared sorts is the problem built by sorting its own rows: the same rows in the same order,
 * bit for bit, whatever the ties, strata and events.
 */
class SortedTimesTest {

    @Test
    void theSharedSortsGiveTheProblemOfSortingFromScratch() {
        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 5 + random.nextInt(400);
            double[] start = new double[n];
            double[] stop = new double[n];
            double[][] x = new double[2][n];
            int[] strata = trial % 3 == 0 ? null : new int[n];
            for (int i = 0; i < n; i++) {
                start[i] = random.nextInt(8);
                stop[i] = start[i] + 1 + random.nextInt(4); // many tied starts and stops
                x[0][i] = random.nextGaussian();
                x[1][i] = random.nextInt(3);
                if (strata != null) {
                    strata[i] = random.nextInt(3);
                }
            }
            SortedTimes shared = SortedTimes.of(start, stop, strata);
            // Three event definitions on the same intervals, as the all-cause and two cause-specific specs.
            for (int cause = 0; cause < 3; cause++) {
                boolean[] event = new boolean[n];
                for (int i = 0; i < n; i++) {
                    event[i] = random.nextInt(4) == 0;
                }
                event[random.nextInt(n)] = true; // a fit has at least one event
                List<String> terms = List.of("a", "b");
                CoxProblem own = new CoxProblem(new CoxData(terms, start, stop, event, x, null, strata, null));
                CoxProblem fromShared =
                        new CoxProblem(new CoxData(terms, start, stop, event, x, null, strata, null, shared));

                assertThat(fromShared.dataRow)
                        .as("trial %d cause %d", trial, cause)
                        .containsExactly(own.dataRow);
                assertThat(fromShared.byStart).containsExactly(own.byStart);
                assertThat(fromShared.x).containsExactly(own.x);
                assertThat(fromShared.xByStart).containsExactly(own.xByStart);
                assertThat(fromShared.strataBounds).containsExactly(own.strataBounds);
            }
        }
    }
}
