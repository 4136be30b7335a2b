package org.hazardstream.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.persistence.FitResultRepository;
import org.hazardstream.report.persistence.StoredFitResult;

import io.quarkus.runtime.StartupEvent;

/** Keeps every fit result once, and tells every replica's dashboards about each new one. */
@ApplicationScoped
public class FitResultArchive {

    public enum Outcome {
        STORED,
        DUPLICATE
    }

    private final FitResultRepository repository;
    private final ReportMetrics metrics;
    private final DashboardNotifier notifier;

    public FitResultArchive(FitResultRepository repository, ReportMetrics metrics, DashboardNotifier notifier) {
        this.repository = repository;
        this.metrics = metrics;
        this.notifier = notifier;
    }

    /**
     * Stores the event in its own transaction (committed when this returns), unless its eventId is stored already.
     * A stored result is announced in the same transaction (a "result" update, delivered to every replica when it
     * commits); a duplicate is not announced again.
     */
    @Transactional
    public Outcome store(FitResultEvent event, String json) {
        if (!repository.insertIfAbsent(event, json)) {
            return Outcome.DUPLICATE;
        }
        notifier.notifyOnCommit(new DashboardUpdates.Update(
                "result", event.spec(), event.lineage().panelVersion()));
        return Outcome.STORED;
    }

    /** The gauges of the latest panel version per spec start from what is stored. */
    @Transactional
    void initialiseGauges(@Observes StartupEvent start) {
        for (StoredFitResult latest : repository.latestPerSpec()) {
            metrics.latestPanelVersion(latest.spec, latest.panelVersion);
        }
    }
}
