package org.hazardstream.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Numbers as panels write them (study-contract.md, "Risk set and panel"). */
class PlainDecimalTest {

    @Test
    void integersPlainZeroWithoutSignShortestDecimals() {
        assertThat(PlainDecimal.format(8000000)).isEqualTo("8000000");
        assertThat(PlainDecimal.format(-3)).isEqualTo("-3");
        assertThat(PlainDecimal.format(0.0)).isEqualTo("0");
        assertThat(PlainDecimal.format(-0.0)).isEqualTo("0");
        assertThat(PlainDecimal.format(0.837)).isEqualTo("0.837");
        assertThat(PlainDecimal.format(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PlainDecimal.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void plainFromOneTenThousandthToBelowTenToTheFifteenExponentOtherwise() {
        assertThat(PlainDecimal.format(1e-4)).isEqualTo("0.0001");
        assertThat(PlainDecimal.format(12345678.25)).isEqualTo("12345678.25");
        assertThat(PlainDecimal.format(999999999999999.0)).isEqualTo("999999999999999");
        assertThat(PlainDecimal.format(1e15)).isEqualTo("1e15");
        assertThat(PlainDecimal.format(-2.5e20)).isEqualTo("-2.5e20");
        assertThat(PlainDecimal.format(1e-5)).isEqualTo("1e-5");
        assertThat(PlainDecimal.format(9.99e-5)).isEqualTo("9.99e-5");
    }

    @Test
    void everyFormReadsBackToTheSameDoubleAndNoShorterOneDoes() {
        SplittableRandom random = new SplittableRandom(20201);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = PlainDecimal.format(v);
            assertThat(PlainDecimal.parse(text)).as(text).isEqualTo(v == 0 ? 0.0 : v);
            String digits = text.replaceFirst("e.*", "")
                    .replace("-", "")
                    .replace(".", "")
                    .replaceFirst("^0+", "");
            assertThat(digits.length()).as(text).isLessThanOrEqualTo(17);
        }
        // 2^-44 needs all 17 digits
        assertThat(PlainDecimal.format(Math.scalb(1.0, -44))).isEqualTo("5.6843418860808015e-14");
        // Java 17's Double.toString writes 8.7734868676417296E16, a digit more than needed (JDK-4511638)
        assertThat(PlainDecimal.format(8.77348686764173e16)).isEqualTo("8.77348686764173e16");
        assertThat(PlainDecimal.format(1.0e23)).isEqualTo("1e23");
        assertThat(PlainDecimal.format(2.0e-3)).isEqualTo("0.002");
    }
}
