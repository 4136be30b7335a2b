package org.hazardstream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.IsoDate;
import org.hazardstream.study.CsvText;
import org.hazardstream.study.StudyDefinition;
import org.hazardstream.study.StudyDefinitions;
import org.hazardstream.study.StudyPanel;
import org.hazardstream.study.StudyPanelBuilder;
import org.hazardstream.study.StudyRecords;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panel --raw DIR [--start] [--end] [--lag] [--through] --out FILE}: the observed city-day panel of
 * panel-contract.md; with {@code --study FILE}, the observed panel of any study definition (study-contract.md),
 * from one {@code <stream>.csv} per stream of the definition.
 */
@Command(
        name = "panel",
        mixinStandardHelpOptions = true,
        description = {
            "Build the observed panel from the raw streams.",
            "Without --study: the health-code city-day panel from cities, daily, national, provinces and adoptions.",
            "With --study: the panel of that study definition, from one <stream>.csv per stream it declares."
        })
final class PanelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--raw",
            required = true,
            paramLabel = "DIR",
            description = "folder with cities.csv, daily.csv, national.csv, provinces.csv, adoptions.csv"
                    + " (with --study: the study's streams)")
    Path raw;

    @Option(
            names = "--study",
            paramLabel = "FILE",
            description = "a study definition (JSON, study-contract.md); its time axis replaces --start, --end, --lag")
    Path study;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2020-02-01", description = "window start (day 1)")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", defaultValue = "2020-03-31", description = "window end (day T)")
    LocalDate end;

    @Option(names = "--lag", paramLabel = "DAYS", defaultValue = "3", description = "covariate lag in days")
    int lag;

    @Option(
            names = "--through",
            paramLabel = "TIME",
            description = "observe the data only through this date (a year on a study's year axis): rows end there,"
                    + " later adoptions are not events yet")
    String through;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the panel CSV; - for stdout")
    String out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(raw)) {
            throw new BadInputException("option --raw: not a folder: " + raw);
        }
        if (study != null) {
            return studyPanel();
        }
        LocalDate throughDate = null;
        if (through != null) {
            throughDate = IsoDate.parse(through.trim());
            if (throughDate == null) {
                throw new BadInputException("option --through: '" + through + "' is not a date (YYYY-MM-DD)");
            }
        }
        PanelSettings settings = new PanelSettings(start, end, lag, throughDate);
        long begin = System.nanoTime();
        RawData data = RawData.readDirectory(raw);
        Panel panel = new PanelBuilder().build(data, settings);
        double millis = (System.nanoTime() - begin) / 1e6;
        Path file = writeOut(panel::writeCsv);
        if (file == null) {
            return 0;
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: %d rows, %d cities, %d events, %d cities excluded (adopted before %s),"
                                + " data through %s; read and built in %.0f ms%n",
                        file,
                        panel.rows().size(),
                        panel.cities(),
                        panel.events(),
                        panel.excludedCities().size(),
                        start,
                        PanelBuilder.dataThrough(data, settings),
                        millis);
        return 0;
    }

    private Integer studyPanel() {
        for (String axisOption : List.of("--start", "--end", "--lag")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(axisOption)) {
                throw new BadInputException("option " + axisOption + ": a study's time axis comes from its definition"
                        + " (" + study + ", /time)");
            }
        }
        long begin = System.nanoTime();
        StudyDefinition definition = StudyDefinitions.read(study);
        StudyPanel panel = StudyPanelBuilder.build(StudyRecords.readDirectory(definition, raw), through);
        double millis = (System.nanoTime() - begin) / 1e6;
        Path file = writeOut(panel::writeCsv);
        if (file == null) {
            return 0;
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: study %s, %d rows, %d units (%s), %d events, %d units excluded (event"
                                + " before %s), data through %s; read and built in %.0f ms%n",
                        file,
                        definition.id(),
                        panel.rows().size(),
                        panel.units(),
                        definition.unit().name(),
                        panel.events(),
                        panel.excludedUnits().size(),
                        definition.time().startText(),
                        panel.dataThrough(),
                        millis);
        return 0;
    }

    /** Writes the panel to --out, or to the command's output for "-" (then null; else the file). */
    private Path writeOut(CsvText.Writing csv) {
        if (out.equals("-")) {
            write(spec.commandLine().getOut(), csv);
            return null;
        }
        Path file = Path.of(out);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.to(writer);
        } catch (IOException e) {
            throw new BadInputException("option --out: cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Writes a panel to the command's output (kept open). */
    private static void write(Writer writer, CsvText.Writing csv) {
        try {
            csv.to(writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
