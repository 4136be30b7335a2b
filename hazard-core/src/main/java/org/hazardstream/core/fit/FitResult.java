package org.hazardstream.core.fit;

import java.util.List;

/**
 * One fitted model, field for field the JSON of fit-contract.md.
 * Values that a model does not have (concordance of a logit, phTest of a pce) are null.
 *
 * @param identified whether the data can identify the estimated terms ({@link Identification}); null when not
 *                   assessed (a result stored before the field existed)
 */
public record FitResult(
        String model,
        int n,
        int events,
        int excludedRows,
        boolean converged,
        int iterations,
        Boolean identified,
        Double logLikelihood,
        Double nullLogLikelihood,
        Double aic,
        Tests tests,
        Double concordance,
        PhTest phTest,
        List<String> warnings,
        List<Coefficient> coefficients,
        List<BaselinePiece> baseline) {

    /** A result not (yet) assessed for identification. */
    public FitResult(
            String model,
            int n,
            int events,
            int excludedRows,
            boolean converged,
            int iterations,
            Double logLikelihood,
            Double nullLogLikelihood,
            Double aic,
            Tests tests,
            Double concordance,
            PhTest phTest,
            List<String> warnings,
            List<Coefficient> coefficients,
            List<BaselinePiece> baseline) {
        this(
                model,
                n,
                events,
                excludedRows,
                converged,
                iterations,
                null,
                logLikelihood,
                nullLogLikelihood,
                aic,
                tests,
                concordance,
                phTest,
                warnings,
                coefficients,
                baseline);
    }

    /** The same result with the identification verdict and its warnings (appended to the others). */
    public FitResult withIdentification(boolean verdict, List<String> why) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(why);
        return new FitResult(
                model,
                n,
                events,
                excludedRows,
                converged,
                iterations,
                verdict,
                logLikelihood,
                nullLogLikelihood,
                aic,
                tests,
                concordance,
                phTest,
                all,
                coefficients,
                baseline);
    }

    public FitResult {
        warnings = List.copyOf(warnings);
        coefficients = List.copyOf(coefficients);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
    }

    /** Likelihood-ratio, Wald and score tests of all estimated covariate terms. */
    public record Tests(TestStatistic likelihoodRatio, TestStatistic wald, TestStatistic score) {}

    public record TestStatistic(double statistic, int df, double pValue) {}

    /**
     * One term. {@code estimate} is null when the term cannot be estimated (constant or collinear);
     * {@code z} and {@code pValue} use the robust standard error when there is one, as R does.
     */
    public record Coefficient(
            String term,
            Double estimate,
            Double stdError,
            Double robustStdError,
            Double z,
            Double pValue,
            Double hazardRatio,
            Double confLow,
            Double confHigh) {}

    /** R's cox.zph(fit) with transform "km". */
    public record PhTest(String transform, List<PhTerm> terms, ChiSquare global) {
        public PhTest {
            terms = List.copyOf(terms);
        }
    }

    public record PhTerm(String term, double chisq, int df, double pValue) {}

    public record ChiSquare(double chisq, int df, double pValue) {}

    /** pce: the log baseline hazard of one period (from, to]. */
    public record BaselinePiece(int period, double from, double to, double logHazard) {}

    /** The coefficient row of a term, or null. */
    public Coefficient coefficient(String term) {
        return coefficients.stream()
                .filter(c -> c.term().equals(term))
                .findFirst()
                .orElse(null);
    }
}
