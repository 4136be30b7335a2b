package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hazardstream.study.panel.Raw.adoption;
import static org.hazardstream.study.panel.Raw.city;
import static org.hazardstream.study.panel.Raw.daily;
import static org.hazardstream.study.panel.Raw.data;
import static org.hazardstream.study.panel.Raw.national;
import static org.hazardstream.study.panel.Raw.province;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each rule of panel-contract.md on a hand-made data set. The window is 2020-02-01 .. 2020-02-06 (T = 6) with a
 * 3-day lag, so day t reads its covariates at 2020-01-28 + t (day 1: 01-29, day 6: 02-03).
 */
class PanelBuilderTest {

    private static final PanelSettings SIX_DAYS =
            new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 6), 3);

    private final PanelBuilder builder = new PanelBuilder();

    /** The panel of {@code raw} with the data observed through the window's end (the tests of the other rules). */
    private Panel observedToTheEnd(RawData raw, PanelSettings settings) {
        raw.apply(Raw.clock(settings.end().toString()));
        return builder.build(raw, settings);
    }

    @Test
    void timeVaryingCovariatesAreReadAtTheDateLagDaysBefore() {
        RawData raw = data(city("A", "P"));
        for (int d = 25; d <= 31; d++) {
            raw.apply(daily("A", "2020-01-" + d, "salience", Integer.toString(d)));
        }
        for (int d = 1; d <= 6; d++) {
            raw.apply(daily("A", "2020-02-0" + d, "salience", Integer.toString(100 + d)));
        }
        List<PanelRow> rows = observedToTheEnd(raw, SIX_DAYS).rows();
        assertThat(rows)
                .extracting(r -> r.covariate("salience"))
                .containsExactly(29.0, 30.0, 31.0, 101.0, 102.0, 103.0);
        assertThat(rows).extracting(PanelRow::day).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows).extracting(PanelRow::start).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(rows).extracting(PanelRow::stop).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows.get(0).date()).isEqualTo(LocalDate.of(2020, 2, 1));
        assertThat(rows.get(5).date()).isEqualTo(LocalDate.of(2020, 2, 6));
    }

    @Test
    void theLagIsASetting() {
        RawData raw = data(
                city("A", "P"), daily("A", "2020-02-01", "salience", "7"), daily("A", "2020-01-31", "salience", "6"));
        PanelSettings noLag = new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 2), 0);
        assertThat(observedToTheEnd(raw, noLag).rows())
                .extracting(r -> r.covariate("salience"))
                .containsExactly(7.0, 7.0);
        PanelSettings oneDay = new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 2), 1);
        assertThat(observedToTheEnd(raw, oneDay).rows())
                .extracting(r -> r.covariate("salience"))
                .containsExactly(6.0, 7.0);
    }

    @Test
    void carryForwardIsFieldByField() {
        RawData raw = data(
                city("A", "P"),
                daily("A", "2020-01-29", "salience", "5", "cumulative_cases", "10"),
                daily("A", "2020-01-30", "cumulative_cases", "12"),
                daily("A", "2020-02-02", "salience", "8"));
        List<PanelRow> rows = observedToTheEnd(raw, SIX_DAYS).rows();
        // r: 01-29, 01-30, 01-31 (no record), 02-01 (no record), 02-02, 02-03 (no record)
        assertThat(rows).extracting(r -> r.covariate("salience")).containsExactly(5.0, 5.0, 5.0, 5.0, 8.0, 8.0);
        assertThat(rows)
                .extracting(r -> r.covariate("cumulative_cases"))
                .containsExactly(10.0, 12.0, 12.0, 12.0, 12.0, 12.0);
    }

    @Test
    void aCovariateWithNoEarlierValueIsMissing() {
        RawData raw = data(
                city("A", "P", "population", "8000000"),
                city("B", "P"),
                daily("A", "2020-01-31", "salience", "3"),
                daily("A", "2020-02-05", "media_reports", "4"));
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        List<PanelRow> a = rowsOf(panel, "A");
        assertThat(a).extracting(r -> r.covariate("salience")).containsExactly(null, null, 3.0, 3.0, 3.0, 3.0);
        assertThat(a).extracting(r -> r.covariate("media_reports")).containsOnlyNulls();
        assertThat(a).extracting(r -> r.covariate("central_policy")).containsOnlyNulls();
        assertThat(a).extracting(r -> r.covariate("population")).containsOnly(8_000_000.0);
        assertThat(a).extracting(r -> r.covariate("gdp_per_capita")).containsOnlyNulls();
        assertThat(rowsOf(panel, "B"))
                .hasSize(6)
                .extracting(r -> r.covariate("salience"))
                .containsOnlyNulls();
    }

    @Test
    void centralPolicyIsTheNationalValueCarriedForward() {
        RawData raw = data(
                city("A", "P"), national("2020-01-20", "0"), national("2020-02-01", "1"), national("2020-02-02", ""));
        assertThat(observedToTheEnd(raw, SIX_DAYS).rows())
                .extracting(r -> r.covariate("central_policy"))
                .containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 1.0);
    }

    @Test
    void competitionCountsOtherCitiesOfTheProvinceThatAdoptedByTheReferenceDate() {
        RawData raw = data(
                city("A", "P"),
                city("B", "P"),
                city("C", "P"),
                city("D", "P"),
                city("E", "Q"),
                adoption("B", "2020-01-20", "1"), // before the window: excluded, but counts for A, C, D
                adoption("C", "2020-02-01", "2"), // counts for A from r = 02-01 (day 4): adoption <= r
                adoption("D", "2020-02-05", "1"), // day 5 of D; counts for A from r = 02-05 (day 8 > T): never
                adoption("E", "2020-02-02", "1")); // another province: never counts for A
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        assertThat(rowsOf(panel, "A"))
                .extracting(r -> r.covariate("competition"))
                .containsExactly(1.0, 1.0, 1.0, 2.0, 2.0, 2.0);
        assertThat(panel.excludedCities()).containsExactly("B");
        // C does not count itself; B counts; D's adoption is after C leaves the risk set
        assertThat(rowsOf(panel, "C"))
                .extracting(r -> r.covariate("competition"))
                .containsOnly(1.0);
        assertThat(rowsOf(panel, "E"))
                .extracting(r -> r.covariate("competition"))
                .containsOnly(0.0);
    }

    @Test
    void provincialPlatformIsOneFromTheLaunchDateOnAtTheReferenceDate() {
        RawData raw =
                data(city("A", "P"), city("B", "Q"), city("C", "R"), province("P", "2020-01-30"), province("Q", ""));
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        assertThat(rowsOf(panel, "A"))
                .extracting(r -> r.covariate("provincial_platform"))
                .containsExactly(0.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(rowsOf(panel, "B"))
                .extracting(r -> r.covariate("provincial_platform"))
                .containsOnly(0.0);
        assertThat(rowsOf(panel, "C"))
                .as("no province record")
                .extracting(r -> r.covariate("provincial_platform"))
                .containsOnly(0.0);
    }

    @Test
    void riskSetEndsOnTheAdoptionDayWithTheModeAsEventCode() {
        RawData raw = data(
                city("A", "P"),
                city("B", "P"),
                city("C", "P"),
                city("D", "P"),
                adoption("A", "2020-02-03", "2"),
                adoption("B", "2020-02-01", "1"),
                adoption("C", "2020-02-07", "1"), // after E: censored at T
                adoption("D", "2020-01-31", "1")); // before S: excluded
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        assertThat(rowsOf(panel, "A")).extracting(PanelRow::event).containsExactly(0, 0, 2);
        assertThat(rowsOf(panel, "B")).extracting(PanelRow::event).containsExactly(1);
        assertThat(rowsOf(panel, "C")).extracting(PanelRow::event).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(rowsOf(panel, "D")).isEmpty();
        assertThat(panel.excludedCities()).containsExactly("D");
        assertThat(panel.events()).isEqualTo(2);
        assertThat(panel.cities()).isEqualTo(3);
        assertThat(panel.rows()).hasSize(3 + 1 + 6);
    }

    @Test
    void aCorrectionReplacesTheWholeRecord() {
        RawData raw = data(
                city("A", "P", "population", "100"),
                daily("A", "2020-01-28", "salience", "1"),
                daily("A", "2020-01-29", "salience", "5", "cumulative_cases", "10"),
                adoption("A", "2020-02-02", "1"));
        raw.apply(daily("A", "2020-01-29", "cumulative_cases", "11")); // salience left empty: missing now
        raw.apply(city("A", "P")); // population withdrawn
        raw.apply(adoption("A", "2020-02-04", "2")); // date fixed later
        List<PanelRow> rows = observedToTheEnd(raw, SIX_DAYS).rows();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).covariate("salience")).as("falls back to 01-28").isEqualTo(1.0);
        assertThat(rows.get(0).covariate("cumulative_cases")).isEqualTo(11.0);
        assertThat(rows.get(0).covariate("population")).isNull();
        assertThat(rows).extracting(PanelRow::event).containsExactly(0, 0, 0, 2);
        raw.apply(adoption("A", "", "")); // withdrawn: at risk to T
        assertThat(observedToTheEnd(raw, SIX_DAYS).rows())
                .hasSize(6)
                .extracting(PanelRow::event)
                .containsOnly(0);
    }

    @Test
    void recordsOfUnknownCitiesDoNotEnterThePanelNorCountAsCompetition() {
        RawData raw = data(daily("X", "2020-01-29", "salience", "1"), adoption("X", "2020-01-30", "1"), city("A", "P"));
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        assertThat(panel.rows()).extracting(PanelRow::cityId).containsOnly("A");
        assertThat(panel.rows()).extracting(r -> r.covariate("competition")).containsOnly(0.0);
        raw.apply(city("X", "P")); // the city record arrives late: now both count
        assertThat(rowsOf(observedToTheEnd(raw, SIX_DAYS), "A"))
                .extracting(r -> r.covariate("competition"))
                .containsExactly(0.0, 1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void rowsAreOrderedByCityIdAsTextThenDay() {
        RawData raw = data(city("9", "P"), city("10", "P"), city("100", "Q"));
        Panel panel = observedToTheEnd(raw, new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 2), 3));
        assertThat(panel.rows())
                .extracting(r -> r.cityId() + "/" + r.day())
                .containsExactly("10/1", "10/2", "100/1", "100/2", "9/1", "9/2");
    }

    @Test
    void rowsForCityEqualTheCitysRowsOfTheFullPanel() {
        RawData raw = data(
                city("A", "P", "population", "10"),
                city("B", "P"),
                city("C", "Q"),
                daily("A", "2020-01-30", "salience", "2"),
                national("2020-01-29", "1"),
                province("P", "2020-02-01"),
                adoption("B", "2020-02-02", "1"),
                adoption("C", "2020-01-01", "1"));
        Panel panel = observedToTheEnd(raw, SIX_DAYS);
        for (String id : List.of("A", "B")) {
            assertThat(builder.rowsForCity(raw, SIX_DAYS, id)).isEqualTo(rowsOf(panel, id));
        }
        assertThat(builder.rowsForCity(raw, SIX_DAYS, "C")).as("excluded").isEmpty();
        assertThat(builder.rowsForCity(raw, SIX_DAYS, "Z")).as("unknown").isEmpty();
    }

    @Test
    void theStudySettingsHaveSixtyDays() {
        PanelSettings study = PanelSettings.study();
        assertThat(study.days()).isEqualTo(60);
        assertThat(study.date(60)).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(study.referenceDate(1)).isEqualTo(LocalDate.of(2020, 1, 29));
        assertThat(study.dayIndex(LocalDate.of(2020, 2, 29))).isEqualTo(29);
    }

    private static List<PanelRow> rowsOf(Panel panel, String cityId) {
        return panel.rows().stream().filter(r -> r.cityId().equals(cityId)).toList();
    }
}
