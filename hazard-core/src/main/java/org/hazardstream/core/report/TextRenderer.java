package org.hazardstream.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hazardstream.core.fit.FitResult;

/** Plain text laid out like R's summary(coxph): used by {@code hazard-cli fit --output table}. */
public final class TextRenderer implements TableRenderer {

    @Override
    public String render(RegressionTable table) {
        RegressionTable.Footer f = table.footer();
        StringBuilder out = new StringBuilder();
        out.append(table.title())
                .append(table.title().equals(table.model()) ? "" : " (" + table.model() + ")")
                .append('\n');
        out.append("  n= ").append(f.n()).append(", number of events= ").append(f.events());
        if (f.excludedRows() > 0) {
            out.append(", rows left out (missing values)= ").append(f.excludedRows());
        }
        out.append("\n\n");

        Columns coefficients = new Columns();
        List<String> header = new ArrayList<>(List.of("", "coef", "exp(coef)", "se(coef)"));
        if (table.robust()) {
            header.add("robust se");
        }
        header.addAll(List.of("z", "Pr(>|z|)", ""));
        coefficients.add(header.toArray(String[]::new)).leftAlign(header.size() - 1);
        for (RegressionTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(
                    row.term(),
                    Numbers.signif(row.estimate(), 4),
                    Numbers.signif(row.ratio(), 4),
                    Numbers.signif(row.stdError(), 4)));
            if (table.robust()) {
                cells.add(Numbers.signif(row.robustStdError(), 4));
            }
            cells.addAll(List.of(Numbers.signif(row.z(), 4), Numbers.pValue(row.pValue()), row.stars()));
            coefficients.add(cells.toArray(String[]::new));
        }
        out.append(coefficients.render()).append("---\n").append(Stars.LEGEND).append("\n\n");

        Columns intervals = new Columns().add("", "exp(coef)", "exp(-coef)", "lower .95", "upper .95");
        for (RegressionTable.Row row : table.rows()) {
            intervals.add(
                    row.term(),
                    Numbers.signif(row.ratio(), 4),
                    Numbers.signif(row.ratio() == null ? null : 1 / row.ratio(), 4),
                    Numbers.signif(row.confLow(), 4),
                    Numbers.signif(row.confHigh(), 4));
        }
        out.append(intervals.render()).append('\n');

        if (!table.baseline().isEmpty()) {
            Columns baseline = new Columns().add("period", "from", "to", "log hazard");
            table.baseline()
                    .forEach(b -> baseline.add(
                            Integer.toString(b.period()),
                            Numbers.signif(b.from(), 6),
                            Numbers.signif(b.to(), 6),
                            Numbers.signif(b.logHazard(), 4)));
            out.append("Baseline hazard by period:\n").append(baseline.render()).append('\n');
        }
        if (f.concordance() != null) {
            out.append("Concordance= ")
                    .append(Numbers.signif(f.concordance(), 3))
                    .append('\n');
        }
        test(out, "Likelihood ratio test", f.likelihoodRatio());
        test(out, "Wald test            ", f.wald());
        boolean cox = table.model().equals("cox") || table.model().equals("finegray");
        test(out, cox ? "Score (logrank) test " : "Score test           ", f.score());
        out.append("Log likelihood= ")
                .append(Numbers.signif(f.logLikelihood(), 6))
                .append(",  null model= ")
                .append(Numbers.signif(f.nullLogLikelihood(), 6))
                .append(",  AIC= ")
                .append(Numbers.signif(f.aic(), 6))
                .append('\n');
        out.append(
                        f.converged()
                                ? "Converged in " + f.iterations() + " iterations"
                                : "NOT converged after " + f.iterations() + " iterations")
                .append('\n');
        for (String warning : table.warnings()) {
            out.append("Warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    private static void test(StringBuilder out, String label, FitResult.TestStatistic test) {
        if (test != null) {
            out.append(label)
                    .append("= ")
                    .append(Numbers.signif(test.statistic(), 4))
                    .append("  on ")
                    .append(test.df())
                    .append(" df,   p=")
                    .append(Numbers.pValue(test.pValue()))
                    .append('\n');
        }
    }

    @Override
    public String render(ComparisonTable table) {
        // body and footer in one Columns so that the spec columns line up
        Columns all = new Columns();
        List<String> header = new ArrayList<>(List.of(""));
        header.addAll(table.specs());
        all.add(header.toArray(String[]::new));
        for (ComparisonTable.TermRow row : table.rows()) {
            String[] estimates = new String[table.specs().size() + 1];
            String[] errors = new String[table.specs().size() + 1];
            estimates[0] = row.term();
            errors[0] = "";
            for (int i = 0; i < row.cells().size(); i++) {
                estimates[i + 1] = Cells.estimate(row.cells().get(i));
                errors[i + 1] = Cells.stdError(row.cells().get(i));
            }
            all.add(estimates).add(errors);
        }
        for (ComparisonTable.FooterRow row : table.footer()) {
            String[] cells = new String[row.values().size() + 1];
            cells[0] = row.label();
            for (int i = 0; i < row.values().size(); i++) {
                cells[i + 1] = Cells.statistic(row, i);
            }
            all.add(cells);
        }
        String[] lines = all.render().split("\n");
        String rule =
                "-".repeat(Arrays.stream(lines).mapToInt(String::length).max().orElse(0));
        int bodyEnd = 1 + 2 * table.rows().size();
        StringBuilder out = new StringBuilder();
        out.append(rule).append('\n').append(lines[0]).append('\n').append(rule).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (i == bodyEnd) {
                out.append(rule).append('\n');
            }
            out.append(lines[i]).append('\n');
        }
        out.append(rule).append('\n').append(Cells.NOTE).append('\n');
        return out.toString();
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }
}
