package org.hazardstream.core.finegray;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.cox.CoxData;
import org.hazardstream.core.cox.CoxRegression;
import org.hazardstream.core.cox.CoxSettings;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.data.TiedTimes;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.glm.ModelFrame;

/**
 * Fine-Gray subdistribution hazards (--model finegray --event-code K), built as R builds it: the (start, stop]
 * rows, followed by subject (--id), are expanded with censoring weights exactly as {@code survival::finegray}
 * ({@link FineGrayExpansion}), then fitted by the weighted Cox model:
 * {@code coxph(Surv(fgstart, fgstop, fgstatus) ~ ..., weights = fgwt, data = finegray(...), cluster = id)}.
 * stdError is the model-based standard error of the weighted fit; robustStdError only with --cluster.
 * n and events count input rows (events: rows with code K); concordance is the Cox engine's, on the expanded
 * weighted rows, as R's fit reports it.
 */
public final class FineGrayModel {

    private FineGrayModel() {}

    public static FitResult fit(DataTable table, FitOptions options) {
        Integer code = options.eventCode();
        if (code == null) {
            throw new BadInputException("option --event-code: required for --model finegray (the event of interest; "
                    + "other codes > 0 are competing events)");
        }
        if (code <= 0) {
            throw new BadInputException("option --event-code: " + code + " is not an event code (expected > 0)");
        }
        if (options.strataColumn() != null) {
            throw new BadInputException("option --strata: not available for --model finegray");
        }
        ModelFrame frame = ModelFrame.read(table, options, true);
        if (frame.rows() == 0) {
            throw new BadInputException(table.source() + ": no complete rows to fit");
        }
        // finegray(timefix = TRUE), R's default: times that differ only by floating-point noise are one time
        TiedTimes.Intervals times = TiedTimes.merge(frame.start(), frame.stop());
        FineGrayExpansion.Rows rows = FineGrayExpansion.expand(
                times.start(), times.stop(), frame.eventCode(), frame.subject(), code, frame.sourceRow());
        int m = rows.size();
        double[][] covariates = new double[frame.covariateNames().size()][m];
        int[] cluster = frame.cluster() == null ? null : new int[m];
        for (int k = 0; k < m; k++) {
            int source = rows.sourceRow()[k];
            for (int j = 0; j < covariates.length; j++) {
                covariates[j][k] = frame.covariates()[j][source];
            }
            if (cluster != null) {
                cluster[k] = frame.cluster()[source];
            }
        }
        CoxData data = new CoxData(
                frame.covariateNames(),
                rows.start(),
                rows.stop(),
                rows.event(),
                covariates,
                rows.weight(),
                null,
                cluster);
        FitResult cox =
                CoxRegression.fit(data, CoxSettings.of(options.ties(), options.firth(), options.initialEstimates()));
        List<String> warnings = new ArrayList<>(cox.warnings());
        return new FitResult(
                "finegray",
                frame.rows(),
                frame.countEvents(code),
                frame.excludedRows(),
                cox.converged(),
                cox.iterations(),
                cox.logLikelihood(),
                cox.nullLogLikelihood(),
                cox.aic(),
                cox.tests(),
                cox.concordance(),
                null,
                warnings,
                cox.coefficients(),
                List.of());
    }
}
