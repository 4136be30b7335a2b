package org.hazardstream.study.panel;

/**
 * One problem with one field of a raw record: the column it concerns and a message a user can act on.
 * The ingest-service adds the row number when it reports it.
 */
public record FieldError(String column, String message) {

    @Override
    public String toString() {
        return "column '" + column + "': " + message;
    }
}
