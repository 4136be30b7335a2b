package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;

/** A warm start from which IRLS diverges must not cost the fit: it lands where a cold start lands, with a warning. */
class WarmStartFallbackTest {

    private static final DataTable PANEL = RFixture.table("/r/glm/sim-panel.csv");

    private static FitOptions pce(Map<String, Double> start) {
        return new FitOptions(
                Model.PCE,
                List.of("x1", "x2"),
                "id",
                "start",
                "stop",
                "event",
                null,
                null,
                false,
                null,
                null,
                List.of(28.0),
                List.of(),
                start);
    }

    @Test
    void aDivergingWarmStartFallsBackToTheDefaultStart() {
        FitResult cold = HazardModels.fit(PANEL, pce(Map.of()));
        // exp(800 * x1) overflows: no step from here has a finite deviance, as R's glm(start = ...) would say.
        FitResult warm = HazardModels.fit(PANEL, pce(Map.of("x1", 800.0, "x2", -800.0)));

        assertThat(warm.converged()).isTrue();
        assertThat(warm.warnings()).anySatisfy(w -> assertThat(w).contains("diverged from the initial estimates"));
        for (String term : List.of("x1", "x2")) {
            assertThat(warm.coefficient(term).estimate())
                    .isCloseTo(cold.coefficient(term).estimate(), within(1e-12));
            assertThat(warm.coefficient(term).stdError())
                    .isCloseTo(cold.coefficient(term).stdError(), within(1e-12));
        }
        assertThat(cold.warnings()).noneSatisfy(w -> assertThat(w).contains("diverged"));
    }
}
