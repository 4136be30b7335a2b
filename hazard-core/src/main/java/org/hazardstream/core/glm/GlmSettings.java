package org.hazardstream.core.glm;

/**
 * Convergence settings of IRLS, as R's glm.control: stop when |dev - devold| / (|dev| + 0.1) &lt; epsilon.
 *
 * @param epsilon          relative deviance change that ends the iterations (R's default: 1e-8)
 * @param maxIterations    at most this many IRLS steps (R's default: 25)
 * @param initialEstimates warm start per column (R's {@code start}), or null to start as R does from the data
 */
public record GlmSettings(double epsilon, int maxIterations, double[] initialEstimates) {

    /**
     * Run to convergence, as fit-contract.md's "follow R" means: R's {@code glm.control(epsilon = 1e-14, maxit =
     * 100)}. At R's default 1e-8 the last step still moves standard errors in the fifth digit (R takes the weights
     * of the step before the last), so a result would depend on where the iterations happened to stop.
     */
    public static final GlmSettings CONVERGED = new GlmSettings(1e-14, 100, null);

    /** R's rank tolerance of glm.fit's QR at its default epsilon, min(1e-7, 1e-8 / 1000). */
    static final double RANK_TOLERANCE = 1e-11;

    public GlmSettings {
        if (!(epsilon > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("epsilon must be > 0 and maxIterations >= 1");
        }
        initialEstimates = initialEstimates == null ? null : initialEstimates.clone();
    }

    public GlmSettings withInitialEstimates(double[] start) {
        return new GlmSettings(epsilon, maxIterations, start);
    }

    /**
     * The QR's rank tolerance: R's default whatever the epsilon, so that tightening the convergence never turns an
     * aliased column into a huge estimate (R itself would use min(1e-7, epsilon / 1000)).
     */
    double rankTolerance() {
        return RANK_TOLERANCE;
    }
}
