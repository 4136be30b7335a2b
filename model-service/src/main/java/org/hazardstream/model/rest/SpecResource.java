package org.hazardstream.model.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hazardstream.model.service.ModelSpecs;

/** The configured model specs. */
@Path("/api/v1/specs")
@Produces(MediaType.APPLICATION_JSON)
public class SpecResource {

    /** One spec as served: its name and its options, with the command line's option names. */
    public record SpecView(String name, Map<String, String> options) {}

    private final ModelSpecs specs;

    public SpecResource(ModelSpecs specs) {
        this.specs = specs;
    }

    @GET
    @Operation(summary = "The configured model specs, refitted on every complete panel version")
    public List<SpecView> list() {
        return specs.all().stream()
                .map(s -> new SpecView(s.name(), s.options()))
                .toList();
    }
}
