package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;
import org.junit.jupiter.api.Test;

/** Reading the contract's columns: bad input named precisely, missing values dropped and counted, event codes. */
class CoxInputTest {

    private static DataTable csv(String text) {
        return DataTable.parse(new StringReader(text), "test.csv");
    }

    private static FitOptions options(List<String> covariates, Integer eventCode) {
        return new FitOptions(
                Model.COX,
                covariates,
                null,
                null,
                null,
                null,
                eventCode,
                Ties.EFRON,
                false,
                null,
                null,
                null,
                null,
                null);
    }

    private static final String GOOD = """
            id,start,stop,event,x,g
            1,0,1,1,0.5,a
            2,0,2,2,1.5,b
            3,0,3,0,-0.2,a
            4,0,4,1,0.1,b
            5,0,5,0,2.0,a
            6,0,6,2,-1.0,b
            """;

    @Test
    void stopNotAfterStartNamesTheRow() {
        DataTable t = csv("""
                id,start,stop,event,x
                1,0,1,1,0.5
                2,3,3,1,1.5
                """);
        assertThatThrownBy(() -> CoxRegression.fit(t, options(List.of("x"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("stop (3) must be greater than start (3)");
    }

    @Test
    void unknownCovariateColumnIsNamed() {
        assertThatThrownBy(() -> CoxRegression.fit(csv(GOOD), options(List.of("x", "age"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no column 'age'");
    }

    @Test
    void nonNumericValueNamesRowAndColumn() {
        DataTable t = csv("""
                id,start,stop,event,x
                1,0,1,1,0.5
                2,0,2,1,abc
                """);
        assertThatThrownBy(() -> CoxRegression.fit(t, options(List.of("x"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("'x'");
    }

    @Test
    void rowsWithAMissingUsedValueAreDroppedAndCounted() {
        String withMissing = GOOD + "7,0,7,1,,a\n8,0,8,NA,1,a\n9,,9,1,1,a\n";
        FitResult dropped = CoxRegression.fit(csv(withMissing), options(List.of("x"), null));
        FitResult clean = CoxRegression.fit(csv(GOOD), options(List.of("x"), null));
        assertThat(dropped.excludedRows()).isEqualTo(3);
        assertThat(dropped.n()).isEqualTo(6);
        assertThat(dropped.coefficient("x").estimate())
                .isEqualTo(clean.coefficient("x").estimate());
    }

    @Test
    void eventCodeCountsOnlyThatCodeAndAnyCountsEveryPositiveCode() {
        FitResult any = CoxRegression.fit(csv(GOOD), options(List.of("x"), null));
        FitResult code1 = CoxRegression.fit(csv(GOOD), options(List.of("x"), 1));
        FitResult code2 = CoxRegression.fit(csv(GOOD), options(List.of("x"), 2));
        assertThat(any.events()).isEqualTo(4);
        assertThat(code1.events()).isEqualTo(2);
        assertThat(code2.events()).isEqualTo(2);
        assertThat(code1.coefficient("x").estimate())
                .isNotEqualTo(code2.coefficient("x").estimate());
    }

    @Test
    void hazardModelsRoutesCox() {
        FitResult viaEntry = HazardModels.fit(csv(GOOD), options(List.of("x"), null));
        assertThat(viaEntry.model()).isEqualTo("cox");
        assertThat(viaEntry.coefficient("x").estimate())
                .isEqualTo(CoxRegression.fit(csv(GOOD), options(List.of("x"), null))
                        .coefficient("x")
                        .estimate());
    }

    @Test
    void noEventsIsBadInput() {
        assertThatThrownBy(() -> CoxRegression.fit(csv(GOOD), options(List.of("x"), 7)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no events");
    }

    @Test
    void exactTiesRefuseCaseWeightsAndFirthAsR() {
        CoxData weighted = new CoxData(
                List.of("x"),
                new double[] {0, 0, 0},
                new double[] {1, 2, 3},
                new boolean[] {true, true, false},
                new double[][] {{1, 0, 1}},
                new double[] {1, 2, 1},
                null,
                null);
        assertThatThrownBy(() -> CoxRegression.fit(weighted, CoxSettings.of(Ties.EXACT, false, Map.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("weights");
        CoxData plain = new CoxData(
                List.of("x"),
                new double[] {0, 0, 0},
                new double[] {1, 2, 3},
                new boolean[] {true, true, false},
                new double[][] {{1, 0, 1}},
                null,
                null,
                null);
        assertThatThrownBy(() -> CoxRegression.fit(plain, CoxSettings.of(Ties.EXACT, true, Map.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("firth");
    }

    @Test
    void warmStartReachesTheColdStartEstimate() {
        FitOptions cold = options(List.of("x"), null);
        FitResult a = CoxRegression.fit(csv(GOOD), cold);
        FitResult b = CoxRegression.fit(
                csv(GOOD),
                cold.withInitialEstimates(Map.of("x", a.coefficient("x").estimate() + 0.3)));
        assertThat(b.coefficient("x").estimate())
                .isCloseTo(a.coefficient("x").estimate(), org.assertj.core.api.Assertions.within(1e-8));
        assertThat(b.nullLogLikelihood()).isEqualTo(a.nullLogLikelihood());
        assertThat(b.tests().score().statistic()).isEqualTo(a.tests().score().statistic());
    }

    @Test
    void specsOfOneTableThatDifferOnlyInTheirEventShareOneSortOfItsIntervals() {
        DataTable t = csv(GOOD);
        CoxData allCauses =
                CoxRegression.CoxInput.read(t, options(List.of("x"), null)).data();
        CoxData cause2 =
                CoxRegression.CoxInput.read(t, options(List.of("x"), 2)).data();
        DataTable withMissing = csv(GOOD.replace("4,0,4,1,0.1,b", "4,0,4,1,,b"));
        CoxData dropsARow = CoxRegression.CoxInput.read(withMissing, options(List.of("x"), null))
                .data();

        assertThat(allCauses.times()).isNotNull().isSameAs(cause2.times());
        assertThat(allCauses.event()).isNotEqualTo(cause2.event());
        assertThat(dropsARow.times().rows).isEqualTo(5);
        // Shared or not, the fit is the same.
        CoxData unshared = new CoxData(
                cause2.terms(),
                cause2.start(),
                cause2.stop(),
                cause2.event(),
                cause2.covariates(),
                null,
                cause2.strata(),
                cause2.cluster());
        assertThat(CoxRegression.fit(cause2, CoxSettings.of(Ties.EFRON, false, Map.of()))
                        .coefficients())
                .isEqualTo(CoxRegression.fit(unshared, CoxSettings.of(Ties.EFRON, false, Map.of()))
                        .coefficients());
    }

    @Test
    void anEventCodeThatIsNotAWholeNumberIsRefusedAsByTheOtherModels() {
        DataTable t = csv(GOOD.replace("4,0,4,1,0.1,b", "4,0,4,0.5,0.1,b"));

        assertThatThrownBy(() -> CoxRegression.fit(t, options(List.of("x"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("test.csv: row 4, column 'event': event code 0.5 is not a whole number >= 0");
    }
}
