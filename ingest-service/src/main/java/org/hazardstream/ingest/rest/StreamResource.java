package org.hazardstream.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hazardstream.ingest.config.IngestConfig;
import org.hazardstream.ingest.messaging.PublishFailedException;
import org.hazardstream.ingest.service.IngestResult;
import org.hazardstream.ingest.service.IngestService;
import org.hazardstream.ingest.service.RowError;
import org.hazardstream.study.panel.RawStream;

import io.smallrye.common.annotation.Blocking;

/** POST /api/v1/streams/{stream}: the one way data comes into the system (http-api.md). */
@Path("/api/v1/streams/{stream}")
public class StreamResource {

    public record Accepted(String stream, int accepted) {}

    public record Errors(List<RowError> errors) {}

    private final IngestService ingest;
    private final IngestConfig config;

    public StreamResource(IngestService ingest, IngestConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a body of raw records (CSV with header, or JSON array) to a stream")
    @APIResponse(responseCode = "202", description = "every record published")
    @APIResponse(responseCode = "400", description = "some row is invalid; nothing published")
    @APIResponse(responseCode = "401", description = "missing or wrong bearer token; nothing published")
    @APIResponse(responseCode = "404", description = "unknown stream")
    @APIResponse(responseCode = "413", description = "body over quarkus.http.limits.max-body-size")
    public Response post(
            @PathParam("stream") String streamId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) {
        if (!authorized(authorization)) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Map.of("error", "a valid 'Authorization: Bearer <token>' header is required"))
                    .build();
        }
        Optional<RawStream> stream = RawStream.byId(streamId);
        if (stream.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of(
                            "error",
                            "unknown stream '" + streamId + "' (cities, daily, national, provinces, adoptions)"))
                    .build();
        }
        boolean json = contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON);
        try {
            IngestResult result = ingest.ingest(stream.get(), body == null ? "" : body, json);
            if (result instanceof IngestResult.Accepted accepted) {
                return Response.accepted(new Accepted(accepted.stream(), accepted.accepted()))
                        .build();
            }
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new Errors(((IngestResult.Refused) result).errors()))
                    .build();
        } catch (PublishFailedException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of(
                            "error", e.getMessage() + "; retry the post (records are keyed, a retry is harmless)"))
                    .build();
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.apiToken().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected); // constant time: no timing oracle on the token
    }
}
