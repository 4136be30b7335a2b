package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

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
        ModelSpecs specs = new ModelSpecs(Map.of("cox-breslow", Map.of("model", "cox", "covariates", "a,b",
                "id", "city_id", "ties", "breslow", "cluster", "city_id")), List.of());

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
        assertThatThrownBy(() -> new ModelSpecs(Map.of("typo", Map.of("model", "cox", "covariates", "a",
                "tie", "efron")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.specs.typo")
                .hasMessageContaining("--tie");
    }

    @Test
    void aFineGraySpecWithoutItsEventCodeIsRefused() {
        assertThatThrownBy(() -> new ModelSpecs(Map.of("fg", Map.of("model", "finegray", "covariates", "a")),
                List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.specs.fg")
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
    void aFirstSpecThatIsNotConfiguredStopsStartUp() {
        assertThatThrownBy(() -> new ModelSpecs(Map.of("cox", Map.of("model", "cox", "covariates", "a")),
                List.of("coxx")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.refit.first")
                .hasMessageContaining("coxx");
    }
}
