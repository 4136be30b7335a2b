package org.hazardstream.core.report;

import java.util.List;
import java.util.Objects;

import org.hazardstream.core.fit.FitResult;

/**
 * The regression table of one fitted model, ready for any renderer: one row per term (estimate, standard errors,
 * z, p, exp(estimate) with its 95% interval, stars) and a footer (n, events, log likelihood, tests, concordance).
 *
 * @param title      a caption, e.g. the spec name; the model id when none is given
 * @param model      cox, pce, logit or finegray
 * @param ratioLabel what exp(estimate) is: HR (cox, finegray: subdistribution HR), OR (logit), RR (pce: rate ratio)
 * @param robust     whether any term has a robust standard error (then z and p use it, as R)
 * @param baseline   pce: the log baseline hazard of each period; empty for the other models
 */
public record RegressionTable(
        String title,
        String model,
        String ratioLabel,
        boolean robust,
        List<Row> rows,
        Footer footer,
        List<String> warnings,
        List<FitResult.BaselinePiece> baseline) {

    public RegressionTable {
        Objects.requireNonNull(model, "model");
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
    }

    /** One term. A term that could not be estimated has a null estimate (rendered NA, as R). */
    public record Row(
            String term,
            Double estimate,
            Double stdError,
            Double robustStdError,
            Double z,
            Double pValue,
            Double ratio,
            Double confLow,
            Double confHigh) {

        public String stars() {
            return Stars.of(pValue);
        }

        /** The standard error that z and p use: the robust one when there is one. */
        public Double usedStdError() {
            return robustStdError != null ? robustStdError : stdError;
        }
    }

    public record Footer(
            int n,
            int events,
            int excludedRows,
            boolean converged,
            int iterations,
            Double logLikelihood,
            Double nullLogLikelihood,
            Double aic,
            FitResult.TestStatistic likelihoodRatio,
            FitResult.TestStatistic wald,
            FitResult.TestStatistic score,
            Double concordance) {}

    public static RegressionTable of(FitResult result) {
        return of(result.model(), result);
    }

    public static RegressionTable of(String title, FitResult result) {
        List<Row> rows = result.coefficients().stream()
                .map(c -> new Row(
                        c.term(),
                        c.estimate(),
                        c.stdError(),
                        c.robustStdError(),
                        c.z(),
                        c.pValue(),
                        c.hazardRatio(),
                        c.confLow(),
                        c.confHigh()))
                .toList();
        boolean robust = rows.stream().anyMatch(r -> r.robustStdError() != null);
        FitResult.Tests tests = result.tests();
        Footer footer = new Footer(
                result.n(),
                result.events(),
                result.excludedRows(),
                result.converged(),
                result.iterations(),
                result.logLikelihood(),
                result.nullLogLikelihood(),
                result.aic(),
                tests == null ? null : tests.likelihoodRatio(),
                tests == null ? null : tests.wald(),
                tests == null ? null : tests.score(),
                result.concordance());
        return new RegressionTable(
                title == null ? result.model() : title,
                result.model(),
                ratioLabel(result.model()),
                robust,
                rows,
                footer,
                result.warnings(),
                result.baseline());
    }

    static String ratioLabel(String model) {
        return switch (model) {
            case "logit" -> "OR";
            case "pce" -> "RR";
            default -> "HR";
        };
    }
}
