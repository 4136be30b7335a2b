package org.hazardstream.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** R's aeqSurv rule, by hand. */
class TiedTimesTest {

    @Test
    void timesThatDifferByNoiseBecomeTheFirstOfTheirGroup() {
        double a = 0.1 + 0.2; // 0.30000000000000004
        double b = 0.3;
        TiedTimes.Intervals merged = TiedTimes.merge(new double[] {0, 0, 0}, new double[] {a, b, 1});
        assertThat(a).isNotEqualTo(b);
        assertThat(merged.stop()).containsExactly(b, b, 1);
        assertThat(merged.start()).containsExactly(0, 0, 0);
    }

    @Test
    void distinctTimesAreLeftAsTheyAreInTheSameArrays() {
        double[] start = {0, 1};
        double[] stop = {1, 2.5};
        TiedTimes.Intervals merged = TiedTimes.merge(start, stop);
        assertThat(merged.start()).isSameAs(start);
        assertThat(merged.stop()).isSameAs(stop);
    }

    @Test
    void theRuleIsAbsoluteOrRelativeToTheMeanTime() {
        // 1e9 and 1e9 + 1 differ by 1, far above the tolerance, but by 1e-9 of the mean time: tied
        TiedTimes.Intervals large = TiedTimes.merge(new double[] {0, 0}, new double[] {1e9, 1e9 + 1});
        assertThat(large.stop()).containsExactly(1e9, 1e9);
        // 1e-9 and 2e-9 differ by 1e-9 absolutely (under the tolerance, 1.49e-8): tied, though 50% apart
        TiedTimes.Intervals small = TiedTimes.merge(new double[] {0, 0}, new double[] {1e-9 + 1, 2e-9 + 1});
        assertThat(small.stop()[0]).isEqualTo(small.stop()[1]);
    }

    @Test
    void anIntervalMergedToLengthZeroIsRefused() {
        assertThatThrownBy(() -> TiedTimes.merge(new double[] {1}, new double[] {1 + 1e-12}))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("has length 0")
                .hasMessageContaining("aeqSurv exception");
    }
}
