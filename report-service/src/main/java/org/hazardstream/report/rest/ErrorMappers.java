package org.hazardstream.report.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.report.service.NoSuchResultException;
import org.hazardstream.study.DefinitionError;
import org.hazardstream.study.InvalidDefinitionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the service's refusals to 404 and 400 with an {@link ApiError} body; a refused study definition adds every
 * error with its JSON pointer.
 */
public class ErrorMappers {

    /** The body of a refused definition: the one-line message and each error at its pointer. */
    public record DefinitionErrors(String error, List<DefinitionError> errors) {}

    @ServerExceptionMapper
    public Response notFound(NoSuchResultException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new DefinitionErrors(e.getMessage(), e.errors()))
                .build();
    }

    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(message))
                .build();
    }
}
