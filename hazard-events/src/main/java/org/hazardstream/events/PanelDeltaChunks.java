package org.hazardstream.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one panel version's delta as the messages of {@link Topics#PANEL_DELTAS}: its changed rows (already JSON)
 * and removed rows cut into chunks of at most {@code maxBytes} of row JSON (a removal counted at about its key's
 * size), each chunk carrying the version's totals. A version with no change is one empty chunk.
 */
public final class PanelDeltaChunks {

    private PanelDeltaChunks() {}

    public static List<String> write(
            String study,
            PanelVersionCompleted version,
            List<String> rowJsons,
            List<PanelDelta.RowKey> removed,
            int maxBytes) {
        List<List<String>> rows = new ArrayList<>(List.of(new ArrayList<>()));
        List<List<PanelDelta.RowKey>> removals = new ArrayList<>(List.of(new ArrayList<>()));
        int bytes = 0;
        for (int i = 0; i < rowJsons.size() + removed.size(); i++) {
            boolean isRow = i < rowJsons.size();
            int size = isRow
                    ? rowJsons.get(i).length() + 1
                    : removed.get(i - rowJsons.size()).cityId().length() + 24;
            if (bytes > 0 && bytes + size > maxBytes) {
                rows.add(new ArrayList<>());
                removals.add(new ArrayList<>());
                bytes = 0;
            }
            if (isRow) {
                rows.get(rows.size() - 1).add(rowJsons.get(i));
            } else {
                removals.get(removals.size() - 1).add(removed.get(i - rowJsons.size()));
            }
            bytes += size;
        }
        int chunks = rows.size();
        List<String> messages = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            PanelDelta header = new PanelDelta(
                    PanelDelta.SCHEMA_VERSION,
                    PanelDelta.eventId(study, version.panelVersion(), c),
                    study,
                    version,
                    c,
                    chunks,
                    List.of(),
                    removals.get(c));
            messages.add(EventJson.writeDelta(header, rows.get(c)));
        }
        return messages;
    }
}
