package org.hazardstream.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** How adopters among peers or neighbours are counted: their number, or their share. */
public enum Measure {
    COUNT("count"),
    SHARE("share");

    private final String id;

    Measure(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
