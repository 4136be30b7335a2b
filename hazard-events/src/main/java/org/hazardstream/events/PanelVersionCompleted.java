package org.hazardstream.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A panel version and the totals of its panel, carried by each chunk of the version's {@link PanelDelta}.
 *
 * @param rows            rows in the risk set
 * @param cities          cities with at least one row
 * @param events          rows with an event
 * @param dataThrough     the data-through date D of the panel contract's "Observation" rule, or null while there
 *                        is no daily record
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
        Instant completedAt) {}
