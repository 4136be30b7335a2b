package org.hazardstream.core.finegray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.glm.RFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expansion against R's own: expanded-*.csv hold, row for row, the output of
 * {@code finegray(Surv(start, stop, status) ~ ., data = d, id = id, etype = "eK")} (source row, fgstart, fgstop,
 * fgstatus, fgwt), written by hazard-core/src/test/r/finegray-fixtures.R.
 */
class FineGrayExpansionTest {

    @ParameterizedTest(name = "{0} event {1}")
    @CsvSource({
        "mgus2.csv, 1, expanded-mgus2-event1.csv",
        "mgus2.csv, 2, expanded-mgus2-event2.csv",
        "../glm/sim-panel.csv, 1, expanded-panel-event1.csv",
        "../glm/sim-panel.csv, 2, expanded-panel-event2.csv",
        "panel-delayed.csv, 1, expanded-delayed-event1.csv"
    })
    void expansionEqualsRsFinegrayRowForRow(String data, int code, String expanded) throws IOException {
        DataTable table = RFixture.table("/r/finegray/" + data);
        double[] start = table.numeric("start");
        double[] stop = table.numeric("stop");
        double[] event = table.numeric("event");
        double[] id = table.numeric("id");
        int n = table.rowCount();
        int[] status = new int[n];
        int[] subject = new int[n];
        int[] rowNumber = new int[n];
        for (int i = 0; i < n; i++) {
            status[i] = (int) event[i];
            subject[i] = (int) id[i];
            rowNumber[i] = i + 1;
        }

        FineGrayExpansion.Rows rows = FineGrayExpansion.expand(start, stop, status, subject, code, rowNumber);

        List<CSVRecord> expected = read("/r/finegray/" + expanded);
        assertThat(rows.size()).as("expanded rows").isEqualTo(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            CSVRecord r = expected.get(k);
            assertThat(rows.sourceRow()[k] + 1).as("row %d source", k).isEqualTo(Integer.parseInt(r.get("row")));
            assertThat(rows.start()[k]).as("row %d fgstart", k).isEqualTo(Double.parseDouble(r.get("fgstart")));
            assertThat(rows.stop()[k]).as("row %d fgstop", k).isEqualTo(Double.parseDouble(r.get("fgstop")));
            assertThat(rows.event()[k])
                    .as("row %d fgstatus", k)
                    .isEqualTo(r.get("fgstatus").equals("1"));
            double w = Double.parseDouble(r.get("fgwt"));
            assertThat(rows.weight()[k]).as("row %d fgwt", k).isCloseTo(w, offset(1e-12 * Math.abs(w)));
        }
    }

    /** Hand-worked: censoring at 2 (of 4 at risk) and 5; a competing event at 1 is extended with G(t)/G(1). */
    @Test
    void competingEventRowsCarryTheCensoringSurvivorRatio() {
        // subjects: A competing at 1; B censored at 2; C event at 3; D censored at 5; E event at 6
        double[] start = {0, 0, 0, 0, 0};
        double[] stop = {1, 2, 3, 5, 6};
        int[] status = {2, 0, 1, 0, 1};
        int[] subject = {0, 1, 2, 3, 4};
        FineGrayExpansion.Rows rows =
                FineGrayExpansion.expand(start, stop, status, subject, 1, new int[] {1, 2, 3, 4, 5});

        // A: (0, 2] weight 1, (2, 5] weight G(2)/G(1) = 3/4, (5, 6] weight G(5)/G(1) = 3/4 * 1/2
        assertThat(rows.size()).isEqualTo(7);
        assertThat(rows.stop()[0]).isEqualTo(2.0);
        assertThat(rows.weight()[0]).isEqualTo(1.0);
        assertThat(rows.start()[1]).isEqualTo(2.0);
        assertThat(rows.stop()[1]).isEqualTo(5.0);
        assertThat(rows.weight()[1]).isCloseTo(0.75, offset(1e-15));
        assertThat(rows.start()[2]).isEqualTo(5.0);
        assertThat(rows.stop()[2]).isEqualTo(6.0);
        assertThat(rows.weight()[2]).isCloseTo(0.375, offset(1e-15));
        assertThat(rows.event()).containsExactly(false, false, false, false, true, false, true);
    }

    @Test
    void anEventBeforeTheLastRowOfASubjectIsBadInput() {
        assertThatThrownBy(() -> FineGrayExpansion.expand(
                        new double[] {0, 1}, new double[] {1, 2}, new int[] {1, 0}, new int[] {0, 0}, 1, new int[] {7, 8
                        }))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 7");
    }

    @Test
    void overlappingRowsOfOneSubjectAreBadInput() {
        assertThatThrownBy(() -> FineGrayExpansion.expand(
                        new double[] {0, 1}, new double[] {2, 3}, new int[] {0, 1}, new int[] {0, 0}, 1, new int[] {4, 5
                        }))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 5 overlaps row 4");
    }

    /** A gap (a row left out for a missing value) is accepted: the subject is simply not at risk inside it. */
    @Test
    void aGapInFollowUpLeavesTheSubjectOutOfTheRiskSetsInside() {
        // subject 0: (0,1] and (2,3] censored; subject 1: (0,4] event 1; subject 2: (0, 2] competing
        FineGrayExpansion.Rows rows = FineGrayExpansion.expand(
                new double[] {0, 2, 0, 0},
                new double[] {1, 3, 4, 2},
                new int[] {0, 0, 1, 2},
                new int[] {0, 0, 1, 2},
                1,
                new int[] {1, 2, 3, 4});

        // censoring at 3 only (subject 0's last row); at risk at 3: subject 0's (2,3] and subject 1 -> G(3) = 1/2
        // subject 2 is extended: (0, 3] weight 1, (3, 4] weight G(3)/G(2) = 1/2
        assertThat(rows.size()).isEqualTo(5);
        assertThat(rows.stop()[3]).isEqualTo(3.0);
        assertThat(rows.start()[4]).isEqualTo(3.0);
        assertThat(rows.stop()[4]).isEqualTo(4.0);
        assertThat(rows.weight()[4]).isCloseTo(0.5, offset(1e-15));
    }

    private static List<CSVRecord> read(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(
                FineGrayExpansionTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }
}
