package org.hazardstream.core.glm;

/**
 * Convergence settings of IRLS, R's glm.control defaults: stop when |dev - devold| / (|dev| + 0.1) &lt; epsilon.
 *
 * @param epsilon          relative deviance change that ends the iterations (R: 1e-8)
 * @param maxIterations    at most this many IRLS steps (R: 25)
 * @param initialEstimates warm start per column (R's {@code start}), or null to start as R does from the data
 */
public record GlmSettings(double epsilon, int maxIterations, double[] initialEstimates) {

    public static final GlmSettings R_DEFAULTS = new GlmSettings(1e-8, 25, null);

    public GlmSettings {
        if (!(epsilon > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("epsilon must be > 0 and maxIterations >= 1");
        }
        initialEstimates = initialEstimates == null ? null : initialEstimates.clone();
    }

    public GlmSettings withInitialEstimates(double[] start) {
        return new GlmSettings(epsilon, maxIterations, start);
    }

    /** R's rank tolerance for the QR of glm.fit: min(1e-7, epsilon / 1000). */
    double rankTolerance() {
        return Math.min(1e-7, epsilon / 1000);
    }
}
