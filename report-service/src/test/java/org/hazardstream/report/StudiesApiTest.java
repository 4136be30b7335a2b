package org.hazardstream.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The studies endpoints: the bundled definitions, their schema, and the check of a draft definition. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StudiesApiTest {

    @Test
    void theBundledStudiesAreListedWithWhatTheSystemDoesWithEach() {
        given().get("/api/v1/studies")
                .then()
                .statusCode(200)
                .body("id", contains("health-code", "stay-at-home", "state-lotteries"))
                .body("status", contains("live", "offline", "offline"))
                .body("[2].timeUnit", equalTo("year"))
                .body("[2].start", equalTo("1964"))
                .body("[1].groups", contains("region"))
                .body("[0].specs", hasSize(7))
                .body("[0].fingerprint", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void aStudyIsServedWithItsWholeDefinition() {
        given().get("/api/v1/studies/stay-at-home")
                .then()
                .statusCode(200)
                .body("id", equalTo("stay-at-home"))
                .body("definition.covariates.name", hasItem("log_cases"))
                .body(
                        "definition.covariates.find { it.name == 'log_cases' }.formula",
                        equalTo("log1p(confirmed_cases / population * 100000)"));
        given().get("/api/v1/studies/measles").then().statusCode(404).body("error", containsString("measles"));
    }

    @Test
    void everyEndpointAlsoAnswersUnderTheLiveStudy() {
        String unscoped = given().get("/api/v1/estimates")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        given().get("/api/v1/studies/health-code/estimates")
                .then()
                .statusCode(200)
                .body(equalTo(unscoped));
        given().get("/api/v1/studies/health-code/estimates/no-such-spec")
                .then()
                .statusCode(404)
                .body("error", containsString("no-such-spec"));
        given().get("/api/v1/studies/stay-at-home/estimates")
                .then()
                .statusCode(404)
                .body("error", containsString("study 'stay-at-home' does not stream here"));
        given().get("/api/v1/studies/health-code").then().statusCode(200).body("status", equalTo("live"));
    }

    @Test
    void theSchemaIsPublished() {
        given().get("/api/v1/schemas/study-definition")
                .then()
                .statusCode(200)
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("required", hasItem("covariates"));
    }

    @Test
    void aDraftIsCheckedAndEveryErrorNamesItsPointer() throws IOException {
        String draft = bundled("studies/stay-at-home/study.json");
        given().contentType("application/json")
                .body(draft)
                .post("/api/v1/schemas/study-definition/validation")
                .then()
                .statusCode(200)
                .body("id", equalTo("stay-at-home"))
                .body("specs", contains("cox", "cox-cluster", "logit"));

        String broken = draft.replace(
                        "\"stream\": \"daily\", \"column\": \"confirmed_cases\"",
                        "\"stream\": \"daly\", \"column\": \"confirmed_cases\"")
                .replace("\"lag\": 1", "\"lag\": 1.5");
        given().contentType("application/json")
                .body(broken)
                .post("/api/v1/schemas/study-definition/validation")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/time/lag"))
                .body("error", containsString("invalid study definition"));

        String unknownStream = draft.replace(
                "\"stream\": \"daily\", \"column\": \"confirmed_cases\"",
                "\"stream\": \"daly\", \"column\": \"confirmed_cases\"");
        given().contentType("application/json")
                .body(unknownStream)
                .post("/api/v1/schemas/study-definition/validation")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/covariates/1/stream"))
                .body("errors[0].message", equalTo("'daly' is not a unit-series stream"));
    }

    private static String bundled(String resource) throws IOException {
        try (InputStream in = StudiesApiTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
