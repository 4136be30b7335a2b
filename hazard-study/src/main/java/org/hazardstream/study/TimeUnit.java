package org.hazardstream.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** A study's time axis: one period a day (times are ISO dates) or one a year (times are integers). */
public enum TimeUnit {
    DAY("day", "day", "date"),
    YEAR("year", "period", "year");

    private final String id;
    private final String periodColumn;
    private final String timeColumn;

    TimeUnit(String id, String periodColumn, String timeColumn) {
        this.id = id;
        this.periodColumn = periodColumn;
        this.timeColumn = timeColumn;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The panel's period index column: {@code day} on a day axis, {@code period} on a year axis. */
    public String periodColumn() {
        return periodColumn;
    }

    /** The panel's time column: {@code date} or {@code year}. */
    public String timeColumn() {
        return timeColumn;
    }
}
