package org.hazardstream.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Definitions are refused whole, each error naming its JSON pointer (study-contract.md). */
class StudyDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBundledDefinitionIsValidAndReadsBackTheSame() {
        for (var file : new java.nio.file.Path[] {Studies.HEALTH_CODE, Studies.STAY_AT_HOME, Studies.STATE_LOTTERIES}) {
            StudyDefinition definition = StudyDefinitions.read(file);
            assertThat(StudyDefinitions.parse(StudyDefinitions.toJson(definition), "round trip"))
                    .as(file.toString())
                    .isEqualTo(definition);
        }
        assertThat(StudyDefinitions.read(Studies.STATE_LOTTERIES).time().unit()).isEqualTo(TimeUnit.YEAR);
    }

    @Test
    void theSchemaIsPublishedAsJsonSchema() throws IOException {
        JsonNode schema = JSON.readTree(StudyDefinitions.schemaText());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void notJsonIsRefusedWithItsPosition() {
        InvalidDefinitionException e = refused("{\"id\": ");
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.pointer()).isEmpty();
            assertThat(err.message()).contains("not JSON").contains("line 1");
        });
    }

    @Test
    void schemaErrorsNameTheirPointer() {
        assertRefusedAt(d -> d.put("id", "Health Code"), "/id", "pattern");
        assertRefusedAt(d -> d.remove("unit"), "", "unit");
        assertRefusedAt(d -> covariate(d, 2).put("kind", "lagged"), "/covariates/2/kind", "");
        assertRefusedAt(d -> covariate(d, 14).remove("group"), "/covariates/14", "group");
        assertRefusedAt(d -> ((ObjectNode) d.get("time")).put("lag", -1), "/time/lag", "");
        assertRefusedAt(d -> column(d, 0, 8).remove("codes"), "/streams/0/columns/8", "codes");
        assertRefusedAt(d -> d.put("colour", "red"), "", "colour");
    }

    @Test
    void aCovariateNamedLikeAPanelColumnOrAnotherCovariateIsRefusedAtItsName() {
        assertRefusedAt(d -> covariate(d, 3).put("name", "event"), "/covariates/3/name", "panel column");
        assertRefusedAt(d -> covariate(d, 3).put("name", "province_id"), "/covariates/3/name", "panel column");
        assertRefusedAt(d -> covariate(d, 3).put("name", "population"), "/covariates/3/name", "a second covariate");
    }

    @Test
    void partsThatDoNotFitTogetherAreRefusedAtTheirPointer() {
        assertRefusedAt(d -> covariate(d, 0).put("column", "area"), "/covariates/0/column", "no column 'area'");
        assertRefusedAt(d -> covariate(d, 0).put("column", "city_name"), "/covariates/0/column", "not a number");
        assertRefusedAt(
                d -> covariate(d, 8).put("stream", "national"), "/covariates/8/stream", "not a unit-series stream");
        assertRefusedAt(d -> covariate(d, 14).put("group", "country"), "/covariates/14/group", "not a group column");
        assertRefusedAt(d -> covariate(d, 14).put("mode", 3), "/covariates/14/mode", "not one of the outcome's modes");
        assertRefusedAt(d -> covariate(d, 15).put("column", "province_id"), "/covariates/15/column", "no date column");
        assertRefusedAt(
                d -> ((ObjectNode) d.get("time")).put("clock", "cities"),
                "/time/clock",
                "not a unit-series or global-series stream");
        assertRefusedAt(d -> ((ObjectNode) d.get("time")).put("start", 2020), "/time/start", "not a date");
        assertRefusedAt(d -> ((ObjectNode) d.get("time")).put("end", "2020-01-01"), "/time/end", "before the start");
        assertRefusedAt(
                d -> ((ObjectNode) d.get("outcome")).put("stream", "daily"), "/outcome/stream", "not an events stream");
        assertRefusedAt(
                d -> ((ObjectNode) d.withArray("/outcome/modes").get(1)).put("code", 3),
                "/outcome/modes/1/code",
                "1..K");
        assertRefusedAt(d -> column(d, 4, 1).put("type", "year"), "/streams/4/time", "must be of type date");
        assertRefusedAt(
                d -> column(d, 0, 0).put("required", false), "/streams/0/columns/0/required", "must be required");
        assertRefusedAt(
                d -> ((ObjectNode) d.withArray("/streams").get(1)).put("name", "cities"),
                "/streams/1/name",
                "a second stream");
    }

    @Test
    void aFormulaNamingAnUnknownOrLaterCovariateOrFunctionIsRefusedAtTheFormula() {
        assertRefusedAt(
                d -> covariates(d).add(expression("ratio", "cumulative_cases / area")),
                "/covariates/16/formula",
                "'area' at character 20 is not a covariate defined before this one");
        assertRefusedAt(
                d -> covariates(d).insert(0, expression("ratio", "cumulative_cases / population")),
                "/covariates/0/formula",
                "'cumulative_cases' at character 1");
        assertRefusedAt(
                d -> covariates(d).add(expression("ratio", "log10(population)")),
                "/covariates/16/formula",
                "unknown function log10()");
        assertRefusedAt(
                d -> covariates(d).add(expression("ratio", "population ^ 2")),
                "/covariates/16/formula",
                "syntax error at character 12");
    }

    @Test
    void aSpecNamingAnUnknownCovariateOrABadOptionIsRefusedAtTheOption() {
        assertRefusedAt(
                d -> options(d, 0).putArray("covariates").add("population").add("area"),
                "/specs/0/options/covariates",
                "'area' is not a numeric panel column");
        assertRefusedAt(d -> options(d, 0).put("ties", "average"), "/specs/0/options", "ties");
        assertRefusedAt(
                d -> options(d, 0).put("cluster", "prefecture"), "/specs/0/options/cluster", "not a panel column");
        assertRefusedAt(
                d -> options(d, 2).put("event-code", 3),
                "/specs/2/options/event-code",
                "not one of the outcome's modes");
        assertRefusedAt(d -> options(d, 0).put("output", "table"), "/specs/0/options", "'output'");
        assertRefusedAt(
                d -> ((ArrayNode) d.withArray("/hypotheses").get(0).withArray("/specs")).add("probit"),
                "/hypotheses/0/specs/2",
                "not a spec");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        InvalidDefinitionException e = refused(mutated(d -> {
            covariate(d, 0).put("column", "area");
            options(d, 0).put("cluster", "prefecture");
        }));
        assertThat(e.errors())
                .extracting(DefinitionError::pointer)
                .containsExactly("/covariates/0/column", "/specs/0/options/cluster");
        assertThat(e.getMessage()).contains("/covariates/0/column: ").contains("/specs/0/options/cluster: ");
    }

    private static void assertRefusedAt(Consumer<ObjectNode> change, String pointer, String message) {
        InvalidDefinitionException e = refused(mutated(change));
        assertThat(e.errors()).as(e.getMessage()).anySatisfy(err -> {
            assertThat(err.pointer()).isEqualTo(pointer);
            assertThat(err.message()).contains(message);
        });
    }

    private static InvalidDefinitionException refused(String json) {
        InvalidDefinitionException e = catchThrowableOfType(
                InvalidDefinitionException.class, () -> StudyDefinitions.parse(json, "test definition"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).startsWith("test definition: invalid study definition: ");
        return e;
    }

    private static String mutated(Consumer<ObjectNode> change) {
        try {
            ObjectNode definition = (ObjectNode) JSON.readTree(Files.readString(Studies.HEALTH_CODE));
            change.accept(definition);
            return JSON.writeValueAsString(definition);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ArrayNode covariates(ObjectNode d) {
        return (ArrayNode) d.get("covariates");
    }

    private static ObjectNode covariate(ObjectNode d, int k) {
        return (ObjectNode) covariates(d).get(k);
    }

    private static ObjectNode column(ObjectNode d, int stream, int column) {
        return (ObjectNode) d.get("streams").get(stream).get("columns").get(column);
    }

    private static ObjectNode options(ObjectNode d, int spec) {
        return (ObjectNode) d.get("specs").get(spec).get("options");
    }

    private static ObjectNode expression(String name, String formula) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("kind", "expression")
                .put("formula", formula);
    }
}
