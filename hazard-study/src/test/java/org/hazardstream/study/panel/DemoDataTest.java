package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.data.DataTable;
import org.junit.jupiter.api.Test;

/**
 * The committed demo data set (deploy/local/demo) reads cleanly and its panel agrees with its adoptions file,
 * counted here straight from the CSV.
 */
class DemoDataTest {

    private static final Path DEMO = Path.of("..", "deploy", "local", "demo");

    @Test
    void thePanelAgreesWithTheAdoptionsFile() throws IOException {
        PanelSettings study = PanelSettings.study();
        RawData raw = RawData.readDirectory(DEMO);
        Panel panel = new PanelBuilder().build(raw, study);

        int expectedRows = 0;
        int excluded = 0;
        Map<Integer, Integer> eventsByMode = new HashMap<>();
        Map<String, CSVRecord> adoptions = new HashMap<>();
        for (CSVRecord r : read("adoptions.csv")) {
            adoptions.put(r.get("city_id"), r);
        }
        for (CSVRecord city : read("cities.csv")) {
            CSVRecord adoption = adoptions.get(city.get("city_id"));
            LocalDate date = adoption == null ? null : LocalDate.parse(adoption.get("date"));
            if (date != null && date.isBefore(study.start())) {
                excluded++;
            } else if (date != null && !date.isAfter(study.end())) {
                expectedRows += (int) study.dayIndex(date);
                eventsByMode.merge(Integer.parseInt(adoption.get("mode")), 1, Integer::sum);
            } else {
                expectedRows += study.days();
            }
        }
        assertThat(raw.cities()).hasSize(128);
        assertThat(panel.rows()).hasSize(expectedRows);
        assertThat(panel.excludedCities()).hasSize(excluded).isNotEmpty();
        assertThat(panel.cities()).isEqualTo(128 - excluded);
        assertThat(eventsByMode.keySet()).containsExactlyInAnyOrder(1, 2);
        for (int mode : List.of(1, 2)) {
            assertThat(panel.rows().stream().filter(r -> r.event() == mode).count())
                    .isEqualTo(eventsByMode.get(mode).longValue());
        }
        assertThat(panel.events()).isBetween(90, 125);
        assertThat(panel.rows())
                .anyMatch(r -> r.covariate("provincial_platform") == 1.0)
                .anyMatch(r -> r.covariate("competition") > 0);
    }

    @Test
    void everyCityHasADailyRowFrom25JanuaryTo31MarchWithNonDecreasingCases() {
        RawData raw = RawData.readDirectory(DEMO);
        for (String city : raw.cities().keySet()) {
            NavigableMap<LocalDate, RawRecord> days = raw.daily(city);
            assertThat(days).as(city).hasSize(67);
            assertThat(days.firstKey()).isEqualTo(LocalDate.of(2020, 1, 25));
            assertThat(days.lastKey()).isEqualTo(LocalDate.of(2020, 3, 31));
            double previous = 0;
            for (RawRecord day : days.values()) {
                double cases = Double.parseDouble(day.get("cumulative_cases"));
                assertThat(cases).as(city + " " + day.get("date")).isGreaterThanOrEqualTo(previous);
                previous = cases;
            }
        }
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DEMO.resolve(file))) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    @Test
    void theFittersTableOfThePanelIsTheTableReadFromItsCsv() {
        Panel panel = new PanelBuilder().build(RawData.readDirectory(DEMO), PanelSettings.study());
        PanelCsvTest.assertSameTable(
                panel.toDataTable(), DataTable.parse(new java.io.StringReader(panel.toCsv()), "panel.csv"));
    }
}
