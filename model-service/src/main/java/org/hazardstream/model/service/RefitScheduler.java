package org.hazardstream.model.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hazardstream.model.config.ModelSettings;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Decides when to refit. The panel consumer hands over each complete version and returns at once; fits run on one
 * worker thread, so a slow fit never holds up consumption of newer versions.
 *
 * <ul>
 *   <li>Debounce: a fit starts after {@code model.refit.debounce} without a newer version (a burst is fitted once),
 *       but no later than {@code model.refit.max-delay} after the first version waiting, so a steady stream of
 *       versions is still fitted.</li>
 *   <li>Only the newest: at most one snapshot waits; a newer one replaces it (the replaced version is counted in
 *       {@code model.panel.versions.skipped} and never fitted). A version not newer than the last one fitted is
 *       stale (a redelivered marker) and skipped too.</li>
 * </ul>
 */
@ApplicationScoped
public class RefitScheduler {

    private static final Logger LOG = Logger.getLogger(RefitScheduler.class);

    private final Consumer<PanelSnapshot> fitter;
    private final long debounceNanos;
    private final long maxDelayNanos;
    private final Counter received;
    private final Counter skipped;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "model-refit");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<PanelSnapshot> waiting = new AtomicReference<>();
    // Guarded by this: the scheduled run and when the oldest waiting snapshot arrived.
    private ScheduledFuture<?> scheduledRun;
    private long firstWaitingSince;
    private volatile long lastFitted = Long.MIN_VALUE;

    @Inject
    public RefitScheduler(SpecFitter fitter, ModelSettings settings, MeterRegistry registry) {
        this(fitter::fitAll, settings.refit().debounce(), settings.refit().maxDelay(), registry);
    }

    /** @param fitter fits every spec on a snapshot and publishes the results; runs on the worker thread */
    RefitScheduler(Consumer<PanelSnapshot> fitter, Duration debounce, Duration maxDelay, MeterRegistry registry) {
        this.fitter = fitter;
        this.debounceNanos = debounce.toNanos();
        this.maxDelayNanos = Math.max(debounceNanos, maxDelay.toNanos());
        this.received = registry.counter("model.panel.versions.received");
        this.skipped = registry.counter("model.panel.versions.skipped");
    }

    /** A complete panel version: fit it soon unless a newer one comes first. Never blocks. */
    public void versionCompleted(PanelSnapshot snapshot) {
        received.increment();
        if (snapshot.panelVersion() <= lastFitted) {
            skipped.increment();
            LOG.debugf("panel version %d skipped: version %d is already fitted", snapshot.panelVersion(), lastFitted);
            return;
        }
        PanelSnapshot superseded = waiting.getAndSet(snapshot);
        if (superseded != null) {
            skipped.increment();
            LOG.debugf("panel version %d superseded by %d before its fit", superseded.panelVersion(),
                    snapshot.panelVersion());
        }
        schedule();
    }

    private synchronized void schedule() {
        long now = System.nanoTime();
        if (scheduledRun == null || scheduledRun.isDone()) {
            firstWaitingSince = now;
        } else if (!scheduledRun.cancel(false)) {
            // Already running: it takes whatever is waiting when it starts; schedule a follow-up for the rest.
            firstWaitingSince = now;
        }
        long delay = Math.min(debounceNanos, Math.max(0, firstWaitingSince + maxDelayNanos - now));
        scheduledRun = worker.schedule(this::fitWaiting, delay, TimeUnit.NANOSECONDS);
    }

    private void fitWaiting() {
        PanelSnapshot snapshot = waiting.getAndSet(null);
        if (snapshot == null) {
            return;
        }
        if (snapshot.panelVersion() <= lastFitted) {
            skipped.increment();
            return;
        }
        try {
            fitter.accept(snapshot);
        } catch (RuntimeException e) {
            // fitAll guards each spec; this is a last line so the worker thread survives anything.
            LOG.errorf(e, "refit of panel version %d failed", snapshot.panelVersion());
        }
        lastFitted = snapshot.panelVersion();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
