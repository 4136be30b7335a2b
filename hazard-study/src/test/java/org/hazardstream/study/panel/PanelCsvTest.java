package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hazardstream.study.panel.Raw.adoption;
import static org.hazardstream.study.panel.Raw.city;
import static org.hazardstream.study.panel.Raw.daily;
import static org.hazardstream.study.panel.Raw.data;

import java.time.LocalDate;

import org.hazardstream.core.data.DataTable;
import org.junit.jupiter.api.Test;

class PanelCsvTest {

    private static final PanelSettings TWO_DAYS =
            new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 2), 3);

    @Test
    void numbersReadBackToTheSameDoubleAndIntegralValuesHaveNoFraction() {
        for (double v :
                new double[] {8_000_000, 0, -3, 0.1, 1.0 / 3, 12345678.9, 2.5e-7, 1e20, -0.5, 4503599627370497.0}) {
            String text = Panel.formatNumber(v);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                assertThat(text).as("integral").doesNotContain(".", "e", "E");
            }
        }
        assertThat(Panel.formatNumber(1e20)).isEqualTo("1e20"); // the study contract's exponent notation
        assertThat(Panel.formatNumber(2.5e-7)).isEqualTo("2.5e-7");
        assertThat(Panel.formatNumber(8_000_000)).isEqualTo("8000000");
        assertThat(Panel.formatNumber(0.25)).isEqualTo("0.25");
    }

    @Test
    void csvHasTheContractColumnsAndEmptyFieldsForMissingValues() {
        RawData raw = data(
                city("330100", "330000", "population", "8000000", "gdp_per_capita", "152465.5"),
                daily("330100", "2020-01-30", "salience", "0.125", "cumulative_cases", "36"),
                adoption("330100", "2020-02-02", "1"),
                Raw.clock("2020-02-02"));
        String csv = new PanelBuilder().build(raw, TWO_DAYS).toCsv();
        String[] lines = csv.split("\n");
        assertThat(lines[0])
                .isEqualTo("city_id,province_id,day,date,start,stop,event,population,gdp_per_capita,"
                        + "gdp_growth_q1,internet_service,internet_penetration,data_agency,leader_experience,platform_type,"
                        + "salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports,central_policy,"
                        + "competition,provincial_platform");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("330100,330000,1,2020-02-01,0,1,0,8000000,152465.5,,,,,,,,,,,,,0,0");
        assertThat(lines[2]).isEqualTo("330100,330000,2,2020-02-02,1,2,1,8000000,152465.5,,,,,,,0.125,,,36,,,0,0");
    }

    @Test
    void theDataTableHoldsTheSameValues() {
        RawData raw = data(
                city("A", "P", "population", "8000000"),
                daily("A", "2020-01-29", "salience", "0.1"),
                Raw.clock("2020-02-02"));
        DataTable table = new PanelBuilder().build(raw, TWO_DAYS).toDataTable();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.columns()).isEqualTo(PanelRow.COLUMNS);
        assertThat(table.numeric("salience")).containsExactly(0.1, 0.1);
        assertThat(table.numeric("population")).containsExactly(8e6, 8e6);
        assertThat(table.numeric("stop")).containsExactly(1, 2);
        assertThat(Double.isNaN(table.numeric("media_reports")[0])).isTrue();
        assertThat(table.text("city_id")).containsExactly("A", "A");
    }

    @Test
    void theDataTableIsTheTableReadFromTheCsvWhateverTheIdsAndMissingValues() {
        // Numeric and text city ids in one column (the column turns to text at the first text id, as a CSV read does),
        // fractions, large integers and missing covariates.
        RawData raw = data(
                city("330100", "330000", "population", "8000000", "gdp_per_capita", "152465.5"),
                city("B7", "330000", "population", "12345678901234567"),
                city("330200", "330000", "population", "0.1"),
                daily("330100", "2020-01-29", "salience", "0.125", "cumulative_cases", "36"),
                daily("B7", "2020-01-30", "salience", "1e-7"),
                adoption("330200", "2020-02-02", "2"),
                Raw.clock("2020-02-02"));
        Panel panel = new PanelBuilder().build(raw, TWO_DAYS);

        assertSameTable(panel.toDataTable(), DataTable.parse(new java.io.StringReader(panel.toCsv()), "panel.csv"));
        assertThat(panel.toDataTable().text("city_id")).contains("B7", "330100");
    }

    /** Same columns and rows, every column the same as text and, where numeric, the same doubles. */
    static void assertSameTable(DataTable actual, DataTable expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (String column : expected.columns()) {
            assertThat(actual.text(column)).as(column).containsExactly(expected.text(column));
            double[] numbers;
            try {
                numbers = expected.numeric(column);
            } catch (org.hazardstream.core.data.BadInputException textColumn) {
                continue;
            }
            assertThat(actual.numeric(column)).as(column).containsExactly(numbers);
        }
    }
}
