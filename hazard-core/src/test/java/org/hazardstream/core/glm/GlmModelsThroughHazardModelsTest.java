package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;

/** pce and logit reached through the library's single entry point, and the row-level bad input they report. */
class GlmModelsThroughHazardModelsTest {

    private static final DataTable PANEL = RFixture.table("/r/glm/sim-panel.csv");
    private static final RFixture SIM = RFixture.load("/r/glm/expected-sim-panel.csv");

    @Test
    void pceAndLogitAreServedByHazardModels() {
        FitResult pce = HazardModels.fit(
                PANEL,
                new FitOptions(
                        Model.PCE,
                        List.of("x1", "x2", "z", "w"),
                        "id",
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "id",
                        null,
                        List.of(28.0),
                        List.of("z", "w"),
                        null));
        FitResult logit = HazardModels.fit(
                PANEL,
                new FitOptions(
                        Model.LOGIT,
                        List.of("x1", "x2", "z", "w"),
                        "id",
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "id",
                        null,
                        List.of(28.0),
                        null,
                        null));

        SIM.assertClose("pce.coef.z@2", pce.coefficient("z@2").estimate());
        SIM.assertClose("logit.rse.w", logit.coefficient("w").robustStdError());
    }

    @Test
    void clusterNoneMeansNoRobustStandardErrors() {
        FitResult logit = HazardModels.fit(
                PANEL,
                new FitOptions(
                        Model.LOGIT,
                        List.of("x1"),
                        "id",
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "none",
                        null,
                        List.of(28.0),
                        null,
                        null));

        assertThat(logit.coefficient("x1").robustStdError()).isNull();
    }

    @Test
    void aStopNotAfterItsStartNamesTheRow() {
        DataTable table =
                DataTable.parse(new StringReader("id,start,stop,event,x\n1,0,1,0,0.5\n1,1,1,1,0.2\n"), "t.csv");
        assertThatThrownBy(() -> HazardModels.fit(table, FitOptions.of(Model.PCE, List.of("x"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("stop");
    }

    @Test
    void aNonNumericCovariateNamesRowAndColumn() {
        DataTable table = DataTable.parse(new StringReader("id,start,stop,event,x\n1,0,1,0,abc\n"), "t.csv");
        assertThatThrownBy(() -> HazardModels.fit(table, FitOptions.of(Model.LOGIT, List.of("x"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("'x'");
    }

    @Test
    void aFractionalEventCodeIsBadInput() {
        DataTable table = DataTable.parse(new StringReader("id,start,stop,event,x\n1,0,1,0.5,1\n"), "t.csv");
        assertThatThrownBy(() -> HazardModels.fit(table, FitOptions.of(Model.LOGIT, List.of("x"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("'event'");
    }

    @Test
    void rowsWithAMissingCovariateAreLeftOutAndCounted() {
        FitResult fit = HazardModels.fit(PANEL, FitOptions.of(Model.LOGIT, List.of("z")));

        assertThat(fit.excludedRows()).isEqualTo(3);
        assertThat(fit.n()).isEqualTo(PANEL.rowCount() - 3);
    }

    @Test
    void optionsThatDoNotApplyToTheModelAreNamed() {
        assertThatThrownBy(() -> HazardModels.fit(
                        PANEL,
                        new FitOptions(
                                Model.PCE,
                                List.of("x1"),
                                "id",
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                List.of(28.0),
                                null,
                                null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("option --firth");
        assertThatThrownBy(() -> HazardModels.fit(
                        PANEL,
                        new FitOptions(
                                Model.LOGIT,
                                List.of("x1"),
                                "id",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                "x2",
                                List.of(28.0),
                                null,
                                null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("option --strata");
        assertThatThrownBy(() -> HazardModels.fit(
                        PANEL,
                        new FitOptions(
                                Model.LOGIT,
                                List.of("x1"),
                                "id",
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null,
                                List.of(28.0),
                                List.of("x1"),
                                null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("option --period-specific");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"28,abc", "28;45", "45,28", "28,,45", "Inf"})
    void anUnreadableBreakListNamesTheOption(String breaks) {
        assertThatThrownBy(() -> HazardModels.fit(
                        PANEL,
                        org.hazardstream.core.fit.FitOptionsParser.parse(
                                java.util.Map.of("model", "pce", "covariates", "x1", "breaks", breaks))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("option --breaks");
    }

    @Test
    void readableBreaksFromTheCommandLineFitTheSameModel() {
        FitResult parsed = HazardModels.fit(
                PANEL,
                org.hazardstream.core.fit.FitOptionsParser.parse(java.util.Map.of(
                        "model",
                        "pce",
                        "covariates",
                        "x1,x2,z,w",
                        "breaks",
                        "28",
                        "period-specific",
                        "z,w",
                        "cluster",
                        "id")));

        SIM.assertClose("pce.rse.w@2", parsed.coefficient("w@2").robustStdError());
    }
}
