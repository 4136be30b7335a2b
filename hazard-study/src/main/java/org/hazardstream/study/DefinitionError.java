package org.hazardstream.study;

/** One problem of a study definition: where it is (a JSON pointer, "" for the whole document) and what is wrong. */
public record DefinitionError(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
