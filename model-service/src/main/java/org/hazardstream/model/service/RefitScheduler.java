package org.hazardstream.model.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hazardstream.model.config.ModelSettings;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Decides what to fit next. The panel consumer hands over each complete version and returns at once; fits run on one
 * worker thread, one spec at a time, so a slow fit never holds up consumption of newer versions.
 *
 * <ul>
 *   <li>Only the newest: one snapshot is current; a newer one replaces it, and a replaced version no spec was fitted
 *       on is counted in {@code model.panel.versions.skipped}. A version not newer than the current one is stale (a
 *       redelivered marker) and skipped too.</li>
 *   <li>Each step fits one spec on the current snapshot: the first specs ({@code model.refit.first}, the Cox model
 *       users watch) whenever they are behind it, otherwise the other spec that has been behind longest (ties in
 *       configured order). So a new version's Cox fit never waits for the other specs of an outdated version, and
 *       under a steady stream of versions every spec still takes its turn.</li>
 *   <li>A newer version interrupts the fit in progress of a spec other than the first ones ({@link FitInterrupter});
 *       the spec is fitted on the newer version later. Not when the spec has been without a result for
 *       {@code model.refit.max-delay}: then its fit runs to the end, so a steady stream cannot starve it.</li>
 *   <li>Debounce: after a quiet worker, the first step starts {@code model.refit.debounce} after the last version of
 *       a burst, but no later than {@code model.refit.max-delay} after the first.</li>
 * </ul>
 */
@ApplicationScoped
@Startup // created at start-up, not at the first panel version, so the warm-up runs while the panel topic replays
public class RefitScheduler {

    private static final Logger LOG = Logger.getLogger(RefitScheduler.class);

    /** Fits one spec on one snapshot and publishes its result; runs on the worker thread. */
    @FunctionalInterface
    interface SpecFit {
        /** @return false when the fit was interrupted for a newer version, true otherwise */
        boolean fit(String spec, PanelSnapshot snapshot);
    }

    /** The current snapshot; {@code state} says whether a step used it (exactly one of used or skipped wins). */
    private record Current(PanelSnapshot snapshot, AtomicInteger state) {
        static final int FRESH = 0;
        static final int USED = 1;
        static final int SKIPPED = 2;

        Current(PanelSnapshot snapshot) {
            this(snapshot, new AtomicInteger(FRESH));
        }
    }

