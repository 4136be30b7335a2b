/**
 * Generalised linear models for the discrete-time hazard models of the fit contract, each equal to R.
 *
 * <ul>
 * <li>{@link org.hazardstream.core.glm.GlmEngine}: IRLS as R's {@code glm.fit} (same starting means, weighted
 * Householder QR with R's limited pivoting, tolerance min(1e-7, epsilon/1000); stop when
 * |dev - devold| / (|dev| + 0.1) &lt; 1e-8, at most 25 steps; step halving on a non-finite deviance). A collinear or
 * constant column is aliased (R's NA): estimate null and a warning naming it. Standard errors from the unscaled
 * covariance of the last step (dispersion 1).</li>
 * <li>{@link org.hazardstream.core.glm.PiecewiseExponentialModel} (pce): Poisson GLM with log-exposure offset on
 * survSplit data, one baseline per period, NAME@k for period-specific covariates.</li>
 * <li>{@link org.hazardstream.core.glm.DiscreteTimeLogitModel} (logit): binomial GLM with intercept and period
 * dummies; {@code --firth} uses {@link org.hazardstream.core.glm.FirthLogistic}.</li>
 * </ul>
 *
 * <p>Choices, each with the R expression it equals (fixtures: hazard-core/src/test/r/glm-fixtures.R):
 * <ul>
 * <li>robust SE with --cluster: {@code sandwich::vcovCL(fit, cluster = ~id, type = "HC0", cadjust = FALSE)}, i.e.
 * the sum over clusters of the outer products of the clustered score contributions, sandwiched by (X'WX)^-1, with no
 * finite-sample factor: the convention of survival's coxph robust variance;</li>
 * <li>likelihood-ratio test: 2 (logLik(fit) - logLik(null fit)), the null fit having the period baselines only (pce)
 * or the intercept and period dummies only (logit);</li>
 * <li>score test: Rao's statistic, {@code anova(nullFit, fit, test = "Rao")};</li>
 * <li>Wald test: b' V^-1 b over the estimated covariate terms, V robust when clustered (as coxph's wald.test);</li>
 * <li>Firth: R's logistf is not packaged for Debian; the expected values are a hand computation in R (Newton on the
 * modified score), checked against a direct maximisation of the penalised likelihood.</li>
 * </ul>
 */
package org.hazardstream.core.glm;
