package org.hazardstream.report.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells open dashboards that something new is there to show (server-sent events). */
@ApplicationScoped
public class DashboardUpdates {

    /**
     * One notification: kind "result" (a fit result was stored: spec and its panel version) or "panel" (a panel
     * version completed: spec null).
     */
    public record Update(String kind, String spec, long panelVersion) {
    }

    private final BroadcastProcessor<Update> processor = BroadcastProcessor.create();

    public Multi<Update> stream() {
        return processor;
    }

    /** Serialised: the processor must not see concurrent onNext calls (the two consumers run on two threads). */
    public synchronized void publish(Update update) {
        processor.onNext(update);
    }
}
