package org.hazardstream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.panel.Panel;
import org.hazardstream.core.panel.PanelBuilder;
import org.hazardstream.core.panel.PanelSettings;
import org.hazardstream.core.panel.RawData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code panel --raw DIR [--start] [--end] [--lag] [--through] --out FILE}: the observed city-day panel of
 * panel-contract.md.
 */
@Command(name = "panel", mixinStandardHelpOptions = true,
        description = "Build the city-day panel from the raw streams (cities, daily, national, provinces, adoptions).")
final class PanelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--raw", required = true, paramLabel = "DIR",
            description = "folder with cities.csv, daily.csv, national.csv, provinces.csv, adoptions.csv")
    Path raw;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2020-02-01", description = "window start (day 1)")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", defaultValue = "2020-03-31", description = "window end (day T)")
    LocalDate end;

    @Option(names = "--lag", paramLabel = "DAYS", defaultValue = "3", description = "covariate lag in days")
    int lag;

    @Option(names = "--through", paramLabel = "DATE",
            description = "observe the data only through this date (rows end there; later adoptions are not events yet)")
    LocalDate through;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the panel CSV; - for stdout")
    String out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(raw)) {
            throw new BadInputException("option --raw: not a folder: " + raw);
        }
        PanelSettings settings = new PanelSettings(start, end, lag, through);
        long begin = System.nanoTime();
        RawData data = RawData.readDirectory(raw);
        Panel panel = new PanelBuilder().build(data, settings);
        double millis = (System.nanoTime() - begin) / 1e6;
        if (out.equals("-")) {
            writeTo(panel, spec.commandLine().getOut());
            return 0;
        }
        Path file = Path.of(out);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            panel.writeCsv(writer);
        } catch (IOException e) {
            throw new BadInputException("option --out: cannot write " + file + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("%s: %d rows, %d cities, %d events, %d cities excluded (adopted before %s),"
                        + " data through %s; read and built in %.0f ms%n", file, panel.rows().size(), panel.cities(),
                panel.events(), panel.excludedCities().size(), start, PanelBuilder.dataThrough(data, settings), millis);
        return 0;
    }

    private static void writeTo(Panel panel, Writer writer) {
        try {
            panel.writeCsv(writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
