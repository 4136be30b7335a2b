package org.hazardstream.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;
import org.junit.jupiter.api.Test;

/**
 * The health-code study as data: its bundled definition gives exactly the panel of panel-contract.md, byte for
 * byte, at the end of the window and at every data-through date the live system passes.
 */
class HealthCodeStudyTest {

    private static final StudyDefinition STUDY = StudyDefinitions.read(Studies.HEALTH_CODE);
    private static final StudyRecords RECORDS = StudyRecords.readDirectory(STUDY, Studies.DEMO_RAW);
    private static final RawData RAW = RawData.readDirectory(Studies.DEMO_RAW);

    @Test
    void theDefinitionReproducesTheCommittedDemoPanelByteForByte() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/r/glm/demo-panel.csv")) {
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(StudyPanelBuilder.build(RECORDS, null).toCsv()).isEqualTo(committed);
        }
    }

    @Test
    void theDefinitionReproducesTheContractBuilderAtEveryDataThroughDate() {
        for (String through : List.of(
                "2020-01-31", "2020-02-01", "2020-02-10", "2020-02-29", "2020-03-15", "2020-03-31", "2020-04-30")) {
            PanelSettings settings =
                    new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 31), 3, LocalDate.parse(through));
            StudyPanel study = StudyPanelBuilder.build(RECORDS, through);
            assertThat(study.toCsv())
                    .as("through " + through)
                    .isEqualTo(new PanelBuilder().build(RAW, settings).toCsv());
            assertThat(study.excludedUnits()).isEqualTo(PanelBuilder.excludedCities(RAW, settings));
        }
    }

    @Test
    void theStudysSpecsAreThoseOfTheModelService() {
        assertThat(STUDY.specs())
                .extracting(StudyDefinition.Spec::name)
                .containsExactly("cox", "pce", "cs-self", "cs-provincial", "fg-self", "fg-provincial", "logit");
        assertThat(StudySpecs.fitOptions(STUDY.specs().get(1), STUDY).periodSpecific())
                .containsExactly(
                        "salience",
                        "intra_city_travel",
                        "inbound_migration",
                        "cumulative_cases",
                        "media_reports",
                        "central_policy",
                        "competition",
                        "provincial_platform");
        assertThat(StudySpecs.fitOptions(STUDY.specs().get(0), STUDY).covariates())
                .hasSize(16);
    }
}
