package org.hazardstream.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.FitResultJson;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** POST /api/v1/fits: the command line's fit over HTTP. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class FitResourceTest {

    // Computed in the test methods, not in static initialisers: Quarkus loads test classes twice (JUnit's class
    // loader, then the application's), and hazard-core classes must only be loaded by the latter.
    private static String covariates() {
        return String.join(",", PanelRow.COVARIATES);
    }

    private static String panelCsv() {
        return PanelTopic.demoPanel(LocalDate.of(2020, 3, 31)).toCsv();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cox", "logit", "pce", "finegray"})
    void fitsTheUploadedCsvAsTheLibraryDoes(String model) {
        String csv = panelCsv();
        String body = given().contentType("text/csv")
                .body(csv)
                .queryParam("model", model)
                .queryParam("covariates", covariates())
                .queryParam("id", "city_id")
                .queryParam("cluster", "city_id")
                .queryParams(modelOptions(model))
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();

        FitResult served = FitResultJson.read(body);
        FitResult expected = HazardModels.fit(
                DataTable.parse(new StringReader(csv), "panel"), FitOptionsParser.parse(options(model)));
        assertThat(served.model()).isEqualTo(model);
        PanelRefitTest.assertSameEstimates(served, expected, 1e-12);
        assertThat(served.coefficients()).allSatisfy(c -> {
            if (c.estimate() != null) {
                assertThat(c.robustStdError()).as(c.term()).isNotNull();
            }
        });
    }

    /** The options a model needs beyond covariates, id and cluster (as the standard specs use them). */
    private static Map<String, String> modelOptions(String model) {
        return switch (model) {
            case "pce" -> Map.of("breaks", "28", "period-specific", "salience,competition");
            case "logit" -> Map.of("breaks", "28");
            case "finegray" -> Map.of("event-code", "1");
            default -> Map.of();
        };
    }

    private static Map<String, String> options(String model) {
        Map<String, String> options = new java.util.HashMap<>(modelOptions(model));
        options.putAll(Map.of("model", model, "covariates", covariates(), "id", "city_id", "cluster", "city_id"));
        return options;
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingRowAndColumn() {
        String csv = "id,start,stop,event,x\n1,0,1,0,0.5\n2,0,1,1,abc\n";
        given().contentType("text/csv")
                .body(csv)
                .queryParam("model", "logit")
                .queryParam("covariates", "x")
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString("row 2"))
                .body("errors[0].message", containsString("'x'"));
    }

    @Test
    void aMissingColumnIsRefusedNamingIt() {
        String csv = "id,start,stop,event,x\n1,0,1,0,0.5\n2,0,1,1,1.5\n";
        given().contentType("text/csv")
                .body(csv)
                .queryParam("model", "logit")
                .queryParam("covariates", "x,nosuch")
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("nosuch"));
    }

    @Test
    void anUnknownOptionIsRefusedNamingIt() {
        given().contentType("text/csv")
                .body(panelCsv())
                .queryParam("model", "cox")
                .queryParam("covariates", "salience")
                .queryParam("colour", "red")
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString("--colour"));
    }

    @Test
    void aMissingModelIsRefused() {
        given().contentType("text/csv")
                .body(panelCsv())
                .queryParam("covariates", "salience")
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("--model"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        given().contentType("text/csv")
                .body("")
                .queryParam("model", "cox")
                .queryParam("covariates", "salience")
                .when()
                .post("/api/v1/fits")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("request body"));
    }
}
