package org.hazardstream.report.service;

import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.persistence.FitResultRepository;
import org.hazardstream.report.persistence.StoredFitResult;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Keeps every fit result once. */
@ApplicationScoped
public class FitResultArchive {

    public enum Outcome { STORED, DUPLICATE }

    private final FitResultRepository repository;
    private final ReportMetrics metrics;

    public FitResultArchive(FitResultRepository repository, ReportMetrics metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    /** Stores the event in its own transaction (committed when this returns), unless its eventId is stored already. */
    @Transactional
    public Outcome store(FitResultEvent event, String json) {
        return repository.insertIfAbsent(event, json) ? Outcome.STORED : Outcome.DUPLICATE;
    }

    /** The gauges of the latest panel version per spec start from what is stored. */
    @Transactional
    void initialiseGauges(@Observes StartupEvent start) {
        for (StoredFitResult latest : repository.latestPerSpec()) {
            metrics.latestPanelVersion(latest.spec, latest.panelVersion);
        }
    }
}
