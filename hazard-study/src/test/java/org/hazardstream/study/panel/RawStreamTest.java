package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.PlainDecimal;
import org.junit.jupiter.api.Test;

class RawStreamTest {

    @Test
    void idsColumnsAndKeysFollowTheContract() {
        assertThat(RawStream.byId("daily")).contains(RawStream.DAILY);
        assertThat(RawStream.byId("weekly")).isEmpty();
        assertThat(RawStream.DAILY.columns())
                .containsExactly(
                        "city_id",
                        "date",
                        "salience",
                        "intra_city_travel",
                        "inbound_migration",
                        "cumulative_cases",
                        "media_reports");
        assertThat(RawStream.CITIES.columns())
                .hasSize(11)
                .startsWith("city_id", "city_name", "province_id")
                .endsWith("platform_type");
        assertThat(RawStream.DAILY.key(Map.of("city_id", "110000", "date", "2020-02-03")))
                .isEqualTo("110000|2020-02-03");
        assertThat(RawStream.ADOPTIONS.key(Map.of("city_id", " 330100 ", "date", "2020-02-11")))
                .isEqualTo("330100");
    }

    @Test
    void aValidRowHasNoErrorsAndEmptyFieldsAreMissingValues() {
        assertThat(Raw.daily("110000", "2020-02-03", "salience", "1.5", "cumulative_cases", "12")
                        .validate())
                .isEmpty();
        assertThat(Raw.city("110000", "110000").validate()).isEmpty();
        assertThat(Raw.adoption("110000", "", "").validate())
                .as("withdrawn adoption")
                .isEmpty();
    }

    @Test
    void missingAndUnknownColumnsAreNamed() {
        Map<String, String> fields =
                new LinkedHashMap<>(Raw.national("2020-02-01", "1").fields());
        fields.remove("central_policy");
        fields.put("centralpolicy", "1");
        assertThat(RawStream.NATIONAL.validate(fields))
                .extracting(FieldError::column)
                .containsExactly("central_policy", "centralpolicy");
        assertThat(RawStream.NATIONAL.validate(fields).get(0).message()).contains("missing column");
        assertThat(RawStream.NATIONAL.validate(fields).get(1).message()).contains("unknown column");
    }

    @Test
    void eachValueRuleIsChecked() {
        assertThat(errors(Raw.daily("1", "2020-02-30"))).containsExactly("date");
        assertThat(errors(Raw.daily("1", "2020-02-03", "salience", "high"))).containsExactly("salience");
        assertThat(errors(Raw.daily("1", "2020-02-03", "salience", "1d"))).containsExactly("salience");
        assertThat(errors(Raw.daily("1", "2020-02-03", "cumulative_cases", "-1")))
                .containsExactly("cumulative_cases");
        assertThat(errors(Raw.daily("1", "2020-02-03", "media_reports", "-0.5")))
                .containsExactly("media_reports");
        assertThat(errors(Raw.daily("", "2020-02-03"))).containsExactly("city_id");
        assertThat(errors(Raw.city("1", "9", "population", "-5"))).containsExactly("population");
        assertThat(errors(Raw.city("1", "9", "data_agency", "4"))).containsExactly("data_agency");
        assertThat(errors(Raw.city("1", "9", "data_agency", "1.5"))).containsExactly("data_agency");
        assertThat(errors(Raw.city("1", "9", "data_agency", "0", "platform_type", "5")))
                .isEmpty();
        assertThat(errors(Raw.city("1", "9", "platform_type", "0"))).containsExactly("platform_type");
        assertThat(errors(Raw.city("1", ""))).containsExactly("province_id");
        assertThat(errors(Raw.adoption("1", "2020-02-03", "3"))).containsExactly("mode");
        assertThat(errors(Raw.adoption("1", "2020-02-03", ""))).containsExactly("mode");
        assertThat(errors(Raw.adoption("1", "", "1"))).containsExactly("date");
        assertThat(errors(Raw.province("9", "soon"))).containsExactly("platform_launch_date");
        assertThat(Raw.adoption("1", "2020-02-03", "3").validate().get(0).message())
                .contains("unknown mode");
    }

    @Test
    void numbersAreInPlainDecimalNotationAndDatesAreIsoCalendarDays() {
        for (String ok : List.of("1", "-2.5", "+3", "1.", ".5", "1e5", "2.5E-3", "0")) {
            assertThat(PlainDecimal.parse(ok)).as(ok).isEqualTo(Double.parseDouble(ok));
        }
        for (String bad : List.of("1e", ".", "-", "NaN", "Infinity", "0x10", "1,5", "1 2", "1e400", "١")) {
            assertThat(PlainDecimal.parse(bad)).as(bad).isNull();
        }
        assertThat(RawStream.parseDate("2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
        for (String bad : List.of("2019-02-29", "2020-2-03", "2020/02/03", "20200203", "2020-02-3x")) {
            assertThat(RawStream.parseDate(bad)).as(bad).isNull();
        }
    }

    private static List<String> errors(RawRecord record) {
        return record.validate().stream().map(FieldError::column).toList();
    }
}
