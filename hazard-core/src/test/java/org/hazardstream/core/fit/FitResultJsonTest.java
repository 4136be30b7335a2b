package org.hazardstream.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class FitResultJsonTest {

    static FitResult sample() {
        return new FitResult(
                "cox",
                3626,
                118,
                2,
                true,
                5,
                -401.23,
                -460.10,
                834.46,
                new FitResult.Tests(
                        new FitResult.TestStatistic(117.7, 16, 1e-17),
                        new FitResult.TestStatistic(98.1, 16, 2e-14),
                        new FitResult.TestStatistic(120.3, 16, 3e-18)),
                0.81,
                new FitResult.PhTest(
                        "km",
                        List.of(new FitResult.PhTerm("salience", 0.52, 1, 0.47)),
                        new FitResult.ChiSquare(14.6, 15, 0.48)),
                List.of("central_policy: not estimable (collinear with the baseline); estimate null"),
                List.of(
                        new FitResult.Coefficient("salience", 0.41, 0.12, 0.13, 3.15, 0.0016, 1.51, 1.17, 1.94),
                        new FitResult.Coefficient("central_policy", null, null, null, null, null, null, null, null)),
                List.of());
    }

    @Test
    void fieldsAreInTheContractOrderWithNullsWritten() throws Exception {
        JsonNode json = FitResultJson.mapper().readTree(FitResultJson.write(sample()));
        assertThat(names(json))
                .containsExactly(
                        "model",
                        "n",
                        "events",
                        "excludedRows",
                        "converged",
                        "iterations",
                        "identified",
                        "logLikelihood",
                        "nullLogLikelihood",
                        "aic",
                        "tests",
                        "concordance",
                        "phTest",
                        "warnings",
                        "coefficients",
                        "baseline");
        assertThat(names(json.get("coefficients").get(0)))
                .containsExactly(
                        "term",
                        "estimate",
                        "stdError",
                        "robustStdError",
                        "z",
                        "pValue",
                        "hazardRatio",
                        "confLow",
                        "confHigh");
        assertThat(names(json.get("tests"))).containsExactly("likelihoodRatio", "wald", "score");
        assertThat(names(json.get("tests").get("wald"))).containsExactly("statistic", "df", "pValue");
        assertThat(json.get("coefficients").get(1).get("estimate").isNull()).isTrue();
        assertThat(json.get("coefficients").get(0).get("pValue").asDouble()).isEqualTo(0.0016);
        assertThat(json.get("phTest").get("terms").get(0).get("chisq").asDouble())
                .isEqualTo(0.52);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() throws Exception {
        FitResult infinite = new FitResult(
                "logit",
                10,
                3,
                0,
                false,
                25,
                Double.NEGATIVE_INFINITY,
                -5.0,
                null,
                null,
                null,
                null,
                List.of("x: monotone likelihood"),
                List.of(new FitResult.Coefficient(
                        "x", Double.POSITIVE_INFINITY, Double.NaN, null, null, null, null, null, null)),
                null);
        JsonNode json = FitResultJson.mapper().readTree(FitResultJson.write(infinite));
        assertThat(json.get("logLikelihood").isNull()).isTrue();
        assertThat(json.get("coefficients").get(0).get("estimate").isNull()).isTrue();
        assertThat(json.get("coefficients").get(0).get("stdError").isNull()).isTrue();
        assertThat(json.get("tests").isNull()).isTrue();
    }

    @Test
    void aResultReadsBackEqual() {
        assertThat(FitResultJson.read(FitResultJson.write(sample()))).isEqualTo(sample());
        assertThat(FitResultJson.read(FitResultJson.writePretty(sample()))).isEqualTo(sample());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
