package org.hazardstream.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.junit.jupiter.api.Test;

/** The identification verdict of {@link Identification}, on hand-made data and on the demo panel. */
class IdentificationTest {

    /** Rows of (id, start, stop, event, x, y, z). */
    private static DataTable table(double[]... rows) {
        DataTable.Rows table = DataTable.rows("hand", List.of("id", "start", "stop", "event", "x", "y", "z"));
        for (double[] row : rows) {
            for (double v : row) {
                table.number(v);
            }
            table.endRow();
        }
        return table.build();
    }

    @Test
    void oneEventForThreeCovariatesIsNotIdentified() {
        DataTable data = table(
                new double[] {1, 0, 1, 1, 0.5, 2, 7},
                new double[] {2, 0, 1, 0, 1.5, 1, 3},
                new double[] {3, 0, 1, 0, 2.5, 4, 1},
                new double[] {4, 0, 1, 0, 0.1, 3, 9});
        FitResult fit = HazardModels.fit(data, FitOptions.of(Model.COX, List.of("x", "y", "z")));

        assertThat(fit.identified()).isFalse();
        assertThat(fit.warnings()).anySatisfy(w -> assertThat(w).contains("not identified: 1 events for 3"));
    }

    @Test
    void aCovariateThatIsOneInEveryEventRowIsNamed() {
        // x = 1 for every event, mixed among the others: the partial likelihood rises without end in x.
        DataTable data = table(
                new double[] {1, 0, 1, 1, 1, 2.0, 7},
                new double[] {2, 0, 2, 1, 1, 1.0, 3},
                new double[] {3, 0, 3, 1, 1, 4.0, 1},
                new double[] {4, 0, 4, 0, 0, 3.0, 9},
                new double[] {5, 0, 4, 0, 1, 0.5, 2},
                new double[] {6, 0, 4, 0, 0, 2.5, 5});
        FitResult fit = HazardModels.fit(data, FitOptions.of(Model.COX, List.of("x", "y")));

        assertThat(fit.identified()).isFalse();
        assertThat(fit.warnings()).anySatisfy(w -> assertThat(w).contains("x takes one value in every event row"));
        assertThat(fit.warnings()).noneSatisfy(w -> assertThat(w).contains("events for"));
    }

    @Test
    void theVerdictTravelsInTheJsonAfterIterationsAndAnOldResultWithoutItReadsAsUnknown() {
        DataTable data = table(new double[] {1, 0, 1, 1, 0.5, 2, 7}, new double[] {2, 0, 1, 0, 1.5, 1, 3});
        String json = FitResultJson.write(HazardModels.fit(data, FitOptions.of(Model.COX, List.of("x"))));
        assertThat(json).contains("\"iterations\":").contains("\"identified\":false");
        assertThat(json.indexOf("\"identified\"")).isGreaterThan(json.indexOf("\"iterations\""));

        String old = json.replace("\"identified\":false,", "");
        assertThat(FitResultJson.read(old).identified()).isNull();
    }
}
