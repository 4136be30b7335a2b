package org.hazardstream.core.report;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.fit.FitResult;

/** GitHub-flavoured Markdown tables; term names and stars are escaped so that they render literally. */
public final class MarkdownRenderer implements TableRenderer {

    @Override
    public String render(RegressionTable table) {
        RegressionTable.Footer f = table.footer();
        StringBuilder out = new StringBuilder();
        out.append("**")
                .append(escape(table.title()))
                .append("** (")
                .append(table.model())
                .append("): n = ")
                .append(f.n())
                .append(", events = ")
                .append(f.events());
        if (f.excludedRows() > 0) {
            out.append(", rows left out (missing values) = ").append(f.excludedRows());
        }
        out.append("\n\n");
        List<String> header = new ArrayList<>(List.of("Term", "Estimate", "SE"));
        if (table.robust()) {
            header.add("Robust SE");
        }
        header.addAll(List.of("z", "p", "", table.ratioLabel(), "95% CI"));
        out.append(line(header));
        out.append(line(header.stream()
                .map(h -> h.equals("Term") || h.isEmpty() ? ":---" : "---:")
                .toList()));
        for (RegressionTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(
                    List.of(escape(row.term()), Numbers.signif(row.estimate(), 4), Numbers.signif(row.stdError(), 4)));
            if (table.robust()) {
                cells.add(Numbers.signif(row.robustStdError(), 4));
            }
            cells.addAll(List.of(
                    Numbers.signif(row.z(), 4),
                    Numbers.pValue(row.pValue()),
                    escape(row.stars()),
                    Numbers.signif(row.ratio(), 4),
                    interval(row)));
            out.append(line(cells));
        }
        out.append('\n');
        if (!table.baseline().isEmpty()) {
            out.append(line(List.of("Period", "From", "To", "Log baseline hazard")));
            out.append(line(List.of("---:", "---:", "---:", "---:")));
            table.baseline()
                    .forEach(b -> out.append(line(List.of(
                            Integer.toString(b.period()),
                            Numbers.signif(b.from(), 6),
                            Numbers.signif(b.to(), 6),
                            Numbers.signif(b.logHazard(), 4)))));
            out.append('\n');
        }
        List<String> facts = new ArrayList<>();
        facts.add("log likelihood " + Numbers.signif(f.logLikelihood(), 6) + " (null model "
                + Numbers.signif(f.nullLogLikelihood(), 6) + ")");
        facts.add("AIC " + Numbers.signif(f.aic(), 6));
        test(facts, "likelihood-ratio test", f.likelihoodRatio());
        test(facts, "Wald test", f.wald());
        test(facts, "score test", f.score());
        if (f.concordance() != null) {
            facts.add("concordance " + Numbers.signif(f.concordance(), 3));
        }
        facts.add(
                f.converged()
                        ? "converged in " + f.iterations() + " iterations"
                        : "**not converged** after " + f.iterations() + " iterations");
        out.append(String.join("; ", facts)).append(".\n\n");
        out.append(escape(Stars.LEGEND)).append('\n');
        if (!table.warnings().isEmpty()) {
            out.append('\n');
            table.warnings()
                    .forEach(w -> out.append("- Warning: ").append(escape(w)).append('\n'));
        }
        return out.toString();
    }

    @Override
    public String render(ComparisonTable table) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(""));
        table.specs().forEach(s -> header.add(escape(s)));
        out.append(line(header));
        List<String> align = new ArrayList<>(List.of(":---"));
        table.specs().forEach(s -> align.add(":---:"));
        out.append(line(align));
        for (ComparisonTable.TermRow row : table.rows()) {
            List<String> estimates = new ArrayList<>(List.of(escape(row.term())));
            List<String> errors = new ArrayList<>(List.of(""));
            row.cells().forEach(c -> {
                estimates.add(escape(Cells.estimate(c)));
                errors.add(Cells.stdError(c));
            });
            out.append(line(estimates)).append(line(errors));
        }
        for (ComparisonTable.FooterRow row : table.footer()) {
            List<String> cells = new ArrayList<>(List.of(escape(row.label())));
            for (int i = 0; i < row.values().size(); i++) {
                cells.add(Cells.statistic(row, i));
            }
            out.append(line(cells));
        }
        out.append('\n').append(escape(Cells.NOTE)).append('\n');
        return out.toString();
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    private static void test(List<String> facts, String label, FitResult.TestStatistic test) {
        if (test != null) {
            facts.add(label + " " + Numbers.signif(test.statistic(), 4) + " on " + test.df() + " df (p = "
                    + Numbers.pValue(test.pValue()) + ")");
        }
    }

    private static String interval(RegressionTable.Row row) {
        if (row.confLow() == null || row.confHigh() == null) {
            return Numbers.MISSING;
        }
        return "[" + Numbers.signif(row.confLow(), 4) + ", " + Numbers.signif(row.confHigh(), 4) + "]";
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** Markdown's special characters as literals. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]|<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
