package org.hazardstream.report.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Tells open dashboards that something new is there to show (server-sent events). */
@ApplicationScoped
public class DashboardUpdates {

    /**
     * One notification: kind "result" (a fit result was stored, by any replica: spec and its panel version; it
     * arrives through {@code DashboardUpdateListener}), "panel" (a panel version completed: spec null) or "resync"
     * (this replica's listener was disconnected and may have missed results: reload everything; spec null, version 0).
     */
    public record Update(String kind, String spec, long panelVersion) {}

    /** Updates a subscriber may fall behind by before its stream fails (an update is a few dozen bytes). */
    static final int BUFFER = 10_000;

    private final BroadcastProcessor<Update> processor = BroadcastProcessor.create();

    /**
     * The updates from now on, buffered per subscriber: the server-sent-events writer asks for one update at a time,
     * and without a buffer a burst (a day's data makes several panel versions and results within milliseconds) failed
     * the stream with a back-pressure error, so the dashboard stopped updating.
     */
    public Multi<Update> stream() {
        return processor.onOverflow().buffer(BUFFER);
    }

    /** Serialised: the processor must not see concurrent onNext calls (the two consumers run on two threads). */
    public synchronized void publish(Update update) {
        processor.onNext(update);
    }
}
