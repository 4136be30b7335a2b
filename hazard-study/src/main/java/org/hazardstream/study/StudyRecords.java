package org.hazardstream.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.study.StudyDefinition.Stream;
import org.hazardstream.study.panel.FieldError;

/**
 * The latest record of every (stream, key) of one study: the state its panel is a pure function of. Records follow
 * study-contract.md ("Stream kinds"): a later record with the same key replaces the earlier one whole; a record
 * naming a unit that is not in the units stream is refused. Not thread-safe.
 */
public final class StudyRecords {

    private final StudyDefinition study;
    private final TimeAxis axis;
    private final Map<String, NavigableMap<String, Map<String, String>>> byStream = new HashMap<>();
    private final Map<String, StreamRules> rules = new HashMap<>();

    public StudyRecords(StudyDefinition study) {
        this.study = study;
        this.axis = TimeAxis.of(study.time());
        study.streams().forEach(s -> {
            byStream.put(s.name(), new TreeMap<>());
            rules.put(s.name(), new StreamRules(study, s));
        });
    }

    public StudyDefinition study() {
        return study;
    }

    public TimeAxis axis() {
        return axis;
    }

    /**
     * Keeps the record as the latest of its key and returns the one it replaces.
     *
     * @throws BadInputException naming the stream, the record and every problem, when the record breaks a rule
     */
    public Optional<Map<String, String>> apply(String streamName, Map<String, String> fields) {
        Stream stream = stream(streamName);
        List<FieldError> errors = validate(stream, fields);
        if (!errors.isEmpty()) {
            throw new BadInputException(streamName + " record " + fields + ": "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        return Optional.ofNullable(store(stream, fields));
    }

    /** Every problem of one record of a stream, in column order (unknown columns last); empty when it is valid. */
    public List<FieldError> validate(String streamName, Map<String, String> fields) {
        return validate(stream(streamName), fields);
    }

    /** The latest records of a stream, by key (text order). */
    public NavigableMap<String, Map<String, String>> records(String streamName) {
        return Collections.unmodifiableNavigableMap(
                byStream.get(stream(streamName).name()));
    }

    /**
     * Reads a folder holding one {@code <stream>.csv} per stream: the units stream first, so that the others can
     * name only known units, then the rest in declared order. An error names the file, row and column.
     */
    public static StudyRecords readDirectory(StudyDefinition study, Path dir) {
        StudyRecords records = new StudyRecords(study);
        List<Stream> order = new ArrayList<>(study.streams());
        order.sort((a, b) -> Boolean.compare(b.kind() == StreamKind.UNITS, a.kind() == StreamKind.UNITS));
        for (Stream stream : order) {
            records.readFile(stream, dir.resolve(stream.name() + ".csv"));
        }
        return records;
    }

    private void readFile(Stream stream, Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(
                    "missing file " + file + " (stream '" + stream.name() + "' of study '" + study.id() + "')");
        }
        RawCsv.read(file, (row, fields) -> {
            List<FieldError> errors = validate(stream, fields);
            if (!errors.isEmpty()) {
                throw RawCsv.rowError(file, row, errors);
            }
            store(stream, fields);
        });
    }

    private Stream stream(String name) {
        return study.stream(name)
                .orElseThrow(() -> new BadInputException("unknown stream '" + name + "' (study '" + study.id()
                        + "' has "
                        + String.join(
                                ", ", study.streams().stream().map(Stream::name).toList()) + ")"));
    }

    private Map<String, String> store(Stream stream, Map<String, String> fields) {
        Map<String, String> trimmed = new LinkedHashMap<>();
        fields.forEach((k, v) -> trimmed.put(k, StreamRules.normalize(v)));
        return byStream.get(stream.name()).put(key(stream, trimmed), Map.copyOf(trimmed));
    }

    /** The natural key of a valid record; times by their ordinal, so that 1964 and 1964.0 are one key. */
    private String key(Stream stream, Map<String, String> fields) {
        return switch (stream.kind()) {
            case UNITS, EVENTS -> fields.get(study.unit().id());
            case GROUPS -> fields.get(stream.group());
            case UNIT_SERIES -> fields.get(study.unit().id()) + "|" + axis.ordinal(fields.get(stream.time()));
            case GLOBAL_SERIES -> Long.toString(axis.ordinal(fields.get(stream.time())));
            case ADJACENCY -> {
                String a = fields.get(stream.pair().get(0));
                String b = fields.get(stream.pair().get(1));
                yield a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
            }
        };
    }

    private List<FieldError> validate(Stream stream, Map<String, String> fields) {
        List<FieldError> errors = rules.get(stream.name()).validate(fields);
        if (errors.isEmpty()) {
            switch (stream.kind()) {
                case UNIT_SERIES, EVENTS -> knownUnit(study.unit().id(), fields, errors);
                case ADJACENCY -> stream.pair().forEach(column -> knownUnit(column, fields, errors));
                default -> {}
            }
        }
        return errors;
    }

    private void knownUnit(String column, Map<String, String> fields, List<FieldError> errors) {
        String id = StreamRules.normalize(fields.get(column));
        if (!byStream.get(study.unitsStream().name()).containsKey(id)) {
            errors.add(new FieldError(
                    column,
                    "unknown " + study.unit().name() + " '" + id + "' (not in "
                            + study.unitsStream().name() + ")"));
        }
    }
}
