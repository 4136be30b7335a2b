package org.hazardstream.core.cox;

import java.util.List;

/**
 * Counting-process data for the Cox engine, complete cases only: row i is the interval (start[i], stop[i]]
 * of one subject, with an event at stop[i] when {@code event[i]}.
 *
 * @param terms      covariate names, in coefficient order
 * @param start      interval starts
 * @param stop       interval stops (stop &gt; start)
 * @param event      whether the counted event happens at stop
 * @param covariates covariates by term: covariates[term][row]
 * @param weights    case weights, or null for all 1 (Fine-Gray passes its censoring weights here)
 * @param strata     stratum index per row (0..k-1), or null for one stratum
 * @param cluster    cluster index per row (0..m-1) for robust sandwich standard errors, or null for none
 * @param times      the rows' sorts, shared by fits of the same intervals and strata, or null to sort them here
 */
public record CoxData(
        List<String> terms,
        double[] start,
        double[] stop,
        boolean[] event,
        double[][] covariates,
        double[] weights,
        int[] strata,
        int[] cluster,
        SortedTimes times) {

    public CoxData {
        terms = List.copyOf(terms);
        if (covariates.length != terms.size()) {
            throw new IllegalArgumentException(covariates.length + " covariate columns for " + terms.size() + " terms");
        }
        if (times != null && !times.fits(stop.length)) {
            throw new IllegalArgumentException("sorted times of " + times.rows + " rows for " + stop.length + " rows");
        }
    }

    /** Data whose rows {@link CoxProblem} sorts itself. */
    public CoxData(
            List<String> terms,
            double[] start,
            double[] stop,
            boolean[] event,
            double[][] covariates,
            double[] weights,
            int[] strata,
            int[] cluster) {
        this(terms, start, stop, event, covariates, weights, strata, cluster, null);
    }

    public int rows() {
        return stop.length;
    }
}
