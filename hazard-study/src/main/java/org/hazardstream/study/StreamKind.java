package org.hazardstream.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of input stream of study-contract.md ("Stream kinds"). */
public enum StreamKind {
    UNITS("units"),
    GROUPS("groups"),
    UNIT_SERIES("unit-series"),
    GLOBAL_SERIES("global-series"),
    ADJACENCY("adjacency"),
    EVENTS("events");

    private final String id;

    StreamKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
