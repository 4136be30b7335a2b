package org.hazardstream.core.cox;

import java.util.Map;

import org.hazardstream.core.fit.Ties;

/**
 * Settings of one Cox fit, named as R's coxph.control. {@link #of} runs to convergence (see {@link #EPSILON}).
 *
 * @param ties             Efron, Breslow or exact
 * @param firth            Firth's penalised partial likelihood (Heinze and Schemper 2001)
 * @param initialEstimates starting values by term name (a warm start); missing terms start at 0
 * @param maxIterations    Newton-Raphson iterations (R: iter.max)
 * @param epsilon          convergence on the relative change of the log-likelihood (R: eps)
 * @param cholTolerance    pivot tolerance of the rank-revealing decomposition (R: toler.chol)
 * @param infTolerance     test for a diverging coefficient (R: toler.inf)
 */
public record CoxSettings(
        Ties ties,
        boolean firth,
        Map<String, Double> initialEstimates,
        int maxIterations,
        double epsilon,
        double cholTolerance,
        double infTolerance) {

    /** R's .Machine$double.eps^0.75, coxph.control's default toler.chol (kept when eps is tightened). */
    public static final double R_TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);
    /**
     * Run to convergence, as fit-contract.md's reference: R's {@code coxph.control(eps = 1e-11, iter.max = 100)}.
     * R's default eps = 1e-9 can stop one Newton step early: on the 16-covariate test panel that last step still
     * moves coefficients by up to 5e-7 (relative), so a result would depend on where the iterations happened to stop.
     */
    public static final double EPSILON = 1e-11;
    /** R's iter.max of the converged reference; Newton-Raphson needs far fewer unless a coefficient diverges. */
    public static final int MAX_ITERATIONS = 100;
    /** R's default toler.inf = sqrt(eps), at eps = 1e-11 (R computes it from the eps it is given). */
    public static final double INF_TOLERANCE = Math.sqrt(EPSILON);

    public CoxSettings {
        ties = ties == null ? Ties.EFRON : ties;
        initialEstimates = initialEstimates == null ? Map.of() : Map.copyOf(initialEstimates);
        if (maxIterations < 0 || !(epsilon > 0) || !(cholTolerance > 0) || !(infTolerance > 0)) {
            throw new IllegalArgumentException("invalid Cox settings: iterations " + maxIterations + ", eps " + epsilon
                    + ", toler.chol " + cholTolerance + ", toler.inf " + infTolerance);
        }
    }

    public static CoxSettings defaults() {
        return of(Ties.EFRON, false, Map.of());
    }

    public static CoxSettings of(Ties ties, boolean firth, Map<String, Double> initialEstimates) {
        return new CoxSettings(ties, firth, initialEstimates, MAX_ITERATIONS, EPSILON, R_TOLER_CHOL, INF_TOLERANCE);
    }
}
