package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.junit.jupiter.api.Test;

/** The replica reads the committed golden sample of the panel-deltas topic and applies versions whole. */
class PanelReplicaTest {

    private static final PanelDelta GOLDEN =
            EventJson.read(GoldenSamples.read(GoldenSamples.PANEL_DELTA), PanelDelta.class);

    @Test
    void theGoldenDeltaGivesItsRowsInContractOrderAndItsTotals() {
        PanelReplica replica = new PanelReplica();
        replica.apply(new PanelDeltaAssembler().accept(GOLDEN).orElseThrow());

        PanelSnapshot snapshot = replica.snapshot();
        assertThat(snapshot.panelVersion()).isEqualTo(7);
        assertThat(snapshot.panel().rows()).extracting(PanelRow::cityId).containsExactly("420100", "420200");
        assertThat(snapshot.version().dataThrough()).isEqualTo(GOLDEN.version().dataThrough());
        assertThat(replica.size()).isEqualTo(2);
    }

    @Test
    void aLaterVersionReplacesChangedRowsAndRemovesTheRowsItRemoves() {
        PanelReplica replica = new PanelReplica();
        PanelRow a = GOLDEN.rows().get(0);
        PanelRow b = GOLDEN.rows().get(1);
        replica.apply(new PanelDeltaAssembler.CompleteVersion(GOLDEN.study(), GOLDEN.version(), List.of(b, a), List.of()));
        PanelRow changed = new PanelRow(a.cityId(), a.provinceId(), a.day(), a.date(), a.start(), a.stop(), 1,
                a.covariates());
        replica.apply(new PanelDeltaAssembler.CompleteVersion(GOLDEN.study(), GOLDEN.version(), List.of(changed),
                List.of(new PanelDelta.RowKey(b.cityId(), b.day()), new PanelDelta.RowKey("nowhere", 1))));

        assertThat(replica.snapshot().panel().rows()).containsExactly(changed);
        assertThat(replica.size()).isEqualTo(1);
    }
}
