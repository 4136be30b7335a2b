package org.hazardstream.core.fit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hazardstream.core.data.BadInputException;

/**
 * The options of fit-contract.md from text, keyed by the command line's option names without dashes (model,
 * covariates, id, start, stop, event, event-code, ties, firth, cluster, strata, breaks, period-specific, output).
 * The command line and the model-service's HTTP fit endpoint (query parameters) share it, so both accept and refuse
 * the same things. A bad value or an unknown option is a {@link BadInputException} naming the option.
 */
public final class FitOptionsParser {

    /** Every accepted option name. */
    public static final Set<String> OPTIONS = Set.of(
            "model",
            "covariates",
            "id",
            "start",
            "stop",
            "event",
            "event-code",
            "ties",
            "firth",
            "cluster",
            "strata",
            "breaks",
            "period-specific",
            "output");

    /** How a result is shown: the contract's JSON, or a regression table for people. */
    public enum Output {
        JSON,
        TABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private FitOptionsParser() {}

    public static FitOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new BadInputException("unknown option --" + name + " (options: "
                        + String.join(
                                ", ",
                                OPTIONS.stream().sorted().map(o -> "--" + o).toList()) + ")");
            }
        }
        Model model = Model.fromId(required(options, "model"));
        List<String> covariates = names(options, "covariates", required(options, "covariates"));
        Integer eventCode = eventCode(options.get("event-code"));
        if (model == Model.FINEGRAY && eventCode == null) {
            throw new BadInputException(
                    "option --event-code: finegray needs the code of the event of interest" + " (e.g. --event-code 1)");
        }
        Ties ties = options.get("ties") == null
                ? null
                : Ties.fromId(options.get("ties").trim());
        boolean firth = flag("firth", options.get("firth"));
        if (firth && model != Model.COX && model != Model.LOGIT) {
            throw new BadInputException("option --firth: only for cox and logit, not " + model.id());
        }
        List<Double> breaks = breaks(options.get("breaks"));
        List<String> periodSpecific = options.get("period-specific") == null
                ? List.of()
                : names(options, "period-specific", options.get("period-specific"));
        for (String name : periodSpecific) {
            if (!covariates.contains(name)) {
                throw new BadInputException("option --period-specific: '" + name + "' is not one of --covariates");
            }
        }
        output(options);
        return new FitOptions(
                model,
                covariates,
                column(options, "id"),
                column(options, "start"),
                column(options, "stop"),
                column(options, "event"),
                eventCode,
                ties,
                firth,
                noneOr(column(options, "cluster")),
                noneOr(column(options, "strata")),
                breaks,
                periodSpecific,
                null);
    }

    /** The --output option: json (default) or table. */
    public static Output output(Map<String, String> options) {
        String value = options.get("output");
        if (value == null || value.isBlank()) {
            return Output.JSON;
        }
        return switch (value.trim()) {
            case "json" -> Output.JSON;
            case "table" -> Output.TABLE;
            default -> throw new BadInputException("option --output: '" + value + "' (expected json or table)");
        };
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new BadInputException("option --" + name + " is required");
        }
        return value.trim();
    }

    /** A column name option; null when not given. */
    private static String column(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new BadInputException("option --" + name + ": empty column name");
        }
        return value.trim();
    }

    private static String noneOr(String column) {
        return column == null || column.equals("none") ? null : column;
    }

    private static List<String> names(Map<String, String> options, String name, String value) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String n = part.trim();
            if (n.isEmpty()) {
                throw new BadInputException("option --" + name + ": empty name in '" + value + "'");
            }
            if (!names.add(n)) {
                throw new BadInputException("option --" + name + ": '" + n + "' appears twice");
            }
        }
        return List.copyOf(names);
    }

    private static Integer eventCode(String value) {
        if (value == null || value.isBlank() || value.trim().equals("any")) {
            return null;
        }
        try {
            int code = Integer.parseInt(value.trim());
            if (code > 0) {
                return code;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new BadInputException("option --event-code: '" + value + "' (expected a code > 0 or 'any')");
    }

    private static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim()) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new BadInputException("option --" + name + ": '" + value + "' (expected true or false)");
        };
    }

    private static List<Double> breaks(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Double> breaks = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            double b;
            try {
                b = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("option --breaks: '" + part.trim() + "' is not a number");
            }
            if (!Double.isFinite(b)) {
                throw new BadInputException("option --breaks: '" + part.trim() + "' is not a finite number");
            }
            if (!breaks.isEmpty() && b <= breaks.get(breaks.size() - 1)) {
                throw new BadInputException("option --breaks: must increase, got " + value);
            }
            breaks.add(b);
        }
        return breaks;
    }
}
