package org.hazardstream.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarsAndNumbersTest {

    /** R: symnum(p, corr = FALSE, cutpoints = c(0, .001, .01, .05, .1, 1), symbols = c("***","**","*","."," ")). */
    @Test
    void starsFollowRsCutPointsIncludingTheirUpperEnd() {
        assertThat(Stars.of(0.0)).isEqualTo("***");
        assertThat(Stars.of(0.001)).isEqualTo("***");
        assertThat(Stars.of(0.0011)).isEqualTo("**");
        assertThat(Stars.of(0.01)).isEqualTo("**");
        assertThat(Stars.of(0.05)).isEqualTo("*");
        assertThat(Stars.of(0.0999)).isEqualTo(".");
        assertThat(Stars.of(0.1)).isEqualTo(".");
        assertThat(Stars.of(0.1001)).isEmpty();
        assertThat(Stars.of(null)).isEmpty();
    }

    /** R: format.pval(c(1e-20, 1.234e-5, 0.00161234, 0.4567), digits = 3) (each value on its own). */
    @Test
    void pValuesAsRsFormatPval() {
        assertThat(Numbers.pValue(1e-20)).isEqualTo("<2e-16");
        assertThat(Numbers.pValue(1.234e-5)).isEqualTo("1.23e-05");
        assertThat(Numbers.pValue(0.00161234)).isEqualTo("0.00161");
        assertThat(Numbers.pValue(0.4567)).isEqualTo("0.457");
        assertThat(Numbers.pValue(0.0004)).isEqualTo("4e-04");
        assertThat(Numbers.pValue(null)).isEqualTo("NA");
    }

    @Test
    void significantDigits() {
        assertThat(Numbers.signif(1.506818, 4)).isEqualTo("1.507");
        assertThat(Numbers.signif(-401.2345, 6)).isEqualTo("-401.235");
        assertThat(Numbers.signif(3626.0, 4)).isEqualTo("3626");
        assertThat(Numbers.signif(0.12, 4)).isEqualTo("0.12");
        assertThat(Numbers.signif(0.0000123, 4)).isEqualTo("1.23e-05");
        assertThat(Numbers.signif(0.0004, 3)).as("R: format(4e-4)").isEqualTo("4e-04");
        assertThat(Numbers.signif(2.5e-14, 3)).isEqualTo("2.5e-14");
        assertThat(Numbers.signif(123456789.0, 4))
                .as("R: format(signif(123456789, 4))")
                .isEqualTo("123500000");
        assertThat(Numbers.signif(1.5e20, 4)).isEqualTo("1.5e+20");
        assertThat(Numbers.signif(null, 4)).isEqualTo("NA");
        assertThat(Numbers.fixed(0.41, 3)).isEqualTo("0.410");
        assertThat(Numbers.fixed(0.0000123, 3)).isEqualTo("1.23e-05");
    }
}
