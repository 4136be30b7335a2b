package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.StudyDefinitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Specs from configuration maps, validated by hazard-core's parser. A {@code @QuarkusTest} only for the class loader
 * (see RefitSchedulerTest); the specs are built by hand.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ModelSpecsTest {

    @Test
    void aSpecIsTheCommandLinesOptions() {
        ModelSpecs specs = new ModelSpecs(
                Map.of(
                        "cox-breslow",
                        Map.of(
                                "model",
                                "cox",
                                "covariates",
                                "a,b",
                                "id",
                                "city_id",
                                "ties",
                                "breslow",
                                "cluster",
                                "city_id")),
                List.of());

        ModelSpec spec = specs.all().get(0);
        assertThat(spec.name()).isEqualTo("cox-breslow");
        assertThat(spec.fitOptions().model()).isEqualTo(Model.COX);
        assertThat(spec.fitOptions().covariates()).containsExactly("a", "b");
        assertThat(spec.fitOptions().ties()).isEqualTo(Ties.BRESLOW);
        assertThat(spec.fitOptions().clusterColumn()).isEqualTo("city_id");
        assertThat(spec.fitOptions().idColumn()).isEqualTo("city_id");
    }

    @Test
    void aSpecWithAnUnknownOptionStopsStartUpNamingTheSpecAndTheOption() {
        assertThatThrownBy(() -> new ModelSpecs(
                        Map.of("typo", Map.of("model", "cox", "covariates", "a", "tie", "efron")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spec typo")
                .hasMessageContaining("--tie");
    }

    @Test
    void aFineGraySpecWithoutItsEventCodeIsRefused() {
        assertThatThrownBy(
                        () -> new ModelSpecs(Map.of("fg", Map.of("model", "finegray", "covariates", "a")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spec fg")
                .hasMessageContaining("--event-code");
    }

    @Test
    void theSpecsNamedFirstLeadTheFittingOrderAndTheOthersFollowByName() {
        Map<String, Map<String, String>> configured = Map.of(
                "b", Map.of("model", "cox", "covariates", "a"),
                "a", Map.of("model", "cox", "covariates", "a"),
                "z", Map.of("model", "cox", "covariates", "a"),
                "m", Map.of("model", "cox", "covariates", "a"));

        ModelSpecs specs = new ModelSpecs(configured, List.of("z", "m"));

        assertThat(specs.all()).extracting(ModelSpec::name).containsExactly("z", "m", "a", "b");
    }

    @Test
    void theBundledHealthCodeStudyGivesTheSevenStandardSpecs() {
        ModelSpecs specs = new ModelSpecs(
                ModelSpecs.specsOf(StudyDefinitions.load("studies/health-code/study.json")), List.of("cox"));
        assertThat(specs.all())
                .extracting(ModelSpec::name)
                .containsExactly("cox", "cs-provincial", "cs-self", "fg-provincial", "fg-self", "logit", "pce");
        ModelSpec pce = specs.byName("pce");
        assertThat(pce.options())
                .containsEntry("breaks", "28")
                .containsEntry("id", "city_id")
                .containsEntry(
                        "period-specific",
                        "salience,intra_city_travel,inbound_migration,cumulative_cases,"
                                + "media_reports,central_policy,competition,provincial_platform");
        assertThat(pce.fitOptions().covariates())
                .hasSize(16)
                .startsWith("population")
                .endsWith("provincial_platform");
        assertThat(specs.byName("fg-self").fitOptions().eventCode()).isEqualTo(1);
    }

    @Test
    void anInvalidStudyStopsStartUpNamingThePointer(@TempDir Path dir) throws IOException {
        Path study = dir.resolve("study.json");
        try (var in = getClass().getClassLoader().getResourceAsStream("studies/health-code/study.json")) {
            Files.writeString(
                    study,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("\"ties\": \"efron\"", "\"ties\": \"average\""));
        }
        assertThatThrownBy(() -> ModelSpecs.loadStudy(study.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("model.study: " + study + ": invalid study definition: /specs/0/options: ")
                .hasMessageContaining("--ties");
        assertThatThrownBy(() -> ModelSpecs.loadStudy("studies/no-such-study/study.json"))
                .hasMessageContaining("no study definition at studies/no-such-study/study.json");
    }

    @Test
    void aFirstSpecThatIsNotConfiguredStopsStartUp() {
        assertThatThrownBy(
                        () -> new ModelSpecs(Map.of("cox", Map.of("model", "cox", "covariates", "a")), List.of("coxx")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.refit.first")
                .hasMessageContaining("coxx");
    }
}
