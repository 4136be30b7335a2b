package org.hazardstream.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The expression covariate's formula: the grammar and the missing-value rule of study-contract.md. */
class FormulaTest {

    private static final Map<String, Integer> COLUMNS = Map.of("a", 0, "b", 1, "c", 2);

    private static double value(String formula, double a, double b, double c) {
        return Formula.compile(formula, COLUMNS).value(new double[] {a, b, c});
    }

    @Test
    void usualPrecedenceLeftToRightAsWritten() {
        assertThat(value("a + b * c", 1, 2, 3)).isEqualTo(7);
        assertThat(value("(a + b) * c", 1, 2, 3)).isEqualTo(9);
        assertThat(value("a - b - c", 10, 2, 3)).isEqualTo(5);
        assertThat(value("a / b / c", 12, 2, 3)).isEqualTo(2);
        assertThat(value("-a * b", 2, 3, 0)).isEqualTo(-6);
        assertThat(value("a - -b", 2, 3, 0)).isEqualTo(5);
        assertThat(value("2.5 * a + .5", 2, 0, 0)).isEqualTo(5.5);
        // not rearranged: (a + b) - c and a + (b - c) round differently
        assertThat(value("a + b - c", 1e16, 1, 1e16)).isEqualTo((1e16 + 1) - 1e16);
        assertThat(value("a + (b - c)", 1e16, 1, 1e16)).isEqualTo(1e16 + (1 - 1e16));
    }

    @Test
    void functions() {
        assertThat(value("log(a) + log1p(b) + exp(c)", Math.E, 0, 0)).isEqualTo(2);
        assertThat(value("sqrt(a) * abs(b)", 9, -2, 0)).isEqualTo(6);
        assertThat(value("min(a, b, c) + max(a, b)", 4, 2, 3)).isEqualTo(6);
    }

    @Test
    void missingWhenAnOperandIsMissingOrAnyValueIsNotFinite() {
        assertThat(value("a + b", 1, Double.NaN, 0)).isNaN();
        assertThat(value("max(a, b)", Double.NaN, 1, 0)).isNaN();
        assertThat(value("min(a, b)", 1, Double.NaN, 0)).isNaN();
        assertThat(value("a / b", 1, 0, 0)).isNaN();
        assertThat(value("log(a)", 0, 0, 0)).isNaN();
        assertThat(value("sqrt(a)", -1, 0, 0)).isNaN();
        // an infinite intermediate is missing even where the final value would be finite again
        assertThat(value("1 / (a / b)", 1, 0, 0)).isNaN();
        assertThat(value("exp(a) * 0", 1000, 0, 0)).isNaN();
    }

    @Test
    void compileErrorsSayWhatAndWhere() {
        assertThatThrownBy(() -> Formula.compile("a + d", COLUMNS))
                .hasMessage("'d' at character 5 is not a covariate defined before this one");
        assertThatThrownBy(() -> Formula.compile("a ^ 2", COLUMNS))
                .hasMessageStartingWith("syntax error at character 3");
        assertThatThrownBy(() -> Formula.compile("log(a, b)", COLUMNS))
                .hasMessage("log() at character 1 takes one argument, not 2");
        assertThatThrownBy(() -> Formula.compile("max(a)", COLUMNS))
                .hasMessage("max() at character 1 takes two or more arguments");
        assertThatThrownBy(() -> Formula.compile("1e5 * a", COLUMNS)).hasMessageStartingWith("syntax error");
        assertThatThrownBy(() -> Formula.compile("(a + b", COLUMNS)).hasMessageStartingWith("syntax error");
        assertThat(Formula.compile("a * (b + a)", COLUMNS).operands()).containsExactlyInAnyOrder("a", "b");
    }
}
