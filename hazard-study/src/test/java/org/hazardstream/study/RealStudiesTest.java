package org.hazardstream.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two real-data studies: their panels, built from the bundled raw files by the bundled definitions, equal the
 * panels R builds from the same files (hazard-study/src/test/r/stay-at-home.R and state-lotteries.R), and their
 * specs' fits equal R's at relative 1e-6.
 */
class RealStudiesTest {

    /** Expression covariates that use log, log1p or exp are compared at relative 1e-12 (study-contract.md). */
    private static final Set<String> LOG_EXPRESSIONS = Set.of("log_cases");

    @ParameterizedTest
    @ValueSource(strings = {"stay-at-home", "state-lotteries"})
    void thePanelEqualsTheOneRBuildsFromTheSameRawFiles(String id) throws IOException {
        StudyPanel panel = panel(id);
        try (Reader reader = resource("/r/studies/" + id + "/panel.csv");
                CSVParser r = CSVParser.parse(
                        reader,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            assertThat(panel.columns()).isEqualTo(r.getHeaderNames());
            List<CSVRecord> rRows = r.getRecords();
            assertThat(panel.rows()).hasSize(rRows.size());
            List<CSVRecord> ours = CSVParser.parse(
                            panel.toCsv(),
                            CSVFormat.DEFAULT
                                    .builder()
                                    .setHeader()
                                    .setSkipHeaderRecord(true)
                                    .get())
                    .getRecords();
            for (int i = 0; i < rRows.size(); i++) {
                for (String column : panel.columns()) {
                    String expected = rRows.get(i).get(column);
                    String actual = ours.get(i).get(column);
                    String at = id + " row " + (i + 1) + " " + column;
                    if (expected.isEmpty()
                            || !Character.isDigit(expected.charAt(expected.length() - 1))
                            || column.equals("date")) {
                        assertThat(actual).as(at).isEqualTo(expected);
                    } else if (LOG_EXPRESSIONS.contains(column)) {
                        double e = Double.parseDouble(expected);
                        assertThat(Double.parseDouble(actual)).as(at).isCloseTo(e, within(1e-12 * Math.abs(e)));
                    } else {
                        assertThat(Double.parseDouble(actual)).as(at).isEqualTo(Double.parseDouble(expected));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stay-at-home/cox", "stay-at-home/cox-cluster", "state-lotteries/cox"})
    void coxSpecsEqualR(String studyAndSpec) {
        String id = studyAndSpec.substring(0, studyAndSpec.indexOf('/'));
        String spec = studyAndSpec.substring(id.length() + 1);
        StudyDefinition study = StudyDefinitions.read(definition(id));
        FitOptions options = StudySpecs.fitOptions(
                study.specs().stream()
                        .filter(s -> s.name().equals(spec))
                        .findFirst()
                        .orElseThrow(),
                study);
        FitResult fit = HazardModels.fit(panel(id).toDataTable(), options);
        org.hazardstream.core.cox.RFixture.at("/r/studies/" + id + "/" + spec.replace('-', '_') + ".expected.csv")
                .assertMatches(fit, options.covariates(), options.clusterColumn() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stay-at-home", "state-lotteries"})
    void theLogitSpecEqualsR(String id) {
        StudyDefinition study = StudyDefinitions.read(definition(id));
        FitOptions options = StudySpecs.fitOptions(
                study.specs().stream()
                        .filter(s -> s.name().equals("logit"))
                        .findFirst()
                        .orElseThrow(),
                study);
        FitResult fit = HazardModels.fit(panel(id).toDataTable(), options);
        org.hazardstream.core.glm.RFixture r =
                org.hazardstream.core.glm.RFixture.load("/r/studies/" + id + "/logit.expected.csv");
        assertThat((double) fit.n()).isEqualTo(r.get("logit.n"));
        assertThat((double) fit.events()).isEqualTo(r.get("logit.events"));
        assertThat(fit.coefficients()).hasSize(options.covariates().size() + 1);
        for (FitResult.Coefficient c : fit.coefficients()) {
            r.assertClose("logit.coef." + c.term(), c.estimate());
            r.assertClose("logit.se." + c.term(), c.stdError());
        }
        r.assertClose("logit.loglik", fit.logLikelihood());
        r.assertClose("logit.nullloglik", fit.nullLogLikelihood());
        r.assertClose("logit.lr", fit.tests().likelihoodRatio().statistic());
        r.assertClose("logit.wald", fit.tests().wald().statistic());
        r.assertClose("logit.score", fit.tests().score().statistic());
        r.assertClose("logit.aic", fit.aic());
    }

    private static Path definition(String id) {
        return Studies.ROOT.resolve(id).resolve("study.json");
    }

    private static StudyPanel panel(String id) {
        StudyDefinition study = StudyDefinitions.read(definition(id));
        return StudyPanelBuilder.build(StudyRecords.readDirectory(study, Studies.rawOf(definition(id))), null);
    }

    private static Reader resource(String name) {
        InputStream in = RealStudiesTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
