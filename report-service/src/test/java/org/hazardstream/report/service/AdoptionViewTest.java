package org.hazardstream.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.junit.jupiter.api.Test;

/** The adoption view reads the committed golden sample of the panel-deltas topic as panel-service writes it. */
class AdoptionViewTest {

    @Test
    void theGoldenPanelDeltaGivesItsAdoptionsAndTotals() {
        String golden = GoldenSamples.read(GoldenSamples.PANEL_DELTA);
        PanelDelta delta = EventJson.read(golden, PanelDelta.class);
        AdoptionView view = new AdoptionView();

        AdoptionCurves curves =
                view.apply(new PanelDeltaAssembler().accept(delta).orElseThrow());

        assertThat(curves.panelVersion()).isEqualTo(7);
        assertThat(curves.dataThrough()).isEqualTo(delta.version().dataThrough());
        assertThat(curves.adoptions()).singleElement().satisfies(a -> {
            assertThat(a.cityId()).isEqualTo("420200");
            assertThat(a.mode()).isEqualTo(2);
            assertThat(a.modeName()).isEqualTo("provincial");
        });
        assertThat(view.current()).isSameAs(curves);
    }
}
