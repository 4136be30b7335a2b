package org.hazardstream.model.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The model-service's settings: the study whose specs it keeps fitted and how it schedules refits.
 *
 * <p>The specs are the study definition's (study-contract.md): a name and the command line's fit options without
 * dashes. Adding or changing a spec is a change of the definition; its options are validated by hazard-core's
 * {@code FitOptionsParser}, so a spec accepts and refuses exactly what {@code hazard-cli fit} does.
 */
@ConfigMapping(prefix = "model")
public interface ModelSettings {

    /** The study definition: a file, or a resource of the jar (the bundled studies are under {@code studies/}). */
    @WithDefault("studies/health-code/study.json")
    String study();

    Refit refit();

    interface Refit {

        /** Quiet time after the last panel version of a burst before the first fit on it (when the worker is idle). */
        @WithDefault("10ms")
        Duration debounce();

        /** A continuous stream of versions is still fitted at least this often (debouncing never starves it). */
        @WithDefault("2s")
        Duration maxDelay();

        /**
         * Specs fitted whenever they are behind the newest panel version, before any other spec; the others take
         * turns, the one behind longest first. The Cox estimate is what users watch.
         */
        @WithDefault("cox")
        List<String> first();

        /**
         * Rounds of fits of every spec on a synthetic panel when the service starts, before the first real fit, so
         * the first estimates come from compiled code (0: none).
         */
        @WithDefault("3")
        int warmUpRounds();

        /**
         * Models whose specs start from their previous estimates (fewer iterations on a slightly changed panel).
         * Only models fitted by Newton-Raphson to a relative log-likelihood change of 1e-11 (cox, finegray): they
         * land on the same estimates from any nearby start, to well under 1e-9. The GLMs (pce, logit) stop on a
         * deviance criterion, so where they stop depends a little on the start; they start cold, as the command
         * line does, so that a served result is the command line's to the last digits.
         */
        @WithDefault("cox,finegray")
        List<String> warmStartModels();
    }
}
