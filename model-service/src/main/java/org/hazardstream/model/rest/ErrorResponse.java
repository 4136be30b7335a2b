package org.hazardstream.model.rest;

import java.util.List;

/** The error body of http-api.md: {@code {"errors": [{"message": "..."}]}}. */
public record ErrorResponse(List<Error> errors) {

    public record Error(String message) {}

    public static ErrorResponse of(String message) {
        return new ErrorResponse(List.of(new Error(message)));
    }
}
