package org.hazardstream.core.glm;

import org.apache.commons.math3.special.Gamma;

/**
 * The two families the hazard models need, each with its canonical link, written as R's
 * {@code poisson()} and {@code binomial()} family objects so that IRLS follows R's glm.fit step for step.
 */
public enum GlmFamily {

    /** Poisson, log link: the piecewise constant exponential model with log-exposure offset. */
    POISSON_LOG {
        @Override
        double linkInverse(double eta) {
            return Math.max(Math.exp(eta), DOUBLE_EPS); // R: pmax(exp(eta), .Machine$double.eps)
        }

        @Override
        double muEta(double eta) {
            return Math.max(Math.exp(eta), DOUBLE_EPS);
        }

        @Override
        double variance(double mu) {
            return mu;
        }

        @Override
        double link(double mu) {
            return Math.log(mu);
        }

        @Override
        double startingMean(double y, double weight) {
            return y + 0.1; // R: poisson()$initialize
        }

        @Override
        double devianceResidual(double y, double mu, double weight) {
            return y > 0 ? 2 * weight * (y * Math.log(y / mu) - (y - mu)) : 2 * mu * weight;
        }

        @Override
        double logLikelihood(double y, double mu, double weight) {
            // R's poisson()$aic: dpois(y, mu, log = TRUE) * wt
            double logDensity = y == 0 ? -mu : y * Math.log(mu) - mu - Gamma.logGamma(y + 1);
            return weight * logDensity;
        }

        @Override
        boolean validMean(double mu) {
            return Double.isFinite(mu) && mu > 0;
        }
    },

    /** Binomial, logit link: discrete-time logistic regression on 0/1 outcomes. */
    BINOMIAL_LOGIT {
        private static final double THRESH = 30; // R's C logit_linkinv and logit_mu_eta

        @Override
        double linkInverse(double eta) {
            double tmp = eta < -THRESH ? DOUBLE_EPS : eta > THRESH ? 1 / DOUBLE_EPS : Math.exp(eta);
            return tmp / (1 + tmp);
        }

        @Override
        double muEta(double eta) {
            double opexp = 1 + Math.exp(eta);
            return eta > THRESH || eta < -THRESH ? DOUBLE_EPS : Math.exp(eta) / (opexp * opexp);
        }

        @Override
        double variance(double mu) {
            return mu * (1 - mu);
        }

        @Override
        double link(double mu) {
            return Math.log(mu / (1 - mu));
        }

        @Override
        double startingMean(double y, double weight) {
            return (weight * y + 0.5) / (weight + 1); // R: binomial()$initialize for a 0/1 response
        }

        @Override
        double devianceResidual(double y, double mu, double weight) {
            return 2 * weight * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
        }

        @Override
        double logLikelihood(double y, double mu, double weight) {
            // R's binomial()$aic with m = prior weights: (wt/m) * dbinom(round(m*y), round(m), mu, log = TRUE)
            if (weight <= 0) {
                return 0;
            }
            double m = Math.rint(weight);
            double k = Math.rint(weight * y);
            double logChoose = Gamma.logGamma(m + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(m - k + 1);
            double logDensity =
                    logChoose + (k > 0 ? k * Math.log(mu) : 0) + (m - k > 0 ? (m - k) * Math.log1p(-mu) : 0);
            return logDensity; // (wt/m) * m-trial density is the density itself when wt = m
        }

        @Override
        boolean validMean(double mu) {
            return Double.isFinite(mu) && mu > 0 && mu < 1;
        }
    };

    static final double DOUBLE_EPS = Math.ulp(1.0);

    abstract double linkInverse(double eta);

    abstract double muEta(double eta);

    abstract double variance(double mu);

    abstract double link(double mu);

    abstract double startingMean(double y, double weight);

    abstract double devianceResidual(double y, double mu, double weight);

    /** One observation's share of R's logLik(fit) (that is, of -aic/2 before the parameter count). */
    abstract double logLikelihood(double y, double mu, double weight);

    abstract boolean validMean(double mu);

    private static double yLogY(double y, double mu) {
        return y != 0 ? y * Math.log(y / mu) : 0;
    }
}
