package org.hazardstream.events;

import java.util.List;

import org.hazardstream.study.panel.PanelRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One panel version's changes, or one chunk of them: published to {@link Topics#PANEL_DELTAS}, keyed by study, so
 * every chunk of every version of a study lands in one partition in order. A version too large for one message
 * (the broker's limit is 1 MB) travels as {@code chunks} messages numbered from 0; a consumer applies a version
 * only once it holds all of its chunks, so it sees a version whole or not at all. Replaying the topic from its
 * beginning rebuilds the panel: version 1 holds every row of the first panel, each later version what changed.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; a consumer refuses a newer one it cannot read
 * @param eventId       {@code <study>/<version>/<chunk>}: a re-sent chunk has the same id
 * @param study         the study the panel belongs to
 * @param version       the version this delta completes, with its panel's totals (the same in every chunk)
 * @param chunk         this chunk's number, 0 .. chunks - 1
 * @param chunks        how many chunks the version has (at least 1)
 * @param rows          rows new or changed in this version, in contract order within the chunk
 * @param removed       rows that left the panel in this version (a withdrawn adoption, a corrected date)
 */
public record PanelDelta(
        int schemaVersion,
        String eventId,
        String study,
        PanelVersionCompleted version,
        int chunk,
        int chunks,
        List<PanelRow> rows,
        List<RowKey> removed) {

    public static final int SCHEMA_VERSION = 1;

    public PanelDelta {
        rows = List.copyOf(rows);
        removed = List.copyOf(removed);
    }

    /** A row's identity in the panel. */
    public record RowKey(String cityId, int day) {}

    public static String eventId(String study, long version, int chunk) {
        return study + "/" + version + "/" + chunk;
    }

    @JsonIgnore
    public boolean isLastChunk() {
        return chunk == chunks - 1;
    }
}
