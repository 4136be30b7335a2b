package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;

/**
 * Discrete-time logistic regression (--model logit) on the rows as given: the counted event indicator on an
 * intercept, dummies period2, period3, ... for the --breaks periods of each row's stop time, and the covariates.
 * In R: {@code glm(event ~ period2 + ... + x1 + x2, family = binomial, data)}; with --firth, Firth's penalised
 * likelihood (as logistf): estimates, standard errors from I(beta)^-1, penalised log likelihoods (full and null, the
 * null refitted with the penalty) and their likelihood-ratio test; the score test is R's Rao formula evaluated at
 * the penalised null fit.
 */
public final class DiscreteTimeLogitModel {

    static final String INTERCEPT = "(Intercept)";

    private DiscreteTimeLogitModel() {}

    public static FitResult fit(DataTable table, FitOptions options) {
        if (options.strataColumn() != null) {
            throw new BadInputException("option --strata: not available for --model logit (cox only)");
        }
        if (!options.periodSpecific().isEmpty()) {
            throw new BadInputException("option --period-specific: not available for --model logit (pce only)");
        }
        double[] breaks = Periods.validate(options.breaks());
        ModelFrame frame = ModelFrame.read(table, options, false);
        int n = frame.rows();
        if (n == 0) {
            throw new BadInputException(table.source() + ": no complete rows to fit");
        }
        int[] period = new int[n];
        TreeSet<Integer> present = new TreeSet<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            period[i] = Periods.periodOfStop(breaks, frame.stop()[i]);
            present.add(period[i]);
            y[i] = frame.counted(i, options.eventCode()) ? 1 : 0;
        }
        List<String> terms = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        terms.add(INTERCEPT);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        columns.add(ones);
        for (int k : present) {
            if (k == 0) {
                continue;
            }
            terms.add("period" + (k + 1));
            double[] dummy = new double[n];
            for (int i = 0; i < n; i++) {
                dummy[i] = period[i] == k ? 1 : 0;
            }
            columns.add(dummy);
        }
        int baseCount = terms.size();
        for (int j = 0; j < frame.covariateNames().size(); j++) {
            terms.add(frame.covariateNames().get(j));
            columns.add(frame.covariates()[j]);
        }
        GlmData full = new GlmData(terms, columns.toArray(double[][]::new), y, null, null);
        GlmData base = new GlmData(
                terms.subList(0, baseCount), columns.subList(0, baseCount).toArray(double[][]::new), y, null, null);

        GlmSettings settings = GlmSettings.CONVERGED;
        if (!options.initialEstimates().isEmpty()) {
            double[] start = new double[terms.size()];
            for (int j = 0; j < start.length; j++) {
                Double v = options.initialEstimates().get(terms.get(j));
                start[j] = v == null ? 0 : v;
            }
            settings = settings.withInitialEstimates(start);
        }
        GlmFit fit;
        GlmFit nullFit;
        if (options.firth()) {
            fit = FirthLogistic.fit(full, settings.initialEstimates());
            nullFit = FirthLogistic.fit(base, null);
        } else {
            fit = GlmEngine.fit(full, GlmFamily.BINOMIAL_LOGIT, settings);
            nullFit = GlmEngine.fit(base, GlmFamily.BINOMIAL_LOGIT, GlmSettings.CONVERGED);
        }
        double[][] robust = frame.cluster() == null
                ? null
                : GlmInference.robustCovariance(full, fit, frame.cluster(), frame.clusterCount());
        List<String> warnings = new ArrayList<>(fit.warnings());
        List<FitResult.Coefficient> coefficients = new ArrayList<>();
        List<Integer> estimated = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            if (fit.aliased()[j]) {
                warnings.add(CoefficientRows.notEstimable(
                        terms.get(j), "the intercept, the period dummies or earlier terms"));
            } else if (j >= baseCount) {
                estimated.add(j);
            }
            coefficients.add(CoefficientRows.of(
                    terms.get(j),
                    fit.coefficients()[j],
                    fit.standardError(j),
                    robust == null || fit.aliased()[j] ? null : Math.sqrt(robust[j][j])));
        }
        FitResult.Tests tests = GlmModelTests.of(full, fit, nullFit, base, estimated, robust, true);
        return new FitResult(
                "logit",
                n,
                frame.countEvents(options.eventCode()),
                frame.excludedRows(),
                fit.converged(),
                fit.iterations(),
                fit.logLikelihood(),
                nullFit.logLikelihood(),
                fit.aic(),
                tests,
                null,
                null,
                warnings,
                coefficients,
                List.of());
    }
}
