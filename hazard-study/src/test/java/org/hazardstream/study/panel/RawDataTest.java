package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.hazardstream.core.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawDataTest {

    @TempDir
    Path dir;

    @Test
    void theLastAppliedRecordOfAKeyWinsWhole() {
        RawData raw = new RawData();
        assertThat(raw.apply(Raw.daily("A", "2020-02-01", "salience", "1", "media_reports", "3")))
                .isEmpty();
        assertThat(raw.apply(Raw.daily("A", "2020-02-01", "salience", "2"))).isPresent();
        RawRecord kept = raw.get(RawStream.DAILY, "A|2020-02-01").orElseThrow();
        assertThat(kept.get("salience")).isEqualTo("2");
        assertThat(kept.isMissing("media_reports")).isTrue();
        assertThat(raw.size()).isEqualTo(1);
    }

    @Test
    void anInvalidRecordIsRefused() {
        assertThatThrownBy(() -> new RawData().apply(Raw.adoption("A", "2020-02-01", "7")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("mode");
    }

    @Test
    void readsTheFiveFilesAndLaterRowsWin() throws IOException {
        writeMinimalDirectory();
        Files.writeString(dir.resolve("daily.csv"), """
                city_id,date,salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports
                A,2020-01-29,1,,,5,
                A,2020-01-29,2,,,6,
                """);
        RawData raw = RawData.readDirectory(dir);
        assertThat(raw.daily("A")).containsOnlyKeys(LocalDate.of(2020, 1, 29));
        assertThat(raw.daily("A").firstEntry().getValue().get("salience")).isEqualTo("2");
        assertThat(raw.city("A").orElseThrow().get("population")).isEqualTo("8000000");
        assertThat(raw.province("P").orElseThrow().get("platform_launch_date")).isEqualTo("2020-02-10");
        assertThat(raw.adoption("A").orElseThrow().get("mode")).isEqualTo("2");
        assertThat(raw.national()).hasSize(1);
    }

    @Test
    void aDailyRowOfAnUnknownCityNamesTheCityAndTheFile() throws IOException {
        writeMinimalDirectory();
        Files.writeString(dir.resolve("daily.csv"), """
                city_id,date,salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports
                A,2020-01-29,1,,,5,
                999999,2020-01-29,1,,,5,
                """);
        assertThatThrownBy(() -> RawData.readDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("daily.csv")
                .hasMessageContaining("999999")
                .hasMessageContaining("row 2");
    }

    @Test
    void anAdoptionOfAnUnknownCityIsAnError() throws IOException {
        writeMinimalDirectory();
        Files.writeString(dir.resolve("adoptions.csv"), "city_id,date,mode\nB,2020-02-03,1\n");
        assertThatThrownBy(() -> RawData.readDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("adoptions.csv")
                .hasMessageContaining("'B'");
    }

    @Test
    void aBadValueNamesFileRowAndColumn() throws IOException {
        writeMinimalDirectory();
        Files.writeString(dir.resolve("national.csv"), "date,central_policy\n2020-01-20,0\n2020-01-21,yes\n");
        assertThatThrownBy(() -> RawData.readDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessage("national.csv: row 2, column 'central_policy': 'yes' is not a number");
    }

    @Test
    void aMissingColumnOrFileIsNamed() throws IOException {
        writeMinimalDirectory();
        Files.writeString(dir.resolve("provinces.csv"), "province_id\nP\n");
        assertThatThrownBy(() -> RawData.readDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("provinces.csv")
                .hasMessageContaining("platform_launch_date");
        Files.delete(dir.resolve("provinces.csv"));
        assertThatThrownBy(() -> RawData.readDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("provinces.csv");
    }

    private void writeMinimalDirectory() throws IOException {
        Files.writeString(
                dir.resolve("cities.csv"),
                String.join(",", RawStream.CITIES.columns()) + "\nA,Alpha,P,8000000,1,2,3,4,1,0,1\n");
        Files.writeString(dir.resolve("daily.csv"), String.join(",", RawStream.DAILY.columns()) + "\n");
        Files.writeString(dir.resolve("national.csv"), "date,central_policy\n2020-01-20,0\n");
        Files.writeString(dir.resolve("provinces.csv"), "province_id,platform_launch_date\nP,2020-02-10\n");
        Files.writeString(dir.resolve("adoptions.csv"), "city_id,date,mode\nA,2020-02-03,2\n");
    }
}
