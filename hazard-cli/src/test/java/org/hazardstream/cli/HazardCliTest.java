package org.hazardstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, one-line errors, and the panel it writes. */
class HazardCliTest {

    @TempDir
    Path dir;

    private Path raw;

    @BeforeEach
    void writeRawData() throws IOException {
        raw = Files.createDirectory(dir.resolve("raw"));
        Files.writeString(raw.resolve("cities.csv"), """
                city_id,city_name,province_id,population,gdp_per_capita,gdp_growth_q1,internet_service,internet_penetration,data_agency,leader_experience,platform_type
                330100,杭州市,330000,8000000,152465,-4.1,70.5,0.81,3,1,2
                330200,宁波市,330000,6000000,143157,-5.2,65,0.77,1,0,1
                320100,南京市,320000,7000000,165681,-3.9,,0.79,2,1,5
                """);
        Files.writeString(raw.resolve("daily.csv"), """
                city_id,date,salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports
                330100,2020-01-29,10.5,4.2,3.1,36,12
                330100,2020-01-30,11.5,4.1,,42,14
                330200,2020-01-29,8,3.9,2.2,17,5
                320100,2020-02-01,7.25,3.3,1.9,24,3
                320100,2020-02-10,,,,,
                """);
        Files.writeString(raw.resolve("national.csv"), "date,central_policy\n2020-01-25,0\n2020-02-02,1\n");
        Files.writeString(
                raw.resolve("provinces.csv"), "province_id,platform_launch_date\n330000,2020-02-01\n320000,\n");
        Files.writeString(
                raw.resolve("adoptions.csv"), "city_id,date,mode\n330100,2020-02-04,1\n330200,2020-01-30,2\n");
    }

