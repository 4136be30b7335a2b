package org.hazardstream.ingest.service;

import java.util.List;
import java.util.Map;

/** A posted body read into numbered rows of column-to-text fields, plus the problems found while reading it. */
public record ParsedBody(List<Row> rows, List<RowError> errors) {

    /** One data row; {@code number} 1 = the first row after the header (or the first array element). */
    public record Row(int number, Map<String, String> fields) {}

    public ParsedBody {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }
}
