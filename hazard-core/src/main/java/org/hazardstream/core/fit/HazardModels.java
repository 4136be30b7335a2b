package org.hazardstream.core.fit;

import org.hazardstream.core.data.DataTable;

/**
 * The one entry point of the library: fit the model named in the options to a long-format table.
 * The command line, the model service and the ad-hoc HTTP fit all come through here.
 */
public final class HazardModels {

    private HazardModels() {}

    /**
     * Fits the model and says whether the data identify it ({@link Identification}). An iterative fit checks
     * between iterations whether its thread was interrupted and then stops with {@link FitInterruptedException}.
     */
    public static FitResult fit(DataTable data, FitOptions options) {
        FitResult result = switch (options.model()) {
            case COX -> org.hazardstream.core.cox.CoxRegression.fit(data, options);
            case PCE -> org.hazardstream.core.glm.PiecewiseExponentialModel.fit(data, options);
            case LOGIT -> org.hazardstream.core.glm.DiscreteTimeLogitModel.fit(data, options);
            case FINEGRAY -> org.hazardstream.core.finegray.FineGrayModel.fit(data, options);
            default ->
                throw new UnsupportedOperationException(
                        "model not implemented yet: " + options.model().id());
        };
        return Identification.assess(data, options, result);
    }
}
