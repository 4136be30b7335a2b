package org.hazardstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountyStudyTest {

    private static final CountyStudy.Design SMALL = new CountyStudy.Design(7L, 120, 5, LocalDate.of(2020, 1, 1), 40, 3);

    @Test
    void theStandardStudyHasItsUnitsProvincesAndDays() {
        CountyStudy study = CountyStudy.generate(CountyStudy.Design.STANDARD);

        List<List<String>> cities = study.rows("cities");
        assertThat(cities).hasSize(2844);
        assertThat(cities.stream().map(row -> row.get(0)).distinct()).hasSize(2844);
        assertThat(cities.stream().map(row -> row.get(2)).distinct()).hasSize(31);
        assertThat(study.rows("provinces")).hasSize(31);
        assertThat(CountyStudy.Design.STANDARD.windowEnd()).isEqualTo(LocalDate.of(2020, 12, 30));
        // Daily records from the lag before the window to its end: 3 + 365 days of every unit.
        assertThat(study.rowsDated("daily", d -> d.isBefore(LocalDate.of(2020, 1, 1))))
                .hasSize(3 * 2844);
        assertThat(study.rowsDated("daily", LocalDate.of(2020, 12, 30)::equals)).hasSize(2844);
        assertThat(study.rowsDated("national", d -> true)).hasSize(368);
        // Adoptions spread over the year leave most units at risk: about a million panel rows at the end.
        assertThat(study.expectedPanelRows(365)).isBetween(900_000L, 1_038_060L);
        assertThat(study.expectedEvents(365)).isBetween(300, 1500);
        assertThat(study.expectedEvents(182))
                .isBetween(study.expectedEvents(365) / 5, study.expectedEvents(365) * 4 / 5);
    }

    @Test
    void aDesignGivesTheSameStudyEveryTimeAndAnotherSeedAnother() {
        CountyStudy once = CountyStudy.generate(SMALL);
        CountyStudy again = CountyStudy.generate(SMALL);
        for (String stream : List.of("cities", "national", "provinces", "adoptions", "daily")) {
            assertThat(again.rows(stream)).as(stream).isEqualTo(once.rows(stream));
        }
        assertThat(CountyStudy.generate(SMALL.withSeed(8L)).rows("daily")).isNotEqualTo(once.rows("daily"));
        assertThat(once.summary()).isEqualTo(again.summary());
    }

    @Test
    void theFilesHaveTheDemosShapeAndReadBackAsTheyWereGenerated(@TempDir Path dir) {
        CountyStudy study = CountyStudy.generate(SMALL);
        study.write(dir);
        DemoData read = DemoData.read(dir);
        DemoData demo = DemoData.read(Path.of(System.getProperty("hazard.repo.root", "../.."), "deploy/local/demo"));

        for (String stream : StudyData.STREAMS) {
            assertThat(read.header(stream))
                    .as(stream)
                    .isEqualTo(demo.header(stream))
                    .isEqualTo(study.header(stream));
        }
        assertThat(read.rows("cities")).isEqualTo(study.rows("cities"));
        assertThat(read.rows("national")).isEqualTo(study.rows("national"));
        assertThat(read.rows("provinces")).isEqualTo(study.rows("provinces"));
        assertThat(read.rows("adoptions")).isEqualTo(study.rows("adoptions"));
        // daily.csv is by unit then date (as the demo's); the study hands out a day's rows.
        assertThat(read.rows("daily")).hasSize(120 * 43).containsExactlyInAnyOrderElementsOf(study.rows("daily"));
        LocalDate day = LocalDate.of(2020, 1, 10);
        assertThat(read.rowsDated("daily", day::equals)).isEqualTo(study.rowsDated("daily", day::equals));

        // Each unit adopts at most once, in a mode of the contract; a launch date is empty or in the window.
        Set<String> adopters = new HashSet<>();
        for (List<String> adoption : read.rows("adoptions")) {
            assertThat(adopters.add(adoption.get(0))).isTrue();
            assertThat(adoption.get(2)).isIn("1", "2");
        }
        for (List<String> province : read.rows("provinces")) {
            assertThat(province.get(1)).matches("|2020-\\d\\d-\\d\\d");
        }
        // Cumulative cases never fall.
        int cases = read.header("daily").indexOf("cumulative_cases");
        List<List<String>> daily = read.rows("daily");
        for (int i = 1; i < daily.size(); i++) {
            if (daily.get(i).get(0).equals(daily.get(i - 1).get(0))) {
                assertThat(Long.parseLong(daily.get(i).get(cases)))
                        .isGreaterThanOrEqualTo(Long.parseLong(daily.get(i - 1).get(cases)));
            }
        }
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(CountyStudy.decimal(0.0004, 3)).isEqualTo("0");
        assertThat(CountyStudy.decimal(0.001, 3)).isEqualTo("0.001");
        assertThat(CountyStudy.decimal(12.5, 2)).isEqualTo("12.5");
        assertThat(CountyStudy.decimal(-6.0, 1)).isEqualTo("-6");
        assertThat(CountyStudy.decimal(12345678.0, 2)).isEqualTo("12345678");
    }
}
