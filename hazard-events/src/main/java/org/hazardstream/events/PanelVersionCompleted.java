package org.hazardstream.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Closes panel version {@code panelVersion}: every row change of this version was published before it.
 *
 * @param rows            rows in the risk set
 * @param cities          cities with at least one row
 * @param events          rows with an event
 * @param dataThrough     the latest date with a daily record, or null while there is none
 * @param recordsApplied  raw records applied in this version
 * @param rowsChanged     rows added, changed or removed in this version
 */
public record PanelVersionCompleted(
        long panelVersion,
        int rows,
        int cities,
        int events,
        LocalDate dataThrough,
        int recordsApplied,
        int rowsChanged,
        Instant completedAt) implements PanelEvent {
}
