package org.hazardstream.report.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hazardstream.events.EventJson;
import org.hazardstream.report.service.NoSuchResultException;
import org.hazardstream.report.service.StudyCatalog;
import org.hazardstream.report.service.StudySummary;
import org.hazardstream.study.StudyDefinition;
import org.hazardstream.study.StudyDefinitions;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The studies of study-contract.md: the known definitions, what the system does with each, and the definition's
 * JSON Schema with a check of a draft against it (and against the rules that span parts).
 */
@Path("/api/v1")
public class StudiesResource {

    private final StudyCatalog catalog;

    public StudiesResource(StudyCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("studies")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Every known study: its unit, time axis, specs, definition version and fingerprint, and "
                            + "whether it is live (data streaming in, estimates served) or offline (bundled for the command line)")
    public List<StudySummary> studies() {
        return catalog.all().stream().map(StudySummary::of).toList();
    }

    @GET
    @Path("studies/{study}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One study: its summary and its whole definition; 404 for an unknown study")
    public ObjectNode study(@PathParam("study") String id) {
        StudyCatalog.Entry entry =
                catalog.byId(id).orElseThrow(() -> new NoSuchResultException("no study '" + id + "'"));
        ObjectNode view = EventJson.mapper().valueToTree(StudySummary.of(entry));
        view.set("definition", EventJson.mapper().valueToTree(entry.definition()));
        return view;
    }

    @GET
    @Path("schemas/study-definition")
    @Produces({"application/schema+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The JSON Schema of a study definition (draft 2020-12)")
    public String schema() {
        return StudyDefinitions.schemaText();
    }

    @POST
    @Path("schemas/study-definition/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Checks a draft definition against the schema and the rules that span parts: 200 with its id "
                    + "and fingerprint, or 400 with every error at its JSON pointer")
    public ValidDefinition validate(String body) {
        StudyDefinition definition = StudyDefinitions.parse(body, "request body");
        return new ValidDefinition(
                definition.id(),
                StudyDefinitions.fingerprint(definition),
                definition.covariateNames(),
                definition.specs().stream().map(StudyDefinition.Spec::name).toList());
    }

    /** A definition that passed every check. */
    public record ValidDefinition(String id, String fingerprint, List<String> covariates, List<String> specs) {}
}
