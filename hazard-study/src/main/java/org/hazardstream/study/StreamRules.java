package org.hazardstream.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hazardstream.core.data.IsoDate;
import org.hazardstream.core.data.PlainDecimal;
import org.hazardstream.study.StudyDefinition.Column;
import org.hazardstream.study.StudyDefinition.Stream;
import org.hazardstream.study.panel.FieldError;

/**
 * The rules one record of a stream must obey by itself (study-contract.md, "Stream kinds"): every declared column
 * present and no other, required fields non-empty, each value of its column's type and bounds, an event with both
 * time and mode or neither, an edge between two different units. Whether a record names a known unit depends on
 * what arrived before it, so the caller checks that. An empty (or, after trimming, blank) field is a missing value.
 */
public final class StreamRules {

    private final StudyDefinition study;
    private final Stream stream;
    private final String columnList;

    public StreamRules(StudyDefinition study, Stream stream) {
        this.study = study;
        this.stream = stream;
        this.columnList =
                String.join(", ", stream.columns().stream().map(Column::name).toList());
    }

    public Stream stream() {
        return stream;
    }

    /** Every problem of one record, in column order (unknown columns last); empty when it is valid. */
    public List<FieldError> validate(Map<String, String> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (Column column : stream.columns()) {
            if (!fields.containsKey(column.name())) {
                errors.add(new FieldError(
                        column.name(), "missing column (" + stream.name() + " needs " + columnList + ")"));
                continue;
            }
            String problem = check(column, normalize(fields.get(column.name())));
            if (problem != null) {
                errors.add(new FieldError(column.name(), problem));
            }
        }
        if (errors.isEmpty()) {
            kindRules(fields, errors);
        }
        for (String name : fields.keySet()) {
            if (stream.column(name).isEmpty()) {
                errors.add(new FieldError(name, "unknown column (" + stream.name() + " has " + columnList + ")"));
            }
        }
        return errors;
    }

    private void kindRules(Map<String, String> fields, List<FieldError> errors) {
        if (stream.kind() == StreamKind.EVENTS) {
            boolean hasTime = !normalize(fields.get(stream.time())).isEmpty();
            boolean hasMode = stream.mode() == null
                    ? hasTime
                    : !normalize(fields.get(stream.mode())).isEmpty();
            boolean oneMode = study.outcome().modes().size() == 1;
            if (hasTime != hasMode && !(oneMode && hasTime)) {
                errors.add(new FieldError(
                        hasTime ? stream.mode() : stream.time(),
                        "an event needs both " + stream.time() + " and " + stream.mode()
                                + " (both empty withdraws an event)"));
            }
        } else if (stream.kind() == StreamKind.ADJACENCY) {
            String a = normalize(fields.get(stream.pair().get(0)));
            if (a.equals(normalize(fields.get(stream.pair().get(1))))) {
                errors.add(new FieldError(stream.pair().get(1), "an edge from unit '" + a + "' to itself"));
            }
        }
    }

    /** The type rule of a column; null when the (trimmed) value is acceptable. */
    private String check(Column column, String value) {
        if (value.isEmpty()) {
            return column.required() ? "missing value (a key field is required)" : null;
        }
        switch (column.type()) {
            case TEXT:
                return null;
            case DATE:
                return IsoDate.parse(value) != null ? null : "'" + value + "' is not a date (YYYY-MM-DD)";
            default:
                break;
        }
        Double number = PlainDecimal.parse(value);
        if (number == null) {
            return "'" + value + "' is not a " + (column.type() == ColumnType.YEAR ? "year" : "number");
        }
        double v = number;
        if (column.type() != ColumnType.NUMBER && v != Math.rint(v)) {
            return "'" + value + "' is not a " + (column.type() == ColumnType.YEAR ? "year" : "whole number");
        }
        if (column.type() == ColumnType.CODE && !column.codes().contains((int) v)) {
            return unknownCode(column, value);
        }
        if (column.minimum() != null && v < column.minimum()) {
            return "'" + value + "' is below the minimum " + PlainDecimal.format(column.minimum());
        }
        if (column.maximum() != null && v > column.maximum()) {
            return "'" + value + "' is above the maximum " + PlainDecimal.format(column.maximum());
        }
        return null;
    }

    /** The mode column of the events names the outcome's modes; other code columns list their codes. */
    private String unknownCode(Column column, String value) {
        if (stream.kind() == StreamKind.EVENTS && column.name().equals(stream.mode())) {
            return "unknown mode '" + value + "' ("
                    + study.outcome().modes().stream()
                            .map(m -> m.code() + " = " + m.label())
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        return "unknown code '" + value + "' in " + column.name() + " (codes: "
                + column.codes().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    static String normalize(String value) {
        return value == null ? "" : value.trim();
    }
}
