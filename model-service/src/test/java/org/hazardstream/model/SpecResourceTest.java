package org.hazardstream.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The configured specs, health and API document. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class SpecResourceTest {

    @Test
    void listsTheSevenStandardSpecsWithTheirOptions() {
        String all = String.join(",", PanelRow.COVARIATES);
        given().get("/api/v1/specs")
                .then()
                .statusCode(200)
                .body("name", contains("cox", "cs-provincial", "cs-self", "fg-provincial", "fg-self", "logit", "pce"))
                .body("find { it.name == 'cox' }.options.model", equalTo("cox"))
                .body("find { it.name == 'cox' }.options.covariates", equalTo(all))
                .body("find { it.name == 'cox' }.options.cluster", equalTo("city_id"))
                .body("find { it.name == 'cox' }.options.ties", equalTo("efron"))
                .body("find { it.name == 'pce' }.options.breaks", equalTo("28"))
                .body(
                        "find { it.name == 'pce' }.options.'period-specific'",
                        equalTo(String.join(
                                ",",
                                List.of(
                                        "salience",
                                        "intra_city_travel",
                                        "inbound_migration",
                                        "cumulative_cases",
                                        "media_reports",
                                        "central_policy",
                                        "competition",
                                        "provincial_platform"))))
                .body("find { it.name == 'cs-provincial' }.options.'event-code'", equalTo("2"))
                .body("find { it.name == 'fg-self' }.options.model", equalTo("finegray"))
                .body("find { it.name == 'fg-self' }.options.'event-code'", equalTo("1"))
                .body("find { it.name == 'logit' }.options.breaks", equalTo("28"));
    }

    @Test
    void answersHealthAndServesItsApiDocument() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'model refits' }.data.specs", equalTo(7))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/fits"));
    }
}
