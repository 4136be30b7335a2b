package org.hazardstream.core.fit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of one fit, exactly those of fit-contract.md, with R's defaults.
 *
 * @param model            cox, pce, logit or finegray
 * @param covariates       covariate columns, in coefficient order
 * @param idColumn         subject id column (Fine-Gray follows subjects by it)
 * @param startColumn      interval start column
 * @param stopColumn       interval stop column
 * @param eventColumn      event code column
 * @param eventCode        the event code that counts; null means any code greater than 0
 * @param ties             Cox tie handling
 * @param firth            Firth's penalised likelihood (cox, logit)
 * @param clusterColumn    robust standard errors clustered on this column; null for none
 * @param strataColumn     stratified baseline (cox); null for none
 * @param breaks           period boundaries on the time axis (pce, logit)
 * @param periodSpecific   pce covariates with one coefficient per period
 * @param initialEstimates warm start: term name to starting value; missing terms start at 0
 */
public record FitOptions(
        Model model,
        List<String> covariates,
        String idColumn,
        String startColumn,
        String stopColumn,
        String eventColumn,
        Integer eventCode,
        Ties ties,
        boolean firth,
        String clusterColumn,
        String strataColumn,
        List<Double> breaks,
        List<String> periodSpecific,
        Map<String, Double> initialEstimates) {

    public FitOptions {
        Objects.requireNonNull(model, "model");
        covariates = List.copyOf(covariates);
        idColumn = idColumn == null ? "id" : idColumn;
        startColumn = startColumn == null ? "start" : startColumn;
        stopColumn = stopColumn == null ? "stop" : stopColumn;
        eventColumn = eventColumn == null ? "event" : eventColumn;
        ties = ties == null ? Ties.EFRON : ties;
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
        periodSpecific = periodSpecific == null ? List.of() : List.copyOf(periodSpecific);
        initialEstimates = initialEstimates == null ? Map.of() : Map.copyOf(initialEstimates);
    }

    /** The defaults of the contract for a model and its covariates. */
    public static FitOptions of(Model model, List<String> covariates) {
        return new FitOptions(
                model, covariates, null, null, null, null, null, null, false, null, null, null, null, null);
    }

    public FitOptions withInitialEstimates(Map<String, Double> estimates) {
        return new FitOptions(
                model,
                covariates,
                idColumn,
                startColumn,
                stopColumn,
                eventColumn,
                eventCode,
                ties,
                firth,
                clusterColumn,
                strataColumn,
                breaks,
                periodSpecific,
                estimates);
    }
}
