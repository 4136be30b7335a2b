package org.hazardstream.core.cox;

/** A Cox partial log-likelihood on the scaled covariates of a {@link CoxProblem}, with its first two derivatives. */
interface PartialLikelihood {

    /**
     * @param beta     coefficients on the scaled covariates
     * @param withThird also return the derivative of the information matrix (for Firth's penalty)
     */
    Evaluation evaluate(double[] beta, boolean withThird);

    /**
     * @param logLik   log partial likelihood
     * @param score    first derivative (p)
     * @param info     information matrix, minus the second derivative (p x p, row-major)
     * @param dInfo    d info[a][b] / d beta[r] at [(r * p + a) * p + b], or null
     */
    record Evaluation(double logLik, double[] score, double[] info, double[] dInfo) {}
}
