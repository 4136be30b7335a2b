package org.hazardstream.study.panel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One raw input row of a stream, as text fields by column name. Values are trimmed; null becomes the empty
 * string, and an empty field is a missing value. The record is not validated here (a dead-letter queue must be
 * able to carry an invalid one): {@link #validate()} says what is wrong, {@link RawData#apply} refuses it.
 */
public record RawRecord(RawStream stream, Map<String, String> fields) {

    public RawRecord {
        Objects.requireNonNull(stream, "stream");
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((column, value) -> copy.put(column, RawStream.normalize(value)));
        fields = Collections.unmodifiableMap(copy);
    }

    /** The natural key within the stream, e.g. "110000|2020-02-03" for daily. */
    public String key() {
        return stream.key(fields);
    }

    /** The field's trimmed text; empty when missing. */
    public String get(String column) {
        String v = fields.get(column);
        return v == null ? "" : v;
    }

    public boolean isMissing(String column) {
        return get(column).isEmpty();
    }

    public List<FieldError> validate() {
        return stream.validate(fields);
    }
}
