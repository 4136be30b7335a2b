package org.hazardstream.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.FitResultJson;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.report.RegressionTable;
import org.hazardstream.core.report.TextRenderer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fit --data FILE.csv --model MODEL [options]}: one model on one long-format data set (fit-contract.md).
 * Option values are checked by {@link FitOptionsParser}, the same parser the model-service's HTTP endpoint uses.
 */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Fit one model to a counting-process (long) CSV file; JSON (or a table) on stdout.")
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "the long-format data")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "cox, pce, logit or finegray")
    String model;

    @Option(names = "--covariates", required = true, paramLabel = "a,b,c", description = "covariate columns, in order")
    String covariates;

    @Option(names = "--id", paramLabel = "COL", description = "subject id column (default: id)")
    String id;

    @Option(names = "--start", paramLabel = "COL", description = "interval start column (default: start)")
    String start;

    @Option(names = "--stop", paramLabel = "COL", description = "interval stop column (default: stop)")
    String stop;

    @Option(names = "--event", paramLabel = "COL", description = "event code column (default: event)")
    String event;

    @Option(names = "--event-code", paramLabel = "K", description = "the event code that counts, or any (default)")
    String eventCode;

    @Option(names = "--ties", paramLabel = "TIES", description = "efron (default), breslow or exact")
    String ties;

    @Option(names = "--firth", description = "Firth's penalised likelihood (cox, logit)")
    boolean firth;

    @Option(names = "--cluster", paramLabel = "COL", description = "robust SE clustered on COL; none (default)")
    String cluster;

    @Option(names = "--strata", paramLabel = "COL", description = "stratified baseline (cox)")
    String strata;

    @Option(names = "--breaks", paramLabel = "28,45", description = "period boundaries (pce, logit)")
    String breaks;

    @Option(names = "--period-specific", paramLabel = "a,b", description = "pce: one coefficient per period")
    String periodSpecific;

    @Option(names = "--output", paramLabel = "FORMAT", description = "json (default) or table")
    String output;

    @Override
    public Integer call() {
        Map<String, String> options = options();
        FitOptions fitOptions = FitOptionsParser.parse(options);
        FitOptionsParser.Output format = FitOptionsParser.output(options);
        DataTable table = DataTable.read(data);
        FitResult result = HazardModels.fit(table, fitOptions);
        String text = format == FitOptionsParser.Output.TABLE
                ? new TextRenderer().render(RegressionTable.of(result))
                : FitResultJson.writePretty(result);
        spec.commandLine().getOut().println(text.stripTrailing());
        return 0;
    }

    /** The given options, by name without dashes, as {@link FitOptionsParser} takes them. */
    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, "model", model);
        put(options, "covariates", covariates);
        put(options, "id", id);
        put(options, "start", start);
        put(options, "stop", stop);
        put(options, "event", event);
        put(options, "event-code", eventCode);
        put(options, "ties", ties);
        put(options, "firth", firth ? "true" : null);
        put(options, "cluster", cluster);
        put(options, "strata", strata);
        put(options, "breaks", breaks);
        put(options, "period-specific", periodSpecific);
        put(options, "output", output);
        return options;
    }

    private static void put(Map<String, String> options, String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
