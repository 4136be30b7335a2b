package org.hazardstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Test;

class PanelDeltaChunksTest {

    private static final PanelDelta SAMPLE =
            EventJson.read(GoldenSamples.read(GoldenSamples.PANEL_DELTA), PanelDelta.class);

    @Test
    void aLargeVersionTravelsInChunksUnderTheLimitThatReassembleToTheWholeDelta() {
        List<PanelRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PanelRow r = SAMPLE.rows().get(i % 2);
            rows.add(new PanelRow(
                    "c" + i, r.provinceId(), r.day(), r.date(), r.start(), r.stop(), r.event(), r.covariates()));
        }
        List<PanelDelta.RowKey> removed = List.of(new PanelDelta.RowKey("gone", 3), new PanelDelta.RowKey("gone", 4));
        int limit = 1000;

        List<String> messages = PanelDeltaChunks.write(
                "s", SAMPLE.version(), rows.stream().map(EventJson::write).toList(), removed, limit);

        assertThat(messages).hasSizeGreaterThan(5);
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        PanelDeltaAssembler.CompleteVersion whole = null;
        for (int c = 0; c < messages.size(); c++) {
            PanelDelta chunk = EventJson.read(messages.get(c), PanelDelta.class);
            assertThat(chunk.chunk()).isEqualTo(c);
            assertThat(chunk.chunks()).isEqualTo(messages.size());
            assertThat(chunk.eventId()).isEqualTo("s/" + SAMPLE.version().panelVersion() + "/" + c);
            assertThat(chunk.rows().stream()
                            .mapToInt(r -> EventJson.write(r).length() + 1)
                            .sum())
                    .isLessThanOrEqualTo(limit);
            whole = assembler.accept(chunk).orElse(whole);
        }
        assertThat(whole).isNotNull();
        assertThat(whole.rows()).isEqualTo(rows);
        assertThat(whole.removed()).isEqualTo(removed);
    }

    @Test
    void aVersionWithoutChangesIsOneEmptyChunk() {
        List<String> messages = PanelDeltaChunks.write("s", SAMPLE.version(), List.of(), List.of(), 1000);
        PanelDelta only = EventJson.read(messages.get(0), PanelDelta.class);
        assertThat(messages).hasSize(1);
        assertThat(only.chunks()).isEqualTo(1);
        assertThat(only.rows()).isEmpty();
    }
}
