package org.hazardstream.panel.rest;

import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hazardstream.panel.service.PanelProcessor;
import org.hazardstream.panel.service.PanelSnapshot;

/** The current panel and its status (http-api.md). */
@Path("/api/v1/panel")
public class PanelResource {

    /**
     * Status of the current panel version.
     *
     * @param recordsApplied raw records applied since the panel began, beyond http-api.md's fields: a client that
     *                       counts what it posted knows from it when its records are in the panel
     */
    public record PanelStatus(
            long panelVersion, int rows, int cities, int events, LocalDate dataThrough, long recordsApplied) {}

    private final PanelProcessor processor;

    public PanelResource(PanelProcessor processor) {
        this.processor = processor;
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "The current panel as CSV, in the row and column order of panel-contract.md")
    public String panel() {
        return processor.snapshot().panel().toCsv();
    }

    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Version, size and data-through date of the current panel")
    public PanelStatus status() {
        PanelSnapshot snapshot = processor.snapshot();
        return new PanelStatus(
                snapshot.version(),
                snapshot.rows(),
                snapshot.cities(),
                snapshot.events(),
                snapshot.dataThrough(),
                snapshot.recordsApplied());
    }
}
