package org.hazardstream.report.rest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.report.TableFormat;
import org.hazardstream.report.service.EstimateService;
import org.hazardstream.report.service.EstimateSummary;
import org.hazardstream.report.service.TermHistoryPoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The estimates of http-api.md. */
@Path("/api/v1/estimates")
public class EstimatesResource {

    private static final String FORMATS = "markdown, latex, csv or text";

    private final EstimateService estimates;

    public EstimatesResource(EstimateService estimates) {
        this.estimates = estimates;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The specs with a result, each with its latest result's time and panel version")
    public List<EstimateSummary> specs() {
        return estimates.specs();
    }

    @GET
    @Path("{spec}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "The latest result of a spec: the fit-contract JSON plus spec, computedAt, lineage and provenance; 404 while there is none")
    public ObjectNode latest(@PathParam("spec") String spec) {
        return estimates.latest(spec);
    }

    @GET
    @Path("{spec}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every stored result's estimate and 95% interval of one term, oldest first, over the results "
                    + "fitted with one option set (the latest result's unless 'options' names another)")
    public List<TermHistoryPoint> history(
            @PathParam("spec") String spec,
            @Parameter(description = "term name, e.g. salience") @QueryParam("term") String term,
            @Parameter(description = "an options fingerprint (provenance.optionsFingerprint)") @QueryParam("options")
                    String options) {
        if (term == null || term.isBlank()) {
            throw new BadInputException("query parameter 'term' is required");
        }
        return estimates.history(spec, term, options == null || options.isBlank() ? null : options);
    }

    @GET
    @Path("{spec}/table")
    @Produces({"text/markdown", "application/x-latex", "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(
            summary =
                    "The regression table of a spec's latest result (format markdown, latex, csv or text; default markdown)")
    public Response table(
            @PathParam("spec") String spec, @QueryParam("format") @DefaultValue("markdown") String format) {
        EstimateService.RenderedTable table = estimates.table(spec, format(format));
        return Response.ok(table.text(), table.mediaType() + ";charset=UTF-8").build();
    }

    @GET
    @Path("table")
    @Produces({"text/markdown", "application/x-latex", "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "Every spec's latest result side by side, like a paper's regression table")
    public Response comparisonTable(@QueryParam("format") @DefaultValue("markdown") String format) {
        EstimateService.RenderedTable table = estimates.comparisonTable(format(format));
        return Response.ok(table.text(), table.mediaType() + ";charset=UTF-8").build();
    }

    private static TableFormat format(String id) {
        try {
            return TableFormat.fromId(id);
        } catch (BadInputException e) {
            throw new BadInputException("unknown format '" + id + "': expected " + FORMATS);
        }
    }
}
