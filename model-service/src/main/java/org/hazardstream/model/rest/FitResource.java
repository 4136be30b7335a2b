package org.hazardstream.model.rest;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.FitResultJson;
import org.hazardstream.core.fit.HazardModels;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ad-hoc fits: the command line's {@code fit} over HTTP. Query parameters are its options without dashes
 * ({@code ?model=cox&covariates=a,b&cluster=id}), the body is the CSV file. The result is computed at once and not
 * stored. Validation is hazard-core's, so the answers and the errors are the command line's.
 */
@Path("/api/v1/fits")
public class FitResource {

    private static final String SOURCE = "request body";

    private final MeterRegistry registry;

    public FitResource(MeterRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fit one model to an uploaded long-format CSV; answers the fit-contract JSON")
    @RequestBody(description = "counting-process data with a header row")
    public Response fit(String csv, @Context UriInfo uri) {
        // Runs on a worker thread (a blocking signature in Quarkus REST): fits may take a while.
        Map<String, String> query = options(uri);
        FitOptions options = FitOptionsParser.parse(query);
        if (FitOptionsParser.output(query) != FitOptionsParser.Output.JSON) {
            throw new BadInputException("option --output: only json is served over HTTP");
        }
        DataTable data = DataTable.parse(new StringReader(csv == null ? "" : csv), SOURCE);
        FitResult result = HazardModels.fit(data, options);
        registry.counter("model.adhoc.fits", "model", options.model().id(), "outcome", "ok")
                .increment();
        return Response.ok(FitResultJson.write(result), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** The first value of each query parameter; a parameter given without a value ({@code ?firth}) is "". */
    private static Map<String, String> options(UriInfo uri) {
        Map<String, String> options = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            List<String> given = values == null ? List.of() : values;
            if (given.size() > 1) {
                throw new BadInputException("option --" + name + " is given " + given.size() + " times");
            }
            options.put(name, given.isEmpty() || given.get(0) == null ? "" : given.get(0));
        });
        return options;
    }

    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        registry.counter("model.adhoc.fits", "model", "unknown", "outcome", "bad-input")
                .increment();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response notImplemented(UnsupportedOperationException e) {
        return Response.status(Response.Status.NOT_IMPLEMENTED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(e.getMessage()))
                .build();
    }
}
