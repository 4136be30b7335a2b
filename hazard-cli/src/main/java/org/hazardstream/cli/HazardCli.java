package org.hazardstream.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.hazardstream.core.Engine;
import org.hazardstream.core.data.BadInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the contracts: {@code fit} (fit-contract.md) and {@code panel} (panel-contract.md).
 * Bad input of any kind ends with a non-zero exit code and exactly one line on stderr.
 */
@Command(
        name = "hazard-cli",
        mixinStandardHelpOptions = true,
        versionProvider = HazardCli.EngineVersion.class,
        description = "Event-history (hazard) models of policy diffusion, as R's survival package fits them.",
        subcommands = {FitCommand.class, PanelCommand.class})
public final class HazardCli implements Runnable {

    /** {@code --version}: the engine version that fit results name in their provenance. */
    static final class EngineVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hazard-cli (" + Engine.VERSION + ")"};
        }
    }

    /** Exit code of a usage error (unknown option, missing argument), as picocli's default. */
    public static final int USAGE_ERROR = 2;
    /** Exit code of bad input data or option values. */
    public static final int BAD_INPUT = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with the given streams and returns its exit code (0 = success). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new HazardCli())
                .registerConverter(LocalDate.class, HazardCli::date)
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, arguments) -> {
                    errWriter.println(oneLine(e.getMessage()));
                    return USAGE_ERROR;
                })
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    if (e instanceof BadInputException) {
                        errWriter.println(oneLine(e.getMessage()));
                    } else {
                        errWriter.println(oneLine("internal error: " + e));
                    }
                    return BAD_INPUT;
                });
        int code = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** "hazard-cli: " and the message, folded into one line. */
    static String oneLine(String message) {
        String text = message == null ? "error" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return "hazard-cli: " + text;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: fit or panel (see hazard-cli --help)");
    }
}
