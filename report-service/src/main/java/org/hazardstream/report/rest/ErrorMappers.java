package org.hazardstream.report.rest;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.report.service.NoSuchResultException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Maps the service's refusals to 404 and 400 with an {@link ApiError} body. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response notFound(NoSuchResultException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }
}
