package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;

/**
 * Piecewise constant exponential model (--model pce): each (start, stop] row is split at the --breaks exactly as
 * R's survSplit, and the event indicator of the pieces is fitted by a Poisson GLM with offset log(exposure),
 * one baseline log hazard per period (no intercept) plus the covariates; a --period-specific covariate gets one
 * coefficient per period (NAME@k). In R:
 * {@code glm(event ~ 0 + factor(period) + x1 + x2:factor(period), family = poisson, offset = log(tstop - tstart),
 * data = survSplit(Surv(tstart, tstop, event) ~ ., data, cut = breaks, episode = "period"))}.
 */
public final class PiecewiseExponentialModel {

    private PiecewiseExponentialModel() {}

    public static FitResult fit(DataTable table, FitOptions options) {
        if (options.firth()) {
            throw new BadInputException("option --firth: not available for --model pce (cox and logit only)");
        }
        if (options.strataColumn() != null) {
            throw new BadInputException("option --strata: not available for --model pce (cox only)");
        }
        for (String name : options.periodSpecific()) {
            if (!options.covariates().contains(name)) {
                throw new BadInputException("option --period-specific: '" + name + "' is not one of --covariates");
            }
        }
        double[] breaks = Periods.validate(options.breaks());
        ModelFrame frame = ModelFrame.read(table, options, false);
        if (frame.rows() == 0) {
            throw new BadInputException(table.source() + ": no complete rows to fit");
        }

        // survSplit: one piece per period an interval crosses; the event stays on the last piece
        int pieces = 0;
        for (int i = 0; i < frame.rows(); i++) {
            pieces += 1 + crossedBreaks(breaks, frame.start()[i], frame.stop()[i]);
        }
        int[] pieceRow = new int[pieces];
        int[] period = new int[pieces];
        double[] y = new double[pieces];
        double[] offset = new double[pieces];
        int[] cluster = frame.cluster() == null ? null : new int[pieces];
        TreeSet<Integer> present = new TreeSet<>();
        int q = 0;
        for (int i = 0; i < frame.rows(); i++) {
            double s = frame.start()[i];
            double e = frame.stop()[i];
            boolean event = frame.counted(i, options.eventCode());
            for (int k = Periods.periodOfPieceStart(breaks, s); ; k++) {
                boolean last = k >= breaks.length || breaks[k] >= e;
                double end = last ? e : breaks[k];
                pieceRow[q] = i;
                period[q] = k;
                present.add(k);
                y[q] = last && event ? 1 : 0;
                offset[q] = Math.log(end - s);
                if (cluster != null) {
                    cluster[q] = frame.cluster()[i];
                }
                q++;
                if (last) {
                    break;
                }
                s = end;
            }
        }

        List<String> terms = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<Integer> periods = new ArrayList<>(present);
        for (int k : periods) {
            terms.add("period " + (k + 1));
            double[] indicator = new double[pieces];
            for (int r = 0; r < pieces; r++) {
                indicator[r] = period[r] == k ? 1 : 0;
            }
            columns.add(indicator);
        }
        int baselineCount = terms.size();
        for (int j = 0; j < frame.covariateNames().size(); j++) {
            String name = frame.covariateNames().get(j);
            double[] x = frame.covariates()[j];
            if (options.periodSpecific().contains(name)) {
                for (int k : periods) {
                    terms.add(name + "@" + (k + 1));
                    double[] column = new double[pieces];
                    for (int r = 0; r < pieces; r++) {
                        column[r] = period[r] == k ? x[pieceRow[r]] : 0;
                    }
                    columns.add(column);
                }
            } else {
                terms.add(name);
                double[] column = new double[pieces];
                for (int r = 0; r < pieces; r++) {
                    column[r] = x[pieceRow[r]];
                }
                columns.add(column);
            }
        }
        GlmData full = new GlmData(terms, columns.toArray(double[][]::new), y, null, offset);
        GlmData baselineOnly = new GlmData(
                terms.subList(0, baselineCount),
                columns.subList(0, baselineCount).toArray(double[][]::new),
                y,
                null,
                offset);

        GlmSettings settings = GlmSettings.CONVERGED;
        if (!options.initialEstimates().isEmpty()) {
            settings =
                    settings.withInitialEstimates(warmStart(terms, baselineCount, options, y, offset, period, periods));
        }
        GlmFit fit = GlmEngine.fit(full, GlmFamily.POISSON_LOG, settings);
        GlmFit nullFit = GlmEngine.fit(baselineOnly, GlmFamily.POISSON_LOG, GlmSettings.CONVERGED);

        double[][] robust =
                cluster == null ? null : GlmInference.robustCovariance(full, fit, cluster, frame.clusterCount());
        List<String> warnings = new ArrayList<>(fit.warnings());
        List<FitResult.Coefficient> coefficients = new ArrayList<>();
        List<Integer> estimated = new ArrayList<>();
        for (int j = baselineCount; j < terms.size(); j++) {
            if (fit.aliased()[j]) {
                warnings.add(CoefficientRows.notEstimable(terms.get(j), "the period baselines or earlier terms"));
            } else {
                estimated.add(j);
            }
            coefficients.add(CoefficientRows.of(
                    terms.get(j),
                    fit.coefficients()[j],
                    fit.standardError(j),
                    robust == null || fit.aliased()[j] ? null : Math.sqrt(robust[j][j])));
        }
        List<FitResult.BaselinePiece> baseline = new ArrayList<>();
        double minStart = Double.POSITIVE_INFINITY;
        double maxStop = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < frame.rows(); i++) {
            minStart = Math.min(minStart, frame.start()[i]);
            maxStop = Math.max(maxStop, frame.stop()[i]);
        }
        for (int b = 0; b < baselineCount; b++) {
            int k = periods.get(b);
            double from = k == 0 ? minStart : Math.max(minStart, breaks[k - 1]);
            double to = b == baselineCount - 1 ? maxStop : breaks[k];
            if (fit.aliased()[b]) {
                warnings.add(terms.get(b) + ": baseline not estimable");
                continue;
            }
            baseline.add(new FitResult.BaselinePiece(k + 1, from, to, fit.coefficients()[b]));
        }
        FitResult.Tests tests = GlmModelTests.of(full, fit, nullFit, baselineOnly, estimated, robust, false);
        return new FitResult(
                "pce",
                frame.rows(),
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
                baseline);
    }

    /** Number of breaks strictly inside (start, stop): survSplit's extra pieces for the row. */
    private static int crossedBreaks(double[] breaks, double start, double stop) {
        int count = 0;
        for (double b : breaks) {
            if (b > start && b < stop) {
                count++;
            }
        }
        return count;
    }

    /** Previous estimates where given; each baseline starts at its period's crude log rate. */
    private static double[] warmStart(
            List<String> terms,
            int baselineCount,
            FitOptions options,
            double[] y,
            double[] offset,
            int[] period,
            List<Integer> periods) {
        double[] start = new double[terms.size()];
        for (int b = 0; b < baselineCount; b++) {
            double events = 0;
            double exposure = 0;
            for (int q = 0; q < y.length; q++) {
                if (period[q] == periods.get(b)) {
                    events += y[q];
                    exposure += Math.exp(offset[q]);
                }
            }
            start[b] = Math.log(Math.max(events, 0.5) / exposure);
        }
        for (int j = baselineCount; j < terms.size(); j++) {
            Double v = options.initialEstimates().get(terms.get(j));
            start[j] = v == null ? 0 : v;
        }
        return start;
    }
}
