package org.hazardstream.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.study.StudyDefinition.Column;
import org.hazardstream.study.StudyDefinition.Covariate;
import org.hazardstream.study.StudyDefinition.Spec;
import org.hazardstream.study.StudyDefinition.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Reads study definitions and refuses invalid ones whole (study-contract.md, "Definitions are documents with
 * versions"): first against the published JSON Schema ({@link #SCHEMA_RESOURCE}), then the rules that span parts
 * (a covariate naming a known stream and column, a spec naming known covariates, times that match the axis). Every
 * error names its JSON pointer.
 */
public final class StudyDefinitions {

    /** The JSON Schema of a definition, on the class path. */
    public static final String SCHEMA_RESOURCE = "/org/hazardstream/study/study-definition.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_TEXT = readSchema();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SCHEMA_TEXT, InputFormat.JSON);

    private StudyDefinitions() {}

    /** The schema document, as published at the HTTP endpoint. */
    public static String schemaText() {
        return SCHEMA_TEXT;
    }

    private static String readSchema() {
        try (InputStream in = StudyDefinitions.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The definition at a location: a file when one exists there, else a class-path resource (how the services
     * find the bundled studies, copied into their jars as {@code studies/<id>/study.json}).
     */
    public static StudyDefinition load(String location) {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
                (loader == null ? StudyDefinitions.class.getClassLoader() : loader).getResourceAsStream(location)) {
            if (in == null) {
                throw new BadInputException("no study definition at " + location + " (neither a file nor a resource)");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), location);
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot read the study definition: " + e.getMessage(), e);
        }
    }

    public static StudyDefinition read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the study definition: " + e.getMessage(), e);
        }
    }

    /**
     * The definition a JSON document writes.
     *
     * @param source what to call the document in errors (a file name, "request body")
     * @throws InvalidDefinitionException listing every problem, each with its JSON pointer
     */
    public static StudyDefinition parse(String json, String source) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(
                    source,
                    List.of(new DefinitionError(
                            "",
                            "not JSON: " + e.getOriginalMessage() + " (line "
                                    + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")")));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidDefinitionException(source, List.of(new DefinitionError("", "must be a JSON object")));
        }
        List<DefinitionError> errors = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree)) {
            errors.add(new DefinitionError(error.getInstanceLocation().toString(), error.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(source, errors);
        }
        StudyDefinition definition = JSON.convertValue(tree, StudyDefinition.class);
        new Checks(definition, errors).run();
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(source, errors);
        }
        return definition;
    }

    /** The definition as a JSON document (the form it is stored and served in). */
    public static String toJson(StudyDefinition definition) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the definition's canonical JSON: two definitions with one fingerprint are the same study. */
    public static String fingerprint(StudyDefinition definition) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(toJson(definition).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The rules that span parts of a definition; each error is added with its pointer. */
    private static final class Checks {
        private final StudyDefinition d;
        private final List<DefinitionError> errors;
        private final Map<String, Integer> streamIndex = new HashMap<>();

        Checks(StudyDefinition definition, List<DefinitionError> errors) {
            this.d = definition;
            this.errors = errors;
        }

        void run() {
            streams();
            if (!errors.isEmpty()) {
                return; // the other parts name streams and their columns
            }
            time();
            outcome();
            covariates();
            specs();
            hypotheses();
        }

        private void error(String pointer, String message) {
            errors.add(new DefinitionError(pointer, message));
        }

        private void streams() {
            Map<StreamKind, Integer> singles = new HashMap<>();
            for (int i = 0; i < d.streams().size(); i++) {
                Stream s = d.streams().get(i);
                String at = "/streams/" + i;
                if (streamIndex.putIfAbsent(s.name(), i) != null) {
                    error(at + "/name", "a second stream named '" + s.name() + "'");
                }
                Set<String> names = new HashSet<>();
                for (int c = 0; c < s.columns().size(); c++) {
                    if (!names.add(s.columns().get(c).name())) {
                        error(
                                at + "/columns/" + c + "/name",
                                "a second column named '" + s.columns().get(c).name() + "'");
                    }
                }
                if ((s.kind() == StreamKind.UNITS || s.kind() == StreamKind.EVENTS)
                        && singles.putIfAbsent(s.kind(), i) != null) {
                    error(
                            at + "/kind",
                            "a study has one " + s.kind().id() + " stream; /streams/" + singles.get(s.kind())
                                    + " is one already");
                }
                switch (s.kind()) {
                    case UNITS -> {
                        keyColumn(s, at, d.unit().id(), ColumnType.TEXT);
                        d.unit().groups().forEach(g -> keyColumn(s, at, g, ColumnType.TEXT));
                        if (d.unit().label() != null) {
                            column(s, at, d.unit().label(), "/unit/label");
                        }
                    }
                    case GROUPS -> {
                        if (!d.unit().groups().contains(s.group())) {
                            error(
                                    at + "/group",
                                    "'" + s.group() + "' is not a group column of the unit ("
                                            + String.join(", ", d.unit().groups()) + ")");
                        }
                        keyColumn(s, at, s.group(), ColumnType.TEXT);
                    }
                    case UNIT_SERIES -> {
                        keyColumn(s, at, d.unit().id(), ColumnType.TEXT);
                        keyColumn(s, at, s.time(), timeType());
                    }
                    case GLOBAL_SERIES -> keyColumn(s, at, s.time(), timeType());
                    case ADJACENCY -> {
                        s.pair().forEach(p -> keyColumn(s, at, p, ColumnType.TEXT));
                        if (s.pair().get(0).equals(s.pair().get(1))) {
                            error(at + "/pair", "the two unit columns of a pair must differ");
                        }
                        if (s.connected() != null) {
                            column(s, at, s.connected(), at + "/connected");
                        }
                    }
                    case EVENTS -> {
                        keyColumn(s, at, d.unit().id(), ColumnType.TEXT);
                        Column time = column(s, at, s.time(), at + "/time");
                        if (time != null && time.type() != timeType()) {
                            error(
                                    at + "/time",
                                    "column '" + s.time() + "' must be of type "
                                            + timeType().id() + " on a "
                                            + d.time().unit().id() + " axis");
                        }
                        if (s.mode() != null) {
                            column(s, at, s.mode(), at + "/mode");
                        }
                    }
                }
            }
            if (!singles.containsKey(StreamKind.UNITS)) {
                error("/streams", "a study needs a units stream");
            }
        }

        /** A key column: present, required, of the given type. */
        private void keyColumn(Stream s, String at, String name, ColumnType type) {
            Column column = s.column(name).orElse(null);
            if (column == null) {
                error(at + "/columns", "stream '" + s.name() + "' needs its key column '" + name + "'");
            } else if (column.type() != type) {
                error(
                        at + "/columns/" + s.columns().indexOf(column) + "/type",
                        "key column '" + name + "' must be of type " + type.id());
            } else if (!column.required()) {
                error(
                        at + "/columns/" + s.columns().indexOf(column) + "/required",
                        "key column '" + name + "' must be required");
            }
        }

        private Column column(Stream s, String at, String name, String pointer) {
            Column column = s.column(name).orElse(null);
            if (column == null) {
                error(pointer, "stream '" + s.name() + "' (" + at + ") has no column '" + name + "'");
            }
            return column;
        }

        private ColumnType timeType() {
            return d.time().unit() == TimeUnit.DAY ? ColumnType.DATE : ColumnType.YEAR;
        }

        private void time() {
            TimeAxis probe = new TimeAxis(d.time().unit(), 0, 0, d.time().lag());
            Long start = probe.ordinal(d.time().startText());
            Long end = probe.ordinal(d.time().endText());
            String expected = d.time().unit() == TimeUnit.DAY ? "a date (YYYY-MM-DD)" : "a year";
            if (start == null) {
                error(
                        "/time/start",
                        "'" + d.time().startText() + "' is not " + expected + " (the axis is "
                                + d.time().unit().id() + ")");
            }
            if (end == null) {
                error(
                        "/time/end",
                        "'" + d.time().endText() + "' is not " + expected + " (the axis is "
                                + d.time().unit().id() + ")");
            }
            if (start != null && end != null && end < start) {
                error(
                        "/time/end",
                        "the end " + d.time().endText() + " is before the start "
                                + d.time().startText());
            }
            if (d.time().clock() != null) {
                Stream clock = d.stream(d.time().clock()).orElse(null);
                if (clock == null
                        || (clock.kind() != StreamKind.UNIT_SERIES && clock.kind() != StreamKind.GLOBAL_SERIES)) {
                    error("/time/clock", "'" + d.time().clock() + "' is not a unit-series or global-series stream");
                }
            }
        }

        private void outcome() {
            Stream events = d.stream(d.outcome().stream()).orElse(null);
            if (events == null || events.kind() != StreamKind.EVENTS) {
                error("/outcome/stream", "'" + d.outcome().stream() + "' is not an events stream");
                return;
            }
            for (int i = 0; i < d.outcome().modes().size(); i++) {
                if (d.outcome().modes().get(i).code() != i + 1) {
                    error("/outcome/modes/" + i + "/code", "modes are numbered 1..K in order: expected " + (i + 1));
                }
            }
            if (events.mode() == null && d.outcome().modes().size() > 1) {
                error(
                        "/streams/" + streamIndex.get(events.name()) + "/mode",
                        "a study with several modes needs the events stream's mode column");
            }
        }

        private void covariates() {
            Set<String> reserved = new HashSet<>(List.of("day", "period", "date", "year", "start", "stop", "event"));
            reserved.add(d.unit().id());
            reserved.addAll(d.unit().groups());
            Map<String, Integer> defined = new LinkedHashMap<>();
            for (int k = 0; k < d.covariates().size(); k++) {
                Covariate c = d.covariates().get(k);
                String at = "/covariates/" + k;
                if (reserved.contains(c.name())) {
                    error(at + "/name", "'" + c.name() + "' is a panel column; a covariate needs another name");
                } else if (defined.containsKey(c.name())) {
                    error(
                            at + "/name",
                            "a second covariate named '" + c.name() + "' (the first is /covariates/"
                                    + defined.get(c.name()) + ")");
                }
                covariate(c, at, defined);
                defined.putIfAbsent(c.name(), k);
            }
        }

        private void covariate(Covariate c, String at, Map<String, Integer> defined) {
            switch (c.kind()) {
                case ATTRIBUTE -> numericColumn(d.unitsStream(), c.column(), at + "/column");
                case GROUP_ATTRIBUTE, GROUP_REACHED -> {
                    if (!d.unit().groups().contains(c.group())) {
                        error(at + "/group", "'" + c.group() + "' is not a group column of the unit");
                        return;
                    }
                    Stream groups = d.streams().stream()
                            .filter(s ->
                                    s.kind() == StreamKind.GROUPS && s.group().equals(c.group()))
                            .findFirst()
                            .orElse(null);
                    if (groups == null) {
                        error(at + "/group", "no groups stream describes '" + c.group() + "'");
                    } else if (c.kind() == CovariateKind.GROUP_ATTRIBUTE) {
                        numericColumn(groups, c.column(), at + "/column");
                    } else {
                        Column column = groups.column(c.column()).orElse(null);
                        if (column == null || column.type() != timeType()) {
                            error(
                                    at + "/column",
                                    "stream '" + groups.name() + "' has no "
                                            + timeType().id() + " column '" + c.column() + "'");
                        }
                    }
                }
                case SERIES, GLOBAL -> {
                    StreamKind kind =
                            c.kind() == CovariateKind.SERIES ? StreamKind.UNIT_SERIES : StreamKind.GLOBAL_SERIES;
                    Stream stream = d.stream(c.stream()).orElse(null);
                    if (stream == null || stream.kind() != kind) {
                        error(at + "/stream", "'" + c.stream() + "' is not a " + kind.id() + " stream");
                    } else {
                        numericColumn(stream, c.column(), at + "/column");
                    }
                }
                case PEERS_ADOPTED -> {
                    if (!d.unit().groups().contains(c.group())) {
                        error(at + "/group", "'" + c.group() + "' is not a group column of the unit");
                    }
                    mode(c, at);
                }
                case NEIGHBOURS_ADOPTED -> {
                    if (d.streamOfKind(StreamKind.ADJACENCY).isEmpty()) {
                        error(at + "/kind", "neighbours adopted needs an adjacency stream");
                    }
                    mode(c, at);
                }
                case EXPRESSION -> {
                    Map<String, Integer> columns = new HashMap<>();
                    defined.keySet().forEach(name -> columns.put(name, columns.size()));
                    try {
                        Formula.compile(c.formula(), columns);
                    } catch (Formula.FormulaException e) {
                        error(at + "/formula", e.getMessage());
                    }
                }
            }
        }

        private void mode(Covariate c, String at) {
            if (c.mode() != null && c.mode() > d.outcome().modes().size()) {
                error(
                        at + "/mode",
                        "mode " + c.mode() + " is not one of the outcome's modes (1.."
                                + d.outcome().modes().size() + ")");
            }
        }

        private void numericColumn(Stream s, String name, String pointer) {
            Column column = s.column(name).orElse(null);
            if (column == null) {
                error(pointer, "stream '" + s.name() + "' has no column '" + name + "'");
            } else if (!column.type().isNumeric()) {
                error(
                        pointer,
                        "column '" + name + "' of stream '" + s.name() + "' is "
                                + column.type().id() + ", not a number");
            }
        }

        private void specs() {
            Set<String> names = new HashSet<>();
            Set<String> columns = new HashSet<>(d.covariateNames());
            columns.addAll(List.of(d.time().unit().periodColumn(), "start", "stop"));
            Set<String> idColumns = new HashSet<>(d.unit().groups());
            idColumns.add(d.unit().id());
            idColumns.addAll(d.covariateNames());
            for (int i = 0; i < d.specs().size(); i++) {
                Spec spec = d.specs().get(i);
                String at = "/specs/" + i;
                if (!names.add(spec.name())) {
                    error(at + "/name", "a second spec named '" + spec.name() + "'");
                }
                Map<String, String> options = StudySpecs.optionText(spec, d);
                try {
                    FitOptionsParser.parse(options);
                } catch (BadInputException e) {
                    error(at + "/options", e.getMessage());
                    continue;
                }
                for (String option : List.of("covariates", "period-specific")) {
                    if (options.containsKey(option)) {
                        for (String name : options.get(option).split(",")) {
                            if (!columns.contains(name.trim())) {
                                error(
                                        at + "/options/" + option,
                                        "'" + name.trim() + "' is not a numeric panel column" + " (covariates: "
                                                + String.join(", ", d.covariateNames()) + ")");
                            }
                        }
                    }
                }
                for (String option : List.of("id", "cluster", "strata")) {
                    String column = options.get(option);
                    if (column != null && !column.equals("none") && !idColumns.contains(column)) {
                        error(at + "/options/" + option, "'" + column + "' is not a panel column");
                    }
                }
                String code = options.get("event-code");
                if (code != null
                        && !code.equals("any")
                        && !(code.matches("[0-9]+")
                                && Integer.parseInt(code) >= 1
                                && Integer.parseInt(code) <= d.outcome().modes().size())) {
                    error(
                            at + "/options/event-code",
                            "'" + code + "' is not one of the outcome's modes (1.."
                                    + d.outcome().modes().size() + ")");
                }
            }
        }

        private void hypotheses() {
            Set<String> specs = new HashSet<>(d.specs().stream().map(Spec::name).toList());
            for (int i = 0; i < d.hypotheses().size(); i++) {
                StudyDefinition.Hypothesis h = d.hypotheses().get(i);
                for (int j = 0; j < h.terms().size(); j++) {
                    if (!d.covariateNames().contains(h.terms().get(j))) {
                        error(
                                "/hypotheses/" + i + "/terms/" + j,
                                "'" + h.terms().get(j) + "' is not a covariate");
                    }
                }
                for (int j = 0; j < h.specs().size(); j++) {
                    if (!specs.contains(h.specs().get(j))) {
                        error(
                                "/hypotheses/" + i + "/specs/" + j,
                                "'" + h.specs().get(j) + "' is not a spec");
                    }
                }
            }
        }
    }
}
