package org.hazardstream.core.report;

import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.fit.FitResult;

/** A LaTeX table environment (plain tabular with \hline, no extra packages); text is escaped. */
public final class LatexRenderer implements TableRenderer {

    @Override
    public String render(RegressionTable table) {
        RegressionTable.Footer f = table.footer();
        List<String> header = new ArrayList<>(List.of("Term", "Estimate", "SE"));
        if (table.robust()) {
            header.add("Robust SE");
        }
        header.addAll(List.of("$z$", "$p$", "", escape(table.ratioLabel()), "95\\% CI"));
        int columns = header.size();
        StringBuilder out = begin(
                escape(table.title()) + " (" + escape(table.model()) + ")", "l" + "r".repeat(columns - 4) + "lrc");
        out.append(String.join(" & ", header)).append(" \\\\\n\\hline\n");
        for (RegressionTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(
                    escape(row.term()),
                    number(Numbers.signif(row.estimate(), 4)),
                    number(Numbers.signif(row.stdError(), 4))));
            if (table.robust()) {
                cells.add(number(Numbers.signif(row.robustStdError(), 4)));
            }
            cells.addAll(List.of(
                    number(Numbers.signif(row.z(), 4)),
                    number(Numbers.pValue(row.pValue())),
                    stars(row.stars()),
                    number(Numbers.signif(row.ratio(), 4)),
                    row.confLow() == null || row.confHigh() == null
                            ? "--"
                            : "[" + number(Numbers.signif(row.confLow(), 4)) + ", "
                                    + number(Numbers.signif(row.confHigh(), 4)) + "]"));
            out.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        out.append("\\hline\n");
        List<String> facts = new ArrayList<>();
        facts.add("$n$ = " + f.n() + ", events = " + f.events() + ", log likelihood = "
                + number(Numbers.signif(f.logLikelihood(), 6)) + ", AIC = " + number(Numbers.signif(f.aic(), 6)));
        test(facts, "Likelihood-ratio test", f.likelihoodRatio());
        test(facts, "Wald test", f.wald());
        test(facts, "Score test", f.score());
        table.baseline()
                .forEach(b -> facts.add("Log baseline hazard, period " + b.period() + " ("
                        + Numbers.signif(b.from(), 6) + ", " + Numbers.signif(b.to(), 6) + "]: "
                        + number(Numbers.signif(b.logHazard(), 4))));
        if (f.concordance() != null) {
            facts.add("Concordance = " + Numbers.signif(f.concordance(), 3));
        }
        facts.add(escape(Stars.LEGEND));
        table.warnings().forEach(w -> facts.add("Warning: " + escape(w)));
        for (String fact : facts) {
            out.append("\\multicolumn{")
                    .append(columns)
                    .append("}{l}{")
                    .append(fact)
                    .append("} \\\\\n");
        }
        return end(out);
    }

    @Override
    public String render(ComparisonTable table) {
        int columns = table.specs().size() + 1;
        StringBuilder out = begin("Estimates by specification", "l" + "c".repeat(columns - 1));
        List<String> header = new ArrayList<>(List.of(""));
        table.specs().forEach(s -> header.add(escape(s)));
        out.append(String.join(" & ", header)).append(" \\\\\n\\hline\n");
        for (ComparisonTable.TermRow row : table.rows()) {
            List<String> estimates = new ArrayList<>(List.of(escape(row.term())));
            List<String> errors = new ArrayList<>(List.of(""));
            for (ComparisonTable.Cell cell : row.cells()) {
                estimates.add(
                        cell == null
                                ? ""
                                : number(Numbers.fixed(cell.estimate(), 3))
                                        + (cell.estimate() == null ? "" : stars(cell.stars())));
                errors.add(Cells.stdError(cell));
            }
            out.append(String.join(" & ", estimates)).append(" \\\\\n");
            out.append(String.join(" & ", errors)).append(" \\\\\n");
        }
        out.append("\\hline\n");
        for (ComparisonTable.FooterRow row : table.footer()) {
            List<String> cells = new ArrayList<>(List.of(escape(row.label())));
            for (int i = 0; i < row.values().size(); i++) {
                cells.add(number(Cells.statistic(row, i)));
            }
            out.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        out.append("\\hline\n\\multicolumn{")
                .append(columns)
                .append("}{l}{")
                .append(escape(Cells.NOTE))
                .append("} \\\\\n");
        return end(out);
    }

    @Override
    public String mediaType() {
        return "application/x-latex";
    }

    private static StringBuilder begin(String caption, String columnSpec) {
        return new StringBuilder("\\begin{table}[ht]\n\\centering\n\\caption{")
                .append(caption)
                .append("}\n\\begin{tabular}{")
                .append(columnSpec)
                .append("}\n\\hline\n");
    }

    private static String end(StringBuilder out) {
        return out.append("\\end{tabular}\n\\end{table}\n").toString();
    }

    private static void test(List<String> facts, String label, FitResult.TestStatistic test) {
        if (test != null) {
            facts.add(label + " = " + number(Numbers.signif(test.statistic(), 4)) + " on " + test.df() + " df, $p$ = "
                    + number(Numbers.pValue(test.pValue())));
        }
    }

    private static String stars(String stars) {
        return stars.isEmpty() ? "" : "$^{" + stars + "}$";
    }

    /** A number in math mode (a proper minus sign); "<2e-16" and NA stay text. */
    private static String number(String text) {
        if (text.isEmpty() || text.equals(Numbers.MISSING) || text.startsWith("<")) {
            return text.startsWith("<") ? "$<$" + text.substring(1) : text;
        }
        return "$" + text + "$";
    }

    /** LaTeX's special characters as literals. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
