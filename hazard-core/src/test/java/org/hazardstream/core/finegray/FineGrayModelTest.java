package org.hazardstream.core.finegray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;
import org.hazardstream.core.glm.RFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fine-Gray fits against R; expected values from hazard-core/src/test/r/finegray-fixtures.R, each quoted there, e.g.
 * {@code coxph(Surv(fgstart, fgstop, fgstatus) ~ age + male, weights = fgwt, data = finegray(Surv(start, stop,
 * status) ~ ., mgus2, id = id, etype = "e1"), cluster = id)} (mgus2: the finegray vignette's pcm vs death).
 */
class FineGrayModelTest {

    private static FitOptions options(List<String> covariates, Integer code, String cluster) {
        return new FitOptions(
                Model.FINEGRAY,
                covariates,
                "id",
                "start",
                "stop",
                "event",
                code,
                null,
                false,
                cluster,
                null,
                null,
                null,
                null);
    }

    @ParameterizedTest(name = "{0} {1} event {2} cluster {3}")
    @CsvSource({
        "mgus2.csv, expected-mgus2.csv, mgus2, 1, false",
        "mgus2.csv, expected-mgus2.csv, mgus2, 1, true",
        "mgus2.csv, expected-mgus2.csv, mgus2, 2, false",
        "mgus2.csv, expected-mgus2.csv, mgus2, 2, true",
        "../glm/sim-panel.csv, expected-panel.csv, panel, 1, false",
        "../glm/sim-panel.csv, expected-panel.csv, panel, 1, true",
        "../glm/sim-panel.csv, expected-panel.csv, panel, 2, false",
        "../glm/sim-panel.csv, expected-panel.csv, panel, 2, true",
        "panel-delayed.csv, expected-delayed.csv, delayed, 1, true"
    })
    void weightedCoxFitOnTheExpandedDataEqualsR(String data, String fixture, String name, int code, boolean cluster) {
        DataTable table = RFixture.table("/r/finegray/" + data);
        RFixture r = RFixture.load("/r/finegray/" + fixture);
        List<String> covariates = name.equals("mgus2") ? List.of("age", "male") : List.of("x1", "x2", "w");
        String prefix = name + ".e" + code + (cluster ? ".cluster" : "");

        FitResult fit = FineGrayModel.fit(table, options(covariates, code, cluster ? "id" : null));
        assertMatches(r, prefix, fit, covariates, cluster);
        assertThat(fit.n()).isEqualTo(table.rowCount());
        if (r.has(name + ".e" + code + ".events")) {
            assertThat((double) fit.events()).isEqualTo(r.get(name + ".e" + code + ".events"));
        }
    }

    /** fg-self and fg-provincial of panel-contract.md on the demo panel, without central_policy (see the R script). */
    @ParameterizedTest(name = "demo panel event {0}")
    @CsvSource({"1", "2"})
    void standardSpecsOnTheDemoPanelEqualR(int code) {
        DataTable demo = RFixture.table("/r/glm/demo-panel.csv");
        RFixture r = RFixture.load("/r/finegray/expected-demo-panel.csv");
        List<String> covariates = List.of(
                "population",
                "gdp_per_capita",
                "gdp_growth_q1",
                "internet_service",
                "internet_penetration",
                "data_agency",
                "leader_experience",
                "platform_type",
                "salience",
                "intra_city_travel",
                "inbound_migration",
                "cumulative_cases",
                "media_reports",
                "competition",
                "provincial_platform");

        FitResult fit = FineGrayModel.fit(
                demo,
                new FitOptions(
                        Model.FINEGRAY,
                        covariates,
                        "city_id",
                        null,
                        null,
                        null,
                        code,
                        null,
                        false,
                        "city_id",
                        null,
                        null,
                        null,
                        null));

        assertMatches(r, "demo.e" + code + ".cluster", fit, covariates, true);
        assertThat((double) fit.events()).isEqualTo(r.get("demo.e" + code + ".events"));
    }

    private static void assertMatches(
            RFixture r, String prefix, FitResult fit, List<String> covariates, boolean cluster) {
        assertThat(fit.model()).isEqualTo("finegray");
        assertThat(fit.converged()).isTrue();
        assertThat((double) fit.iterations())
                .as(prefix + " Newton-Raphson iterations (R: fit$iter)")
                .isEqualTo(r.get(prefix + ".iter"));
        for (String term : covariates) {
            FitResult.Coefficient c = fit.coefficient(term);
            r.assertClose(prefix + ".coef." + term, c.estimate());
            r.assertClose(prefix + ".se." + term, c.stdError());
            if (cluster) {
                r.assertClose(prefix + ".rse." + term, c.robustStdError());
            } else {
                assertThat(c.robustStdError()).isNull();
            }
        }
        r.assertClose(prefix + ".loglik", fit.logLikelihood());
        r.assertClose(prefix + ".nullloglik", fit.nullLogLikelihood());
        r.assertClose(prefix + ".aic", fit.aic());
        r.assertClose(prefix + ".wald", fit.tests().wald().statistic());
        r.assertClose(prefix + ".score", fit.tests().score().statistic());
        r.assertClose(prefix + ".concordance", fit.concordance());
        assertThat(fit.phTest()).isNull();
        assertThat(fit.baseline()).isEmpty();
    }

    @Test
    void breslowTiesAsOptionEqualR() {
        DataTable table = RFixture.table("/r/finegray/mgus2.csv");
        RFixture r = RFixture.load("/r/finegray/expected-mgus2.csv");
        FitOptions breslow = new FitOptions(
                Model.FINEGRAY,
                List.of("age", "male"),
                "id",
                null,
                null,
                null,
                1,
                Ties.BRESLOW,
                false,
                "id",
                null,
                null,
                null,
                null);

        FitResult fit = HazardModels.fit(table, breslow);

        assertMatches(r, "mgus2.e1.cluster.breslow", fit, List.of("age", "male"), true);
        assertThat(fit.coefficient("age").estimate()).isNotEqualTo(r.get("mgus2.e1.cluster.coef.age"));
    }

    @Test
    void rowsWithAMissingCovariateAreLeftOutBeforeTheWeightsAreComputed() {
        DataTable panel = RFixture.table("/r/glm/sim-panel.csv");
        FitResult fit = HazardModels.fit(panel, options(List.of("x1", "z"), 1, "id"));

        assertThat(fit.excludedRows()).isEqualTo(3);
        assertThat(fit.n()).isEqualTo(panel.rowCount() - 3);
        assertThat(fit.converged()).isTrue();
    }

    @Test
    void finegrayWithoutAnEventCodeNamesTheOption() {
        DataTable table = RFixture.table("/r/finegray/mgus2.csv");
        assertThatThrownBy(() -> FineGrayModel.fit(table, options(List.of("age"), null, null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("option --event-code");
    }

    @Test
    void anEventCodeThatNoRowHasIsBadInput() {
        DataTable table = RFixture.table("/r/finegray/mgus2.csv");
        assertThatThrownBy(() -> FineGrayModel.fit(table, options(List.of("age"), 3, null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("event code 3");
    }

    @Test
    void aMissingIdColumnIsNamed() {
        DataTable table = RFixture.table("/r/glm/veteran.csv");
        FitOptions noId = new FitOptions(
                Model.FINEGRAY,
                List.of("age"),
                "subject",
                "start",
                "stop",
                "event",
                1,
                null,
                false,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> FineGrayModel.fit(table, noId))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'subject'");
    }

    @Test
    void warmStartLandsOnRsEstimates() {
        DataTable table = RFixture.table("/r/finegray/mgus2.csv");
        RFixture r = RFixture.load("/r/finegray/expected-mgus2.csv");
        FitOptions warm = options(List.of("age", "male"), 1, "id")
                .withInitialEstimates(java.util.Map.of("age", -0.03, "male", 0.1));

        FitResult fit = FineGrayModel.fit(table, warm);

        r.assertClose("mgus2.e1.cluster.coef.age", fit.coefficient("age").estimate());
        r.assertClose("mgus2.e1.cluster.coef.male", fit.coefficient("male").estimate());
        r.assertClose("mgus2.e1.cluster.nullloglik", fit.nullLogLikelihood());
    }
}
