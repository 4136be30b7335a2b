package org.hazardstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Test;

class PanelDeltaAssemblerTest {

    private static final PanelDelta SAMPLE =
            EventJson.read(GoldenSamples.read(GoldenSamples.PANEL_DELTA), PanelDelta.class);
    private static final PanelRow ROW_A = SAMPLE.rows().get(0);
    private static final PanelRow ROW_B = SAMPLE.rows().get(1);

    private static PanelDelta chunk(long version, int chunk, int chunks, List<PanelRow> rows) {
        PanelVersionCompleted totals = new PanelVersionCompleted(version, 2, 2, 0, null, 1, 2, Instant.EPOCH);
        return new PanelDelta(1, PanelDelta.eventId("s", version, chunk), "s", totals, chunk, chunks, rows, List.of());
    }

    @Test
    void aVersionIsHandedOutOnceAllItsChunksAreIn() {
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        assertThat(assembler.accept(chunk(1, 0, 2, List.of(ROW_A)))).isEmpty();
        var complete = assembler.accept(chunk(1, 1, 2, List.of(ROW_B))).orElseThrow();
        assertThat(complete.rows()).containsExactly(ROW_A, ROW_B);
        assertThat(assembler.lastComplete()).isEqualTo(1);
    }

    @Test
    void aResentChunkReplacesItsCopyAndAChunkOfAVersionHandedOutIsIgnored() {
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        assembler.accept(chunk(1, 0, 2, List.of(ROW_A)));
        assembler.accept(chunk(1, 0, 2, List.of(ROW_A)));
        assertThat(assembler
                        .accept(chunk(1, 1, 2, List.of(ROW_B)))
                        .orElseThrow()
                        .rows())
                .hasSize(2);
        assertThat(assembler.accept(chunk(1, 1, 2, List.of(ROW_B)))).isEmpty();
        assertThat(assembler.accept(chunk(2, 0, 1, List.of()))).isPresent();
    }

    @Test
    void aNewerVersionAbandonsAnIncompleteOne() {
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        assembler.accept(chunk(1, 0, 2, List.of(ROW_A)));
        assertThat(assembler
                        .accept(chunk(2, 0, 1, List.of(ROW_B)))
                        .orElseThrow()
                        .rows())
                .containsExactly(ROW_B);
        assertThat(assembler.accept(chunk(1, 1, 2, List.of(ROW_B))))
                .as("the abandoned version stays so")
                .isEmpty();
    }

    @Test
    void aNewerSchemaOrImpossibleNumberingIsRefused() {
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        PanelDelta newer = new PanelDelta(2, "s/1/0", "s", SAMPLE.version(), 0, 1, List.of(), List.of());
        assertThatThrownBy(() -> assembler.accept(newer)).hasMessageContaining("schema version 2");
        assertThatThrownBy(() -> assembler.accept(chunk(1, 2, 2, List.of()))).hasMessageContaining("chunk 2 of 2");
    }
}
