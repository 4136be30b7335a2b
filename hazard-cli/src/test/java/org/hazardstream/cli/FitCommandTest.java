package org.hazardstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.FitResultJson;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} prints what the library computes: the panel of the demo data through {@code panel}, then a Cox fit
 * through {@code fit}, compared with {@link HazardModels#fit} on the same file and options (the estimates themselves
 * are checked against R in the cox package's tests).
 */
class FitCommandTest {

    private static final Path DEMO = Path.of("..", "deploy", "local", "demo");
    private static final List<String> COVARIATES = List.of("salience", "competition", "provincial_platform");

    @TempDir
    Path dir;

    @Test
    void coxJsonAndTableAreTheLibrarysResult() throws IOException {
        Path panel = dir.resolve("panel.csv");
        assertThat(CliResult.run("panel", "--raw", DEMO.toString(), "--out", panel.toString())
                        .code())
                .isZero();
        CliResult json = CliResult.run(
                "fit",
                "--data",
                panel.toString(),
                "--model",
                "cox",
                "--id",
                "city_id",
                "--cluster",
                "city_id",
                "--covariates",
                String.join(",", COVARIATES));
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.err()).isEmpty();

        FitOptions options = new FitOptions(
                Model.COX,
                COVARIATES,
                "city_id",
                null,
                null,
                null,
                null,
                null,
                false,
                "city_id",
                null,
                null,
                null,
                null);
        FitResult expected = HazardModels.fit(DataTable.read(panel), options);
        assertThat(FitResultJson.read(json.out())).isEqualTo(expected);
        assertThat(expected.n()).isEqualTo((int) Files.lines(panel).count() - 1);

        CliResult table = CliResult.run(
                "fit",
                "--data",
                panel.toString(),
                "--model",
                "cox",
                "--id",
                "city_id",
                "--cluster",
                "city_id",
                "--covariates",
                String.join(",", COVARIATES),
                "--output",
                "table");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("n= " + expected.n() + ", number of events= " + expected.events(), "robust se", "Pr(>|z|)");
        for (String term : COVARIATES) {
            assertThat(table.out().lines()).anyMatch(l -> l.startsWith(term + " "));
        }
    }

    @Test
    void aMissingCovariateColumnIsOneLine() throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "id,start,stop,event,a\n1,0,1,1,0.5\n2,0,2,0,1.5\n3,0,3,1,-1\n");
        CliResult result = CliResult.run("fit", "--data", data.toString(), "--model", "cox", "--covariates", "a,b");
        assertThat(result.code()).isEqualTo(HazardCli.BAD_INPUT);
        HazardCliTest.assertOneLine(result.err(), "'b'");
    }
}
