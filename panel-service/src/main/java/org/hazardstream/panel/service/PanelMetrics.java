package org.hazardstream.panel.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The panel's Micrometer meters (/q/metrics). Consumer lag comes from the Kafka client metrics binder. */
@ApplicationScoped
public class PanelMetrics {

    private final Counter recordsApplied;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter rowsChanged;
    private final Counter versions;
    private final AtomicLong version = new AtomicLong();

    public PanelMetrics(MeterRegistry registry) {
        recordsApplied = Counter.builder("panel.records.applied")
                .description("raw records that became the latest of their key")
                .register(registry);
        duplicates = Counter.builder("panel.records.duplicate")
                .description("redelivered or superseded raw records, ignored")
                .register(registry);
        deadLetters = Counter.builder("panel.dead.letters")
                .description("raw records sent to the dead-letter topic")
                .register(registry);
        rowsChanged = Counter.builder("panel.rows.changed")
                .description("panel rows added, changed or removed")
                .register(registry);
        versions = Counter.builder("panel.versions")
                .description("panel versions completed")
                .register(registry);
        registry.gauge("panel.version", version);
    }

    void recordBatch(BatchOutcome outcome) {
        recordsApplied.increment(outcome.applied());
        duplicates.increment(outcome.duplicates());
        deadLetters.increment(outcome.deadLetters());
        rowsChanged.increment(outcome.rowsChanged());
        if (outcome.applied() > 0 || outcome.rowsChanged() > 0) {
            versions.increment();
        }
    }

    void setVersion(long current) {
        version.set(current);
    }
}
