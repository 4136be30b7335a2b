package org.hazardstream.model.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.core.Engine;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitInterruptedException;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.model.config.ModelSettings;
import org.hazardstream.model.messaging.FitResultPublisher;
import org.hazardstream.model.messaging.PublishedResults;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Fits a spec on a panel snapshot and publishes the result (the scheduler decides which spec on which snapshot).
 *
 * <p>A spec whose model hazard-core does not implement yet, that the panel cannot support yet (no event, no row of the
 * spec's cause), or whose fit throws, is logged and counted
 * ({@code model.fits{outcome=not-implemented|not-fittable|failed}}) and publishes nothing: the topic holds that spec's
 * last good result, and the other specs go on. A fit that ran but did not converge is published as it is (converged=false and
 * its warnings), since that is an honest result. A spec whose result on this panel version, with the same options,
 * is already on the topic (published before a restart) is not fitted again ({@code outcome=already-published}). A fit
 * the scheduler allowed to be interrupted and a newer version did interrupt publishes nothing
 * ({@code outcome=abandoned}): the spec is fitted on the newer version instead.
 */
@ApplicationScoped
public class SpecFitter {

    private static final Logger LOG = Logger.getLogger(SpecFitter.class);

    private final ModelSpecs specs;
    private final FitResultPublisher publisher;
    private final MeterRegistry registry;
    private final Set<String> warmStartModels;
    private final PublishedResults publishedResults;
    private final FitInterrupter interrupter;
    private final Map<String, Map<String, Double>> previousEstimates = new ConcurrentHashMap<>();
    // Spec name to the fingerprint of its options: fixed for the service's life, computed once.
    private final Map<String, String> fingerprints = new HashMap<>();
    // Spec name to the panel version and options fingerprint of its latest published result; read from the
    // fit-results topic before the first fit, so a restart does not publish the same version twice.
    private Map<String, PublishedVersion> published;

    private record PublishedVersion(long panelVersion, String optionsFingerprint) {}

    public SpecFitter(
            ModelSpecs specs,
            FitResultPublisher publisher,
            PublishedResults publishedResults,
            FitInterrupter interrupter,
            MeterRegistry registry,
            ModelSettings settings) {
        this.specs = specs;
        this.interrupter = interrupter;
        this.publisher = publisher;
        this.publishedResults = publishedResults;
        this.registry = registry;
        this.warmStartModels = Set.copyOf(settings.refit().warmStartModels());
        specs.all()
                .forEach(spec -> fingerprints.put(spec.name(), FitResultEvent.Provenance.fingerprint(spec.options())));
    }

    /**
     * Fits one spec on a snapshot and publishes the result; called by one thread at a time (the worker).
     *
     * @return false when the fit was interrupted for a newer version (nothing published), true otherwise
     */
    public synchronized boolean fit(String specName, PanelSnapshot snapshot) {
        long began = System.nanoTime();
        if (published == null) {
            published = new ConcurrentHashMap<>();
            publishedResults.read().forEach((spec, latest) -> {
                published.put(
                        spec,
                        new PublishedVersion(
                                latest.lineage().panelVersion(),
                                latest.provenance() == null
                                        ? null
                                        : latest.provenance().optionsFingerprint()));
                if (latest.result().converged()) {
                    previousEstimates.put(spec, estimates(latest.result()));
                }
            });
        }
        ModelSpec spec = specs.byName(specName);
        try {
            if (fitAndPublish(spec, snapshot)) {
                LOG.debugf(
                        "spec %s fitted and published on panel version %d in %.1f ms",
                        specName, snapshot.panelVersion(), (System.nanoTime() - began) / 1e6);
            }
            return true;
        } catch (FitInterruptedException e) {
            count(spec, "abandoned");
            LOG.debugf(
                    "fit of spec %s on panel version %d abandoned for a newer version after %.1f ms",
                    specName, snapshot.panelVersion(), (System.nanoTime() - began) / 1e6);
            return false;
        }
    }

    /** True when the spec's result was published. */
    private boolean fitAndPublish(ModelSpec spec, PanelSnapshot snapshot) {
        FitResultEvent.Lineage lineage = snapshot.lineage();
        String fingerprint = fingerprints.get(spec.name());
        PublishedVersion already = published.get(spec.name());
        if (already != null
                && already.panelVersion() >= lineage.panelVersion()
                && fingerprint.equals(already.optionsFingerprint())) {
            // Published before a restart (a restart replays every version): the compacted topic holds this result.
            count(spec, "already-published");
            return false;
        }
        DataTable data = snapshot.table();
        FitOptions options = spec.fitOptions();
        Map<String, Double> start = previousEstimates.get(spec.name());
        if (start != null && warmStartModels.contains(options.model().id())) {
            options = options.withInitialEstimates(start);
        }
        long began = System.nanoTime();
        FitResult result;
        try {
            FitOptions fitOptions = options;
            result = interrupter.compute(() -> HazardModels.fit(data, fitOptions));
        } catch (FitInterruptedException e) {
            throw e;
        } catch (UnsupportedOperationException e) {
            count(spec, "not-implemented");
            LOG.warnf(
                    "spec %s not fitted on panel version %d: %s", spec.name(), lineage.panelVersion(), e.getMessage());
            return false;
        } catch (BadInputException e) {
            // The panel does not support the model yet (no event, no row of a cause): normal early in a diffusion.
            count(spec, "not-fittable");
            LOG.warnf(
                    "spec %s not fitted on panel version %d: %s", spec.name(), lineage.panelVersion(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            count(spec, "failed");
            LOG.errorf(e, "spec %s failed on panel version %d", spec.name(), lineage.panelVersion());
            return false;
        }
        long nanos = System.nanoTime() - began;
        Timer.builder("model.fit.duration")
                .tag("spec", spec.name())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        count(spec, result.converged() ? "converged" : "not-converged");
        if (result.converged()) {
            previousEstimates.put(spec.name(), estimates(result));
        } else {
            // A diverging fit is no place to start the next one from.
            previousEstimates.remove(spec.name());
        }

        FitResultEvent.Provenance provenance =
                new FitResultEvent.Provenance(snapshot.study(), spec.options(), fingerprint, Engine.VERSION);
        FitResultEvent event = new FitResultEvent(
                UUID.randomUUID().toString(),
                spec.name(),
                Instant.now(),
                TimeUnit.NANOSECONDS.toMillis(nanos),
                lineage,
                provenance,
                result);
        try {
            publisher.publish(event);
            published.put(spec.name(), new PublishedVersion(lineage.panelVersion(), fingerprint));
            return true;
        } catch (RuntimeException e) {
            registry.counter("model.results.publish.failures", "spec", spec.name())
                    .increment();
            LOG.errorf(e, "result of spec %s on panel version %d not published", spec.name(), lineage.panelVersion());
            return false;
        }
    }

    private void count(ModelSpec spec, String outcome) {
        registry.counter("model.fits", "spec", spec.name(), "outcome", outcome).increment();
    }

    /** The estimated terms of a result, the warm start of the next fit (terms without an estimate start at 0). */
    private static Map<String, Double> estimates(FitResult result) {
        Map<String, Double> estimates = new LinkedHashMap<>();
        for (FitResult.Coefficient c : result.coefficients()) {
            if (c.estimate() != null && Double.isFinite(c.estimate())) {
                estimates.put(c.term(), c.estimate());
            }
        }
        return estimates;
    }
}