    private final Set<String> first;
    private final SpecFit specFit;
    private final FitInterrupter interrupter;
    private final long debounceNanos;
    private final long maxDelayNanos;
    private final Counter received;
    private final Counter skipped;
    private final AtomicLong fittedVersion = new AtomicLong(-1);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "model-refit");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<Current> current = new AtomicReference<>();
    // Guarded by this: the debounced step and when the first version of the burst it waits for arrived.
    private ScheduledFuture<?> debouncedStep;
    private long burstSince;
    // Worker thread only: the panel version each spec was last fitted (or tried) on, in configured order, and when
    // its last fit ended other than interrupted (System.nanoTime()).
    private final Map<String, Long> specVersion = new LinkedHashMap<>();
    private final Map<String, Long> specCompletedAt = new LinkedHashMap<>();

    @Inject
    public RefitScheduler(
            SpecFitter fitter,
            FitInterrupter interrupter,
            ModelSpecs specs,
            ModelSettings settings,
            MeterRegistry registry) {
        this(
                specs.all().stream().map(ModelSpec::name).toList(),
                Set.copyOf(settings.refit().first()),
                fitter::fit,
                interrupter,
                settings.refit().debounce(),
                settings.refit().maxDelay(),
                registry);
        int rounds = settings.refit().warmUpRounds();
        // The worker's first task: steps on real versions queue behind it.
        worker.execute(() -> WarmUp.run(specs.all(), rounds));
    }

    /**
     * @param specs the spec names in fitting order
     * @param first the specs fitted whenever they are behind the current snapshot
     */
    RefitScheduler(
            List<String> specs,
            Set<String> first,
            SpecFit specFit,
            FitInterrupter interrupter,
            Duration debounce,
            Duration maxDelay,
            MeterRegistry registry) {
        this.first = Set.copyOf(first);
        this.specFit = specFit;
        this.interrupter = interrupter;
        this.debounceNanos = debounce.toNanos();
        this.maxDelayNanos = Math.max(debounceNanos, maxDelay.toNanos());
        this.received = registry.counter("model.panel.versions.received");
        this.skipped = registry.counter("model.panel.versions.skipped");
        registry.gauge("model.panel.version.fitted", fittedVersion);
        long now = System.nanoTime();
        specs.forEach(spec -> {
            specVersion.put(spec, -1L);
            specCompletedAt.put(spec, now);
        });
    }

    /** A complete panel version: it becomes the one to fit unless it is stale. Never blocks. */
    public void versionCompleted(PanelSnapshot snapshot) {
        received.increment();
        LOG.debugf("panel version %d complete (%d rows)", snapshot.panelVersion(), snapshot.rows());
        Current next = new Current(snapshot);
        Current replaced = current.getAndUpdate(
                old -> old != null && old.snapshot().panelVersion() >= snapshot.panelVersion() ? old : next);
        if (replaced != null && replaced.snapshot().panelVersion() >= snapshot.panelVersion()) {
            skipped.increment();
            LOG.debugf(
                    "panel version %d skipped: version %d is already current",
                    snapshot.panelVersion(), replaced.snapshot().panelVersion());
            return;
        }
        if (replaced != null && replaced.state().compareAndSet(Current.FRESH, Current.SKIPPED)) {
            skipped.increment();
            LOG.debugf(
                    "panel version %d superseded by %d before any fit",
                    replaced.snapshot().panelVersion(), snapshot.panelVersion());
        }
        interrupter.newerVersion();
        debounce();
    }

    /** The latest panel version every spec has been fitted (or tried) on; -1 before that. */
    public long fittedVersion() {
        return fittedVersion.get();
    }

    private synchronized void debounce() {
        long now = System.nanoTime();
        if (debouncedStep == null || debouncedStep.isDone() || !debouncedStep.cancel(false)) {
            burstSince = now;
        }
        long delay = Math.min(debounceNanos, Math.max(0, burstSince + maxDelayNanos - now));
        debouncedStep = worker.schedule(this::step, delay, TimeUnit.NANOSECONDS);
    }

    /** Fits the next spec on the current snapshot, and asks for another step while any spec is behind it. */
    private void step() {
        Current taken = current.get();
        while (taken != null
                && !taken.state().compareAndSet(Current.FRESH, Current.USED)
                && taken.state().get() != Current.USED) {
            taken = current.get(); // replaced (and counted skipped) between the read and the claim
        }
        if (taken == null) {
            return;
        }
        PanelSnapshot snapshot = taken.snapshot();
        String spec = nextSpec(snapshot.panelVersion());
        if (spec == null) {
            return;
        }
        long began = System.nanoTime();
        // An outdated fit of a spec other than the first ones may give way to a newer version, unless the spec has
        // been without a result for max-delay already (a steady stream of versions must not starve it).
        interrupter.allow(!first.contains(spec) && began - specCompletedAt.get(spec) < maxDelayNanos);
        boolean completed = true;
        try {
            completed = specFit.fit(spec, snapshot);
        } catch (RuntimeException e) {
            // The fitter guards each fit; this is a last line so the worker thread survives anything.
            LOG.errorf(e, "refit of spec %s on panel version %d failed", spec, snapshot.panelVersion());
        } finally {
            interrupter.allow(false);
        }
        if (!completed) {
            worker.execute(this::step); // the spec stays behind; the newer version is next
            return;
        }
        specCompletedAt.put(spec, System.nanoTime());
        specVersion.put(spec, snapshot.panelVersion());
        long everySpec =
                specVersion.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        if (fittedVersion.getAndSet(everySpec) < everySpec) {
            LOG.infof(
                    "panel version %d (%d rows, %d events): every spec fitted",
                    everySpec, snapshot.lineage().rows(), snapshot.lineage().events());
        }
        worker.execute(this::step);
    }

    /** The first spec behind {@code version} if any, else the other spec behind it for longest; null if none is. */
    private String nextSpec(long version) {
        String next = null;
        for (Map.Entry<String, Long> spec : specVersion.entrySet()) {
            if (spec.getValue() >= version) {
                continue;
            }
            if (first.contains(spec.getKey())) {
                return spec.getKey();
            }
            if (next == null || spec.getValue() < specVersion.get(next)) {
                next = spec.getKey();
            }
        }
        return next;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
