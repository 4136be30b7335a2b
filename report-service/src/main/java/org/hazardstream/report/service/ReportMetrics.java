package org.hazardstream.report.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators watch: results stored and refused, and how current each spec is (the panel version of its
 * latest stored result). Prometheus names: report_results_stored_total, report_results_duplicates_total,
 * report_results_rejected_total, report_latest_panel_version, report_panel_version.
 */
@ApplicationScoped
public class ReportMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter rejected;
    private final Map<String, AtomicLong> latestPanelVersion = new ConcurrentHashMap<>();
    private final AtomicLong panelVersion = new AtomicLong();

    public ReportMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("report.results.duplicates")
                .description("Fit results received again (same eventId) and not stored twice")
                .register(registry);
        this.rejected = Counter.builder("report.results.rejected")
                .description("Fit-results messages that were not a valid FitResultEvent, skipped")
                .register(registry);
        Gauge.builder("report.panel.version", panelVersion, AtomicLong::get)
                .description("The latest complete panel version seen on the panel topic")
                .register(registry);
    }

    public void stored(String spec, long version) {
        registry.counter("report.results.stored", "spec", spec).increment();
        latestPanelVersion(spec, version);
    }

    /** Records the panel version of a spec's latest result (also at start-up, from the database). */
    public void latestPanelVersion(String spec, long version) {
        latestPanelVersion
                .computeIfAbsent(spec, s -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder("report.latest.panel.version", holder, AtomicLong::get)
                            .description("Panel version of the latest stored result of the spec")
                            .tag("spec", s)
                            .register(registry);
                    return holder;
                })
                .accumulateAndGet(version, Math::max);
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public void panelVersion(long version) {
        panelVersion.set(version);
    }
}
