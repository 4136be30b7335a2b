package org.hazardstream.core.cox;

import org.hazardstream.core.fit.FitInterruptedException;

/**
 * Newton-Raphson with step halving, step for step as the main loop of R survival's agfit4: convergence when the
 * relative change of the log-likelihood is at most eps and no halving is in progress; a step that lowers the
 * log-likelihood (or makes it non-finite, or changes the rank of the information) is halved back towards the last
 * good point; out of iterations, the last good point is kept when the final attempt was worse.
 */
final class NewtonRaphson {

    /** The function being maximised: value, gradient and the information used for the step. */
    interface Objective {
        PartialLikelihood.Evaluation evaluate(double[] beta);
    }

    record Outcome(
            double[] beta,
            PartialLikelihood.Evaluation last,
            SymmetricLdl lastLdl,
            double initialValue,
            int iterations,
            boolean converged) {}

    private NewtonRaphson() {}

    /**
     * @param atInit        the objective at init when already known (the fit evaluates beta = 0 anyway), or null
     * @param stepTolerance 0 for R's rule; otherwise convergence also needs the next Newton step to be at most this
     *                      (in every coordinate). Firth's fit needs it: its step uses the information, not the
     *                      Hessian of the penalised likelihood, so it converges linearly and the log-likelihood rule
     *                      alone stops about 1e-5 short.
     */
    static Outcome maximise(
            Objective objective,
            double[] init,
            PartialLikelihood.Evaluation atInit,
            int maxIter,
            double eps,
            double tolChol,
            double stepTolerance) {
        int p = init.length;
        double[] beta = init.clone();
        double[] oldBeta = new double[p];
        PartialLikelihood.Evaluation ev = atInit != null ? atInit : objective.evaluate(beta);
        SymmetricLdl ldl = new SymmetricLdl(ev.info(), p, tolChol);
        int rank = ldl.signedRank();
        double initialValue = ev.logLik();
        if (maxIter == 0 || !Double.isFinite(ev.logLik())) {
            return new Outcome(beta, ev, ldl, initialValue, 0, maxIter == 0);
        }
        double[] step = ldl.solve(ev.score());
        for (int i = 0; i < p; i++) {
            oldBeta[i] = beta[i];
            beta[i] += step[i];
        }
        double best = ev.logLik();
        int halving = 0;
        for (int iter = 1; iter <= maxIter; iter++) {
            FitInterruptedException.throwIfInterrupted();
            ev = objective.evaluate(beta);
            int fail = 0;
            for (int i = 0; i < p; i++) {
                if (!Double.isFinite(ev.info()[i * p + i])) {
                    fail++;
                }
            }
            ldl = new SymmetricLdl(ev.info(), p, tolChol);
            double value = ev.logLik();
            fail += (Double.isFinite(value) ? 0 : 1) + Math.abs(rank - ldl.signedRank());
            if (fail == 0
                    && halving == 0
                    && Math.abs(1 - best / value) <= eps
                    && (stepTolerance <= 0 || maxAbs(ldl.solve(ev.score())) <= stepTolerance)) {
                return new Outcome(beta, ev, ldl, initialValue, iter, true);
            }
            if (iter == maxIter) {
                if (maxIter > 1 && (value - best) / Math.abs(best) < -eps) {
                    // the last attempt was worse than the best point: report the best point
                    beta = oldBeta.clone();
                    ev = objective.evaluate(beta);
                    ldl = new SymmetricLdl(ev.info(), p, tolChol);
                }
                return new Outcome(beta, ev, ldl, initialValue, iter, false);
            }
            if (fail > 0 || value < best) {
                halving++;
                for (int i = 0; i < p; i++) {
                    beta[i] = (oldBeta[i] * halving + beta[i]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = value;
                step = ldl.solve(ev.score());
                for (int i = 0; i < p; i++) {
                    oldBeta[i] = beta[i];
                    beta[i] += step[i];
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
