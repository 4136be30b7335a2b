package org.hazardstream.core.fit;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.data.DataTable;

/**
 * Whether a fit's data can identify what it estimates: the verdict served with every result, so that an estimate
 * made from one or two adoptions early in a diffusion is shown as such instead of as a finding. A fit is not
 * identified when
 * <ul>
 *   <li>it has fewer events than estimated parameters (covariate terms, plus pce's period baselines and logit's
 *       intercept and period dummies), or</li>
 *   <li>an estimated covariate takes one value in every event row: the likelihood then keeps rising as that
 *       term's coefficient runs off (for the Cox family the partial likelihood is monotone in it), so its estimate
 *       says nothing. A period-specific pce term is judged by its covariate over all events.</li>
 * </ul>
 * The rows judged are the complete cases of the fit (every covariate and the time and event columns present);
 * events are the rows with the counted event code (Fine-Gray: the cause of interest, on the original rows).
 */
public final class Identification {

    private Identification() {}

    /** The result with its verdict and, when not identified, a warning that says why. */
    public static FitResult assess(DataTable data, FitOptions options, FitResult result) {
        List<String> columns = new ArrayList<>(options.covariates());
        columns.add(options.eventColumn());
        columns.add(options.stopColumn());
        double[][] values = new double[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            if (!data.has(columns.get(c))) {
                return result; // the fitter has refused such data already; nothing to assess
            }
            values[c] = data.numeric(columns.get(c));
        }
        int covariates = options.covariates().size();
        double[] event = values[covariates];
        double[] first = new double[covariates];
        boolean[] varies = new boolean[covariates];
        int events = 0;
        rows:
        for (int r = 0; r < data.rowCount(); r++) {
            for (double[] column : values) {
                if (Double.isNaN(column[r])) {
                    continue rows;
                }
            }
            boolean counted = options.eventCode() == null ? event[r] > 0 : event[r] == options.eventCode();
            if (!counted) {
                continue;
            }
            for (int c = 0; c < covariates; c++) {
                if (events == 0) {
                    first[c] = values[c][r];
                } else if (values[c][r] != first[c]) {
                    varies[c] = true;
                }
            }
            events++;
        }

        int parameters = result.baseline().size();
        List<String> constantAmongEvents = new ArrayList<>();
        for (FitResult.Coefficient coefficient : result.coefficients()) {
            if (coefficient.estimate() != null) {
                parameters++;
            }
        }
        for (int c = 0; c < covariates; c++) {
            if (events > 0
                    && !varies[c]
                    && estimated(result, options.covariates().get(c))) {
                constantAmongEvents.add(options.covariates().get(c));
            }
        }
        List<String> why = new ArrayList<>();
        if (events < parameters) {
            why.add("not identified: " + events + " events for " + parameters
                    + " estimated parameters; the estimates say little until more units adopt");
        }
        if (!constantAmongEvents.isEmpty()) {
            why.add("not identified: " + String.join(", ", constantAmongEvents)
                    + (constantAmongEvents.size() == 1 ? " takes" : " take") + " one value in every event row,"
                    + " so the likelihood cannot settle on a coefficient");
        }
        return result.withIdentification(why.isEmpty(), why);
    }

    /** True when the result estimated the covariate (as itself, or per period as NAME@k). */
    private static boolean estimated(FitResult result, String covariate) {
        return result.coefficients().stream()
                .anyMatch(c -> c.estimate() != null
                        && (c.term().equals(covariate) || c.term().startsWith(covariate + "@")));
    }
}
