package org.hazardstream.events;

import java.time.Instant;
import java.time.LocalDate;

import org.hazardstream.core.fit.FitResult;

/**
 * A model spec fitted on one panel version; published to {@link Topics#FIT_RESULTS} keyed by spec.
 *
 * @param eventId       unique id (report-service stores each event once)
 * @param fitDurationMs wall time of the fit
 */
public record FitResultEvent(
        String eventId,
        String spec,
        Instant computedAt,
        long fitDurationMs,
        Lineage lineage,
        FitResult result) {

    /** The data a result was fitted on. */
    public record Lineage(long panelVersion, int rows, int events, LocalDate dataThrough) {
    }
}
