package org.hazardstream.core.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hazardstream.core.fit.FitResult;

/**
 * Several specs side by side, like a paper's regression table: one row per term (the union of all specs' terms,
 * in order of first appearance), one column per spec, each cell "estimate stars" over "(SE)"; the SE is the
 * robust one where the spec has it (the one its z and p use). Footer rows: N, events, log likelihood, AIC,
 * concordance.
 */
public record ComparisonTable(List<String> specs, List<TermRow> rows, List<FooterRow> footer) {

    public ComparisonTable {
        specs = List.copyOf(specs);
        rows = List.copyOf(rows);
        footer = List.copyOf(footer);
    }

    /** A cell: null estimate when the spec does not have the term or could not estimate it. */
    public record Cell(Double estimate, Double stdError, Double pValue) {
        public String stars() {
            return Stars.of(pValue);
        }
    }

    /** cells.get(i) belongs to specs.get(i); null when spec i has no such term. */
    public record TermRow(String term, List<Cell> cells) {
        public TermRow {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    /** A summary statistic per spec; integral statistics (N, events) have {@code integral} set. */
    public record FooterRow(String label, boolean integral, List<Double> values) {
        public FooterRow {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The table of the given results, columns in the map's iteration order (pass a LinkedHashMap). */
    public static ComparisonTable of(Map<String, FitResult> results) {
        List<String> specs = List.copyOf(results.keySet());
        List<FitResult> fits = List.copyOf(results.values());
        Set<String> terms = new LinkedHashSet<>();
        fits.forEach(f -> f.coefficients().forEach(c -> terms.add(c.term())));
        List<TermRow> rows = new ArrayList<>();
        for (String term : terms) {
            List<Cell> cells = new ArrayList<>();
            for (FitResult fit : fits) {
                FitResult.Coefficient c = fit.coefficient(term);
                cells.add(
                        c == null
                                ? null
                                : new Cell(
                                        c.estimate(),
                                        c.robustStdError() != null ? c.robustStdError() : c.stdError(),
                                        c.pValue()));
            }
            rows.add(new TermRow(term, cells));
        }
        List<FooterRow> footer = List.of(
                new FooterRow(
                        "N",
                        true,
                        fits.stream().map(f -> (Double) (double) f.n()).toList()),
                new FooterRow(
                        "Events",
                        true,
                        fits.stream().map(f -> (Double) (double) f.events()).toList()),
                new FooterRow(
                        "Log likelihood",
                        false,
                        fits.stream().map(FitResult::logLikelihood).toList()),
                new FooterRow("AIC", false, fits.stream().map(FitResult::aic).toList()),
                new FooterRow(
                        "Concordance",
                        false,
                        fits.stream().map(FitResult::concordance).toList()));
        return new ComparisonTable(specs, rows, footer);
    }
}
