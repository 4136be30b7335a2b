package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hazardstream.study.panel.Raw.adoption;
import static org.hazardstream.study.panel.Raw.city;
import static org.hazardstream.study.panel.Raw.daily;
import static org.hazardstream.study.panel.Raw.data;
import static org.hazardstream.study.panel.Raw.national;
import static org.hazardstream.study.panel.Raw.province;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The "Observation" rule of panel-contract.md (version 2): a panel is censored at its data-through date
 * D = min(E, latest daily date, explicit through date). Window 2020-02-01 .. 2020-02-06, lag 3.
 */
class PanelObservationTest {

    private static final PanelSettings SIX_DAYS =
            new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 6), 3);
    private static final Path DEMO = Path.of("..", "deploy", "local", "demo");

    private final PanelBuilder builder = new PanelBuilder();

    @Test
    void rowsEndAtTheLatestDateOfTheDailyStream() {
        RawData raw = data(city("A", "P"), city("B", "P"), daily("A", "2020-02-03", "salience", "1"));
        Panel panel = builder.build(raw, SIX_DAYS);
        // B has no daily record of its own: the latest date of ANY daily record is what has been observed.
        assertThat(panel.rows())
                .extracting(r -> r.cityId() + r.day())
                .containsExactly("A1", "A2", "A3", "B1", "B2", "B3");
        assertThat(PanelBuilder.dataThrough(raw, SIX_DAYS)).isEqualTo(LocalDate.of(2020, 2, 3));
    }

    @Test
    void anAdoptionAfterTheDataThroughDateIsNotYetAnEvent() {
        RawData raw = data(city("A", "P"), city("B", "P"), adoption("A", "2020-02-05", "2"), daily("B", "2020-02-04"));
        assertThat(builder.build(raw, SIX_DAYS).rows())
                .filteredOn(r -> r.cityId().equals("A"))
                .extracting(PanelRow::event)
                .containsExactly(0, 0, 0, 0);

        raw.apply(daily("B", "2020-02-05"));
        assertThat(builder.build(raw, SIX_DAYS).rows())
                .filteredOn(r -> r.cityId().equals("A"))
                .extracting(PanelRow::event)
                .containsExactly(0, 0, 0, 0, 2);
    }

    @Test
    void theDataThroughDateIsCappedAtTheWindowsEnd() {
        RawData raw = data(city("A", "P"), daily("A", "2020-03-01"));
        assertThat(PanelBuilder.dataThrough(raw, SIX_DAYS)).isEqualTo(SIX_DAYS.end());
        assertThat(builder.build(raw, SIX_DAYS).rows()).hasSize(6);
    }

    @Test
    void anExplicitThroughDateCutsThePanelButNeverExtendsIt() {
        RawData raw = data(city("A", "P"), daily("A", "2020-02-04"));
        assertThat(builder.build(raw, SIX_DAYS.withThrough(LocalDate.of(2020, 2, 2)))
                        .rows())
                .hasSize(2);
        assertThat(builder.build(raw, SIX_DAYS.withThrough(LocalDate.of(2020, 2, 6)))
                        .rows())
                .hasSize(4);
        assertThat(builder.build(raw, SIX_DAYS.withThrough(LocalDate.of(2020, 1, 20)))
                        .rows())
                .isEmpty();
    }

    @Test
    void withNoDailyRecordThereIsNoPanelYet() {
        RawData raw = data(
                city("A", "P"),
                national("2020-02-01", "1"),
                province("P", "2020-02-01"),
                adoption("A", "2020-02-02", "1"));
        assertThat(builder.build(raw, SIX_DAYS).rows()).isEmpty();
        assertThat(PanelBuilder.dataThrough(raw, SIX_DAYS)).isNull();
    }

    @Test
    void dailyDataOnlyBeforeTheWindowGiveNoRows() {
        RawData raw = data(city("A", "P"), daily("A", "2020-01-29", "salience", "3"));
        assertThat(builder.build(raw, SIX_DAYS).rows()).isEmpty();
    }

    @Test
    void theRowsOfACityFromADayOnAreTheTailOfItsRows() {
        RawData raw = data(
                city("A", "P"),
                city("B", "P"),
                daily("A", "2020-01-30", "salience", "2"),
                daily("B", "2020-02-05"),
                adoption("B", "2020-02-04", "1"),
                national("2020-02-01", "1"));
        List<PanelRow> all = builder.rowsForCity(raw, SIX_DAYS, "A");
        Map<String, Integer> firstDays = new HashMap<>(Map.of("A", 3, "B", 5, "Z", 1));
        Map<String, List<PanelRow>> tails = builder.rowsForCities(raw, SIX_DAYS, firstDays);
        assertThat(tails.get("A")).isEqualTo(all.subList(2, all.size()));
        assertThat(tails.get("B")).as("B's last row is day 4, its adoption").isEmpty();
        assertThat(tails.get("Z")).as("unknown").isEmpty();
    }

    /**
     * On complete data, the panel through D is the full panel cut at t(D): an adoption after D only takes away rows
     * after t(D), and covariates are read at reference dates before D. Checked for every day of the demo window.
     */
    @Test
    void onTheDemoDataThePanelThroughEveryDayIsTheFullPanelCutThere() {
        RawData raw = RawData.readDirectory(DEMO);
        PanelSettings study = PanelSettings.study();
        Panel full = builder.build(raw, study);
        for (int day = 0; day <= study.days(); day++) {
            LocalDate through = study.start().plusDays(day - 1L);
            int cut = day;
            Panel observed = builder.build(raw, study.withThrough(through));
            assertThat(observed.rows())
                    .as("through %s", through)
                    .isEqualTo(full.rows().stream().filter(r -> r.day() <= cut).toList());
            assertThat(observed.excludedCities()).isEqualTo(full.excludedCities());
        }
    }
}