    @Test
    void panelWritesTheContractPanel() throws IOException {
        Path out = dir.resolve("panel.csv");
        CliResult result =
                CliResult.run("panel", "--raw", raw.toString(), "--end", "2020-02-10", "--out", out.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String expected = new PanelBuilder()
                .build(
                        RawData.readDirectory(raw),
                        new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 10), 3))
                .toCsv();
        assertThat(Files.readString(out)).isEqualTo(expected);
        // 320100: 10 days at risk; 330100: adopts on day 4; 330200 adopted before the window
        assertThat(expected.lines().count()).isEqualTo(1 + 10 + 4);
        assertThat(result.out()).contains("14 rows", "2 cities", "1 events", "1 cities excluded");
    }

    @Test
    void panelThroughADateIsCensoredThere() {
        CliResult result = CliResult.run(
                "panel", "--raw", raw.toString(), "--end", "2020-02-10", "--through", "2020-02-03", "--out", "-");
        assertThat(result.code()).as(result.err()).isZero();
        // 320100 and 330100 at risk on days 1-3; 330100's adoption on 02-04 is not observed yet
        assertThat(result.out().lines().toList()).hasSize(1 + 3 + 3);
        assertThat(result.out()).doesNotContain(",1,8000000,");
    }

    @Test
    void panelOfAStudyDefinitionOnAYearAxis() {
        Path study = Path.of("..", "studies", "state-lotteries");
        CliResult result = CliResult.run(
                "panel",
                "--study",
                study.resolve("study.json").toString(),
                "--raw",
                study.resolve("raw").toString(),
                "--through",
                "1965",
                "--out",
                "-");
        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("state_id,region,period,year,start,stop,event,neighbours_share,region_peers");
        // 1964 and 1965 for every state but New Hampshire, whose 1964 lottery ends its rows at period 1
        assertThat(lines).hasSize(1 + 49 * 2 + 1).contains("NH,Northeast,1,1964,0,1,1,0,0");
    }

    @Test
    void aStudysTimeAxisIsNotOverriddenAndABadDefinitionNamesItsPointer() throws IOException {
        Path study = Path.of("..", "studies", "state-lotteries");
        CliResult axis = CliResult.run(
                "panel",
                "--study",
                study.resolve("study.json").toString(),
                "--raw",
                study.resolve("raw").toString(),
                "--lag",
                "2",
                "--out",
                "-");
        assertThat(axis.code()).isNotZero();
        assertThat(axis.err()).contains("option --lag: a study's time axis comes from its definition");

        Path bad = Files.createTempFile("study", ".json");
        Files.writeString(bad, Files.readString(study.resolve("study.json")).replace("\"lag\": 1", "\"lag\": -1"));
        CliResult refused = CliResult.run(
                "panel",
                "--study",
                bad.toString(),
                "--raw",
                study.resolve("raw").toString(),
                "--out",
                "-");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("invalid study definition: /time/lag");
    }

    @Test
    void panelToStdoutWithLagAndStart() {
        CliResult result = CliResult.run(
                "panel",
                "--raw",
                raw.toString(),
                "--start",
                "2020-02-02",
                "--end",
                "2020-02-03",
                "--lag",
                "0",
                "--out",
                "-");
        assertThat(result.code()).isZero();
        assertThat(result.out().lines().toList()).hasSize(1 + 2 + 2);
        assertThat(result.out()).contains("330100,330000,1,2020-02-02,0,1,0,8000000,");
    }

    @Test
    void anUnknownCityIsOneLineNamingCityAndFile() throws IOException {
        Files.writeString(raw.resolve("adoptions.csv"), "city_id,date,mode\n999999,2020-02-04,1\n");
        CliResult result = CliResult.run(
                "panel", "--raw", raw.toString(), "--out", dir.resolve("p.csv").toString());
        assertThat(result.code()).isEqualTo(HazardCli.BAD_INPUT);
        assertOneLine(result.err(), "adoptions.csv", "999999");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    @Test
    void aBadDateOptionIsOneLineNamingTheOption() {
        CliResult result = CliResult.run("panel", "--raw", raw.toString(), "--start", "2020-13-01", "--out", "-");
        assertThat(result.code()).isEqualTo(HazardCli.USAGE_ERROR);
        assertOneLine(result.err(), "--start");
    }

    @Test
    void aMissingRequiredOptionIsOneLineNamingIt() {
        CliResult result = CliResult.run("panel", "--out", "-");
        assertThat(result.code()).isEqualTo(HazardCli.USAGE_ERROR);
        assertOneLine(result.err(), "--raw");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        CliResult result = CliResult.run("panel", "--raw", raw.toString(), "--end", "2020-01-01", "--out", "-");
        assertThat(result.code()).isEqualTo(HazardCli.BAD_INPUT);
        assertOneLine(result.err(), "end");
    }

    @Test
    void noCommandIsAUsageError() {
        CliResult result = CliResult.run();
        assertThat(result.code()).isEqualTo(HazardCli.USAGE_ERROR);
        assertOneLine(result.err(), "fit or panel");
    }

    @Test
    void fitRefusesAnUnknownOptionInOneLine() {
        CliResult result = CliResult.run("fit", "--data", "x.csv", "--model", "cox", "--covariates", "a", "--robust");
        assertThat(result.code()).isEqualTo(HazardCli.USAGE_ERROR);
        assertOneLine(result.err(), "--robust");
    }

    @Test
    void fitRefusesABadOptionValueInOneLine() throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "id,start,stop,event,a\n1,0,1,1,0.5\n");
        CliResult ties = CliResult.run(
                "fit", "--data", data.toString(), "--model", "cox", "--covariates", "a", "--ties", "average");
        assertThat(ties.code()).isEqualTo(HazardCli.BAD_INPUT);
        assertOneLine(ties.err(), "--ties");
        CliResult model = CliResult.run("fit", "--data", data.toString(), "--model", "weibull", "--covariates", "a");
        assertOneLine(model.err(), "--model");
        CliResult output = CliResult.run(
                "fit", "--data", data.toString(), "--model", "cox", "--covariates", "a", "--output", "xml");
        assertOneLine(output.err(), "--output");
        CliResult finegray =
                CliResult.run("fit", "--data", data.toString(), "--model", "finegray", "--covariates", "a");
        assertOneLine(finegray.err(), "--event-code");
    }

    @Test
    void fitNamesAMissingFile() {
        CliResult result = CliResult.run(
                "fit", "--data", dir.resolve("absent.csv").toString(), "--model", "cox", "--covariates", "a");
        assertThat(result.code()).isEqualTo(HazardCli.BAD_INPUT);
        assertOneLine(result.err(), "absent.csv");
    }

    @Test
    void fitNeedsDataModelAndCovariates() {
        CliResult result = CliResult.run("fit", "--model", "cox", "--covariates", "a");
        assertThat(result.code()).isEqualTo(HazardCli.USAGE_ERROR);
        assertOneLine(result.err(), "--data");
    }

    static void assertOneLine(String err, String... mentions) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith("hazard-cli: ").contains(mentions);
    }
}
