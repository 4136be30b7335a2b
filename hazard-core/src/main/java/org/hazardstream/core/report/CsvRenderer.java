package org.hazardstream.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hazardstream.core.fit.FitResult;

/**
 * CSV. One model: a machine-readable table at full precision, coefficient rows (section "coefficient") then model
 * statistics (section "model", value in the estimate column; pce adds log_baseline_hazard_period_K). Several specs: the paper layout, "estimate stars"
 * over "(SE)" per term, then N, events, log likelihood, AIC, concordance.
 */
public final class CsvRenderer implements TableRenderer {

    public static final List<String> COLUMNS = List.of(
            "section",
            "term",
            "estimate",
            "std_error",
            "robust_std_error",
            "z",
            "p_value",
            "exp_estimate",
            "conf_low",
            "conf_high",
            "stars");

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    @Override
    public String render(RegressionTable table) {
        List<List<String>> records = new ArrayList<>();
        records.add(COLUMNS);
        for (RegressionTable.Row r : table.rows()) {
            records.add(List.of(
                    "coefficient",
                    r.term(),
                    Numbers.exact(r.estimate()),
                    Numbers.exact(r.stdError()),
                    Numbers.exact(r.robustStdError()),
                    Numbers.exact(r.z()),
                    Numbers.exact(r.pValue()),
                    Numbers.exact(r.ratio()),
                    Numbers.exact(r.confLow()),
                    Numbers.exact(r.confHigh()),
                    r.stars()));
        }
        RegressionTable.Footer f = table.footer();
        statistic(records, "n", f.n());
        statistic(records, "events", f.events());
        statistic(records, "excluded_rows", f.excludedRows());
        statistic(records, "converged", f.converged() ? 1 : 0);
        statistic(records, "iterations", f.iterations());
        statistic(records, "log_likelihood", f.logLikelihood());
        statistic(records, "null_log_likelihood", f.nullLogLikelihood());
        statistic(records, "aic", f.aic());
        test(records, "lr", f.likelihoodRatio());
        test(records, "wald", f.wald());
        test(records, "score", f.score());
        statistic(records, "concordance", f.concordance());
        for (FitResult.BaselinePiece b : table.baseline()) {
            statistic(records, "log_baseline_hazard_period_" + b.period(), b.logHazard());
        }
        return print(records);
    }

    @Override
    public String render(ComparisonTable table) {
        List<List<String>> records = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("term"));
        header.addAll(table.specs());
        records.add(header);
        for (ComparisonTable.TermRow row : table.rows()) {
            List<String> estimates = new ArrayList<>(List.of(row.term()));
            List<String> errors = new ArrayList<>(List.of(""));
            row.cells().forEach(c -> {
                estimates.add(Cells.estimate(c));
                errors.add(Cells.stdError(c));
            });
            records.add(estimates);
            records.add(errors);
        }
        for (ComparisonTable.FooterRow row : table.footer()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            for (int i = 0; i < row.values().size(); i++) {
                cells.add(Cells.statistic(row, i));
            }
            records.add(cells);
        }
        return print(records);
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    private static void statistic(List<List<String>> records, String name, Number value) {
        List<String> record = new ArrayList<>(List.of("model", name, Numbers.exact(value)));
        while (record.size() < COLUMNS.size()) {
            record.add("");
        }
        records.add(record);
    }

    private static void test(List<List<String>> records, String name, FitResult.TestStatistic test) {
        if (test != null) {
            statistic(records, name + "_statistic", test.statistic());
            statistic(records, name + "_df", test.df());
            statistic(records, name + "_p_value", test.pValue());
        }
    }

    private static String print(List<List<String>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
