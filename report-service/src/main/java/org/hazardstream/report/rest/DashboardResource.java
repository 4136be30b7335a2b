package org.hazardstream.report.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hazardstream.report.service.AdoptionCurves;
import org.hazardstream.report.service.AdoptionView;
import org.hazardstream.report.service.DashboardUpdates;
import org.hazardstream.report.service.EstimateService;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;

/** The data behind the dashboard page at {@code /}. */
@Path("/api/v1/dashboard")
public class DashboardResource {

    private final EstimateService estimates;
    private final AdoptionView adoption;
    private final DashboardUpdates updates;

    public DashboardResource(EstimateService estimates, AdoptionView adoption, DashboardUpdates updates) {
        this.estimates = estimates;
        this.adoption = adoption;
        this.updates = updates;
    }

    @GET
    @Path("latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest result of every spec (each as GET /api/v1/estimates/{spec}), standard specs first")
    public List<ObjectNode> latest() {
        return estimates.latestOfEverySpec();
    }

    @GET
    @Path("adoption")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Adoptions and cumulative adoption curves (all cities, by mode, by province) of the latest complete panel version")
    public AdoptionCurves adoption() {
        return adoption.current();
    }

    @GET
    @Path("updates")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: one per stored result and per completed panel version")
    public Multi<DashboardUpdates.Update> updates() {
        return updates.stream();
    }
}
