package org.hazardstream.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.BadInputException;
import org.junit.jupiter.api.Test;

class FitOptionsParserTest {

    @Test
    void theContractDefaultsApplyWhenOnlyModelAndCovariatesAreGiven() {
        FitOptions options = FitOptionsParser.parse(Map.of("model", "cox", "covariates", "a, b"));
        assertThat(options).isEqualTo(FitOptions.of(Model.COX, List.of("a", "b")));
        assertThat(options.ties()).isEqualTo(Ties.EFRON);
        assertThat(options.eventCode()).isNull();
        assertThat(options.clusterColumn()).isNull();
        assertThat(FitOptionsParser.output(Map.of())).isEqualTo(FitOptionsParser.Output.JSON);
    }

    @Test
    void everyOptionIsRead() {
        Map<String, String> text = new HashMap<>();
        text.put("model", "pce");
        text.put("covariates", "x,y,z");
        text.put("id", "city_id");
        text.put("start", "t0");
        text.put("stop", "t1");
        text.put("event", "status");
        text.put("event-code", "2");
        text.put("ties", "breslow");
        text.put("cluster", "city_id");
        text.put("strata", "province_id");
        text.put("breaks", "28, 45.5");
        text.put("period-specific", "y");
        text.put("output", "table");
        FitOptions options = FitOptionsParser.parse(text);
        assertThat(options)
                .isEqualTo(new FitOptions(
                        Model.PCE,
                        List.of("x", "y", "z"),
                        "city_id",
                        "t0",
                        "t1",
                        "status",
                        2,
                        Ties.BRESLOW,
                        false,
                        "city_id",
                        "province_id",
                        List.of(28.0, 45.5),
                        List.of("y"),
                        null));
        assertThat(FitOptionsParser.output(text)).isEqualTo(FitOptionsParser.Output.TABLE);
    }

    @Test
    void noneAnyAndFlagsAreUnderstood() {
        FitOptions options = FitOptionsParser.parse(
                Map.of("model", "logit", "covariates", "a", "cluster", "none", "event-code", "any", "firth", ""));
        assertThat(options.clusterColumn()).isNull();
        assertThat(options.eventCode()).isNull();
        assertThat(options.firth()).isTrue();
        assertThat(FitOptionsParser.parse(Map.of("model", "cox", "covariates", "a", "firth", "false"))
                        .firth())
                .isFalse();
    }

    @Test
    void eachBadValueNamesItsOption() {
        assertRefused(Map.of("covariates", "a"), "--model");
        assertRefused(Map.of("model", "weibull", "covariates", "a"), "--model");
        assertRefused(Map.of("model", "cox"), "--covariates");
        assertRefused(Map.of("model", "cox", "covariates", "a,,b"), "--covariates");
        assertRefused(Map.of("model", "cox", "covariates", "a,a"), "--covariates");
        assertRefused(Map.of("model", "cox", "covariates", "a", "ties", "average"), "--ties");
        assertRefused(Map.of("model", "cox", "covariates", "a", "event-code", "0"), "--event-code");
        assertRefused(Map.of("model", "cox", "covariates", "a", "event-code", "one"), "--event-code");
        assertRefused(Map.of("model", "finegray", "covariates", "a"), "--event-code");
        assertRefused(Map.of("model", "finegray", "covariates", "a", "event-code", "any"), "--event-code");
        assertRefused(Map.of("model", "pce", "covariates", "a", "breaks", "28,x"), "--breaks");
        assertRefused(Map.of("model", "pce", "covariates", "a", "breaks", "45,28"), "--breaks");
        assertRefused(Map.of("model", "pce", "covariates", "a", "period-specific", "b"), "--period-specific");
        assertRefused(Map.of("model", "pce", "covariates", "a", "firth", "true"), "--firth");
        assertRefused(Map.of("model", "cox", "covariates", "a", "firth", "yes"), "--firth");
        assertRefused(Map.of("model", "cox", "covariates", "a", "output", "html"), "--output");
        assertRefused(Map.of("model", "cox", "covariates", "a", "cluster", " "), "--cluster");
        assertRefused(Map.of("model", "cox", "covariates", "a", "clusters", "id"), "--clusters");
    }

    private static void assertRefused(Map<String, String> options, String option) {
        assertThatThrownBy(() -> FitOptionsParser.parse(options))
                .as(options.toString())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(option);
    }
}
