package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.panel.Panel;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The start-up warm-up really fits every standard spec. A {@code @QuarkusTest} for the class loader (see
 * RefitSchedulerTest).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class WarmUpTest {

    @Inject
    ModelSpecs specs;

    @Test
    void theSyntheticPanelHasEventsOfBothModesAndEveryStandardSpecFitsOnIt() {
        Panel panel = WarmUp.syntheticPanel(1);
        assertThat(panel.rows().stream().filter(r -> r.event() == 1).count()).isGreaterThan(10);
        assertThat(panel.rows().stream().filter(r -> r.event() == 2).count()).isGreaterThan(10);
        assertThat(specs.all()).hasSize(7);

        assertThat(WarmUp.run(specs.all(), 1)).isEqualTo(specs.all().size());
    }

    @Test
    void noRoundsFitNothing() {
        assertThat(WarmUp.run(specs.all(), 0)).isZero();
    }
}
