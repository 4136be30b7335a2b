package org.hazardstream.core.cox;

import java.util.Map;

import org.hazardstream.core.fit.Ties;

/**
 * Settings of one Cox fit, with the defaults of R's coxph.control.
 *
 * @param ties             Efron, Breslow or exact
 * @param firth            Firth's penalised partial likelihood (Heinze and Schemper 2001)
 * @param initialEstimates starting values by term name (a warm start); missing terms start at 0
 * @param maxIterations    Newton-Raphson iterations (R: iter.max = 20)
 * @param epsilon          convergence on the relative change of the log-likelihood (R: eps = 1e-9)
 * @param cholTolerance    pivot tolerance of the rank-revealing decomposition (R: toler.chol = eps^0.75)
 * @param infTolerance     test for a diverging coefficient (R: toler.inf = sqrt(eps))
 */
public record CoxSettings(
        Ties ties,
        boolean firth,
        Map<String, Double> initialEstimates,
        int maxIterations,
        double epsilon,
        double cholTolerance,
        double infTolerance) {

    /** R's .Machine$double.eps^0.75 */
    public static final double R_TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);

    public CoxSettings {
        ties = ties == null ? Ties.EFRON : ties;
        initialEstimates = initialEstimates == null ? Map.of() : Map.copyOf(initialEstimates);
        if (maxIterations < 0 || !(epsilon > 0) || !(cholTolerance > 0) || !(infTolerance > 0)) {
            throw new IllegalArgumentException("invalid Cox settings: iterations " + maxIterations + ", eps "
                    + epsilon + ", toler.chol " + cholTolerance + ", toler.inf " + infTolerance);
        }
    }

    public static CoxSettings defaults() {
        return of(Ties.EFRON, false, Map.of());
    }

    public static CoxSettings of(Ties ties, boolean firth, Map<String, Double> initialEstimates) {
        return new CoxSettings(ties, firth, initialEstimates, 20, 1e-9, R_TOLER_CHOL, Math.sqrt(1e-9));
    }
}
