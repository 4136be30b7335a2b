package org.hazardstream.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a stream column: numbers, whole numbers, text, ISO dates, years, or codes from a list. */
public enum ColumnType {
    NUMBER("number"),
    INTEGER("integer"),
    TEXT("text"),
    DATE("date"),
    YEAR("year"),
    CODE("code");

    private final String id;

    ColumnType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the column holds numbers (and may be read by a series, attribute or global covariate). */
    public boolean isNumeric() {
        return this == NUMBER || this == INTEGER || this == CODE;
    }

    /** Whether the column holds times (dates or years). */
    public boolean isTime() {
        return this == DATE || this == YEAR;
    }
}
