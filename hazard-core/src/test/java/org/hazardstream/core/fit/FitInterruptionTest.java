package org.hazardstream.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.hazardstream.core.data.DataTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An interrupted thread's fit stops with FitInterruptedException, whichever iterative fitter runs it. */
class FitInterruptionTest {

    /** The demo panel (hazard-study builds it from deploy/local/demo; HealthCodeStudyTest checks it is that). */
    private static final DataTable DEMO = org.hazardstream.core.glm.RFixture.table("/r/glm/demo-panel.csv");

    private static final String COVARIATES = "population,salience,competition";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void everyIterativeModelStopsWhenItsThreadIsInterrupted() {
        for (Map<String, String> options : new Map[] {
            Map.of("model", "cox", "covariates", COVARIATES, "id", "city_id"),
            Map.of("model", "pce", "covariates", COVARIATES, "id", "city_id", "breaks", "28"),
            Map.of("model", "logit", "covariates", COVARIATES, "id", "city_id"),
            Map.of("model", "logit", "covariates", COVARIATES, "id", "city_id", "firth", "true"),
            Map.of("model", "finegray", "covariates", COVARIATES, "id", "city_id", "event-code", "1")
        }) {
            FitOptions parsed = FitOptionsParser.parse(options);
            Thread.currentThread().interrupt();

            assertThatThrownBy(() -> HazardModels.fit(DEMO, parsed))
                    .as(options.toString())
                    .isInstanceOf(FitInterruptedException.class);
            assertThat(Thread.interrupted())
                    .as("the interrupt status is kept for the caller")
                    .isTrue();
        }
    }

    @Test
    void anUninterruptedFitRuns() {
        FitResult result = HazardModels.fit(
                DEMO, FitOptionsParser.parse(Map.of("model", "cox", "covariates", COVARIATES, "id", "city_id")));
        assertThat(result.converged()).isTrue();
    }
}
