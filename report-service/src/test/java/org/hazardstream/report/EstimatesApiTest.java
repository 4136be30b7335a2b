package org.hazardstream.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.report.persistence.FitResultRepository;
import org.hazardstream.report.support.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** The estimate endpoints of http-api.md, fed through the real broker. Each test uses its own spec names. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class EstimatesApiTest {

    private static KafkaProducer<String, String> producer;

    @Inject
    FitResultRepository repository;

    @BeforeAll
    static void connect() {
        // Read JSON decimals as doubles (RestAssured's default is float, too coarse to compare at 1e-6).
        RestAssured.config =
                RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        producer = TestEvents.producer(KafkaBrokerTestResource.broker().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static String uniqueSpec(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void publish(FitResultEvent event) {
        TestEvents.send(producer, Topics.FIT_RESULTS, event.spec(), TestEvents.json(event));
    }

    private static void awaitStored(String spec, int results) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                given().queryParam("term", "salience")
                                                        .get("/api/v1/estimates/{spec}/history", spec)
                                                        .then()
                                                        .extract()
                                                        .statusCode()
                                                == 200
                                        ? given().queryParam("term", "salience")
                                                .get("/api/v1/estimates/{spec}/history", spec)
                                                .jsonPath()
                                                .getList("$")
                                                .size()
                                        : 0)
                        .isEqualTo(results));
    }

    private static FitResult cox(double salience, double seSalience) {
        return TestEvents.coxResult(
                3626,
                118,
                List.of(
                        TestEvents.coefficient("salience", salience, seSalience),
                        TestEvents.coefficient("competition", 0.2, 0.05),
                        TestEvents.notEstimable("central_policy")));
    }

    @Test
    void aSpecWithoutResultIs404AndAbsentFromTheList() {
        String spec = uniqueSpec("none");
        given().get("/api/v1/estimates/{spec}", spec).then().statusCode(404).body("error", containsString(spec));
        given().queryParam("term", "salience")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(404);
        given().queryParam("format", "csv")
                .get("/api/v1/estimates/{spec}/table", spec)
                .then()
                .statusCode(404);
        assertThat(given().get("/api/v1/estimates").jsonPath().getList("spec", String.class))
                .doesNotContain(spec);
    }

    @Test
    void theLatestResultIsServedWithTheFitContractFieldsAndLineage() {
        String spec = uniqueSpec("cox");
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        publish(TestEvents.event(spec, 7, t0, LocalDate.parse("2020-03-01"), cox(0.30, 0.10)));
        FitResultEvent newest =
                TestEvents.event(spec, 8, t0.plusSeconds(60), LocalDate.parse("2020-03-02"), cox(0.41, 0.12));
        publish(newest);
        awaitStored(spec, 2);

        JsonPath latest = given().get("/api/v1/estimates/{spec}", spec)
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .extract()
                .jsonPath();
        assertThat(latest.getString("spec")).isEqualTo(spec);
        assertThat(Instant.parse(latest.getString("computedAt"))).isEqualTo(newest.computedAt());
        assertThat(latest.getLong("lineage.panelVersion")).isEqualTo(8);
        assertThat(latest.getInt("lineage.rows")).isEqualTo(3626);
        assertThat(latest.getInt("lineage.events")).isEqualTo(118);
        assertThat(latest.getString("lineage.dataThrough")).isEqualTo("2020-03-02");
        // The fit-contract JSON at the top level.
        assertThat(latest.getString("model")).isEqualTo("cox");
        assertThat(latest.getInt("n")).isEqualTo(3626);
        assertThat(latest.getInt("events")).isEqualTo(118);
        assertThat(latest.getBoolean("converged")).isTrue();
        assertThat(latest.getDouble("logLikelihood")).isEqualTo(-401.25);
        assertThat(latest.getDouble("tests.likelihoodRatio.statistic")).isEqualTo(12.5);
        assertThat(latest.getList("warnings", String.class))
                .singleElement()
                .asString()
                .contains("central_policy");
        Map<String, Object> salience = latest.getMap("coefficients.find { it.term == 'salience' }");
        assertThat(salience).containsEntry("estimate", 0.41);
        assertThat(latest.getMap("coefficients.find { it.term == 'central_policy' }"))
                .containsEntry("estimate", null);
        assertThat(latest.getList("baseline")).isEmpty();

        List<Map<String, Object>> list = given().get("/api/v1/estimates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.spec == '" + spec + "' }");
        assertThat(list).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("panelVersion", 8);
            assertThat(Instant.parse((String) entry.get("computedAt"))).isEqualTo(newest.computedAt());
        });
    }

    @Test
    void historyListsEveryResultOfTheTermOldestFirst() {
        String spec = uniqueSpec("hist");
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        // Published out of order: history follows computedAt, not arrival.
        publish(TestEvents.event(spec, 2, t0.plusSeconds(20), LocalDate.parse("2020-02-20"), cox(0.35, 0.11)));
        publish(TestEvents.event(spec, 1, t0, LocalDate.parse("2020-02-19"), cox(0.30, 0.10)));
        publish(TestEvents.event(spec, 3, t0.plusSeconds(40), LocalDate.parse("2020-02-21"), cox(0.41, 0.12)));
        awaitStored(spec, 3);

        JsonPath history = given().queryParam("term", "salience")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("panelVersion", Long.class)).containsExactly(1L, 2L, 3L);
        assertThat(history.getList("dataThrough", String.class))
                .containsExactly("2020-02-19", "2020-02-20", "2020-02-21");
        assertThat(history.getList("estimate", Double.class)).containsExactly(0.30, 0.35, 0.41);
        List<Double> low = history.getList("confLow", Double.class);
        List<Double> high = history.getList("confHigh", Double.class);
        assertThat(low.get(0))
                .isCloseTo(
                        Math.exp(0.30 - 1.959963984540054 * 0.10),
                        org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(high.get(2))
                .isCloseTo(
                        Math.exp(0.41 + 1.959963984540054 * 0.12),
                        org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(history.getList("computedAt", String.class)).hasSize(3);

        given().queryParam("term", "central_policy")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(200)
                .body("estimate", equalTo(java.util.Arrays.asList(null, null, null)));
        given().queryParam("term", "no_such_term")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(404)
                .body("error", containsString("no_such_term"));
        given().get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(400)
                .body("error", containsString("term"));
    }

    @Test
    void theGoldenFitResultIsStoredAndServedWithItsProvenance() {
        String spec = uniqueSpec("golden");
        String golden =
                GoldenSamples.read(GoldenSamples.FIT_RESULT).replace("\"spec\": \"cox\"", "\"spec\": \"" + spec + "\"");
        FitResultEvent sample = EventJson.read(golden, FitResultEvent.class);
        assertThat(sample.spec()).isEqualTo(spec);
        TestEvents.send(producer, Topics.FIT_RESULTS, spec, golden);
        awaitStored(spec, 1);

        JsonPath latest = given().get("/api/v1/estimates/{spec}", spec)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(latest.getString("eventId")).isEqualTo(sample.eventId());
        assertThat(latest.getString("provenance.study")).isEqualTo("health-code");
        assertThat(latest.getString("provenance.optionsFingerprint"))
                .isEqualTo(sample.provenance().optionsFingerprint());
        assertThat(latest.getString("provenance.engine")).isEqualTo("hazard-core 0.1.0-SNAPSHOT");
        assertThat(latest.getMap("provenance.options")).containsEntry("ties", "efron");
        assertThat(latest.getBoolean("identified")).isTrue();
        assertThat(latest.getDouble("coefficients[0].estimate"))
                .isEqualTo(sample.result().coefficient("salience").estimate());

        // The read model holds the coefficients: the history is their query.
        JsonPath history = given().queryParam("term", "competition")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        FitResult.Coefficient competition = sample.result().coefficient("competition");
        assertThat(history.getList("estimate", Double.class)).containsExactly(competition.estimate());
        assertThat(history.getList("robustStdError", Double.class)).containsExactly(competition.robustStdError());
        assertThat(history.getList("pValue", Double.class)).containsExactly(competition.pValue());
        assertThat(history.getList("confHigh", Double.class)).containsExactly(competition.confHigh());
        assertThat(history.getList("dataThrough", String.class)).containsExactly("2020-03-10");
        assertThat(history.getList("identified", Boolean.class)).containsExactly(true);

        List<Map<String, Object>> list = given().get("/api/v1/estimates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.spec == '" + spec + "' }");
        assertThat(list).singleElement().satisfies(entry -> {
            assertThat(entry)
                    .containsEntry("optionsFingerprint", sample.provenance().optionsFingerprint());
            assertThat(entry).containsEntry("identified", true);
        });
    }

    @Test
    void aHistoryNeverMixesTwoOptionSetsOfASpec() {
        String spec = uniqueSpec("options");
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        Map<String, String> efron = Map.of("model", "cox", "ties", "efron");
        Map<String, String> breslow = Map.of("model", "cox", "ties", "breslow");
        publish(TestEvents.event(spec, 1, t0, LocalDate.parse("2020-02-19"), cox(0.30, 0.10), efron));
        publish(TestEvents.event(spec, 2, t0.plusSeconds(20), LocalDate.parse("2020-02-20"), cox(0.35, 0.11), efron));
        publish(TestEvents.event(
                spec,
                3,
                t0.plusSeconds(40),
                LocalDate.parse("2020-02-21"),
                cox(0.90, 0.12).withIdentification(false, List.of("not identified: 1 event for 3 parameters")),
                breslow));
        // One key, one partition: once the third is served, the first two are stored too.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/estimates/{spec}", spec)
                                        .then()
                                        .extract()
                                        .statusCode()
                                == 200
                        && given().get("/api/v1/estimates/{spec}", spec)
                                        .jsonPath()
                                        .getLong("lineage.panelVersion")
                                == 3);

        // By default the latest result's option set: the spec was reconfigured, so its chart starts again.
        given().queryParam("term", "salience")
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(200)
                .body("panelVersion", equalTo(List.of(3)))
                .body("estimate", equalTo(List.of(0.90)))
                .body("identified", equalTo(List.of(false)));
        given().queryParam("term", "salience")
                .queryParam("options", FitResultEvent.Provenance.fingerprint(efron))
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(200)
                .body("panelVersion", equalTo(List.of(1, 2)))
                .body("estimate", equalTo(List.of(0.30, 0.35)));
        given().queryParam("term", "salience")
                .queryParam("options", "0".repeat(64))
                .get("/api/v1/estimates/{spec}/history", spec)
                .then()
                .statusCode(404)
                .body("error", containsString("no result with options"));
        given().get("/api/v1/estimates/{spec}", spec)
                .then()
                .statusCode(200)
                .body("provenance.optionsFingerprint", equalTo(FitResultEvent.Provenance.fingerprint(breslow)));
    }

    @Test
    void tablesComeInThreeFormatsAndAnUnknownFormatIs400() {
        String spec = uniqueSpec("table");
        publish(TestEvents.event(
                spec, 4, Instant.parse("2026-03-02T10:00:00Z"), LocalDate.parse("2020-03-01"), cox(0.41, 0.12)));
        awaitStored(spec, 1);

        String markdown = given().queryParam("format", "markdown")
                .get("/api/v1/estimates/{spec}/table", spec)
                .then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .extract()
                .asString();
        assertThat(markdown).contains("| salience", "| competition", "3626", "118", "\\*\\*\\*");
        String latex = given().queryParam("format", "latex")
                .get("/api/v1/estimates/{spec}/table", spec)
                .then()
                .statusCode(200)
                .contentType(containsString("latex"))
                .extract()
                .asString();
        assertThat(latex).contains("\\begin{tabular}", "salience", "competition");
        String csv = given().queryParam("format", "csv")
                .get("/api/v1/estimates/{spec}/table", spec)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(csv.lines().filter(l -> l.startsWith("coefficient,salience,0.41,0.12,")))
                .hasSize(1);
        assertThat(csv.lines().filter(l -> l.startsWith("coefficient,central_policy,")))
                .hasSize(1);

        given().queryParam("format", "docx")
                .get("/api/v1/estimates/{spec}/table", spec)
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"))
                .body("error", containsString("docx"));
        given().queryParam("format", "docx")
                .get("/api/v1/estimates/table")
                .then()
                .statusCode(400)
                .body("error", containsString("docx"));
    }

    @Test
    void theSideBySideTableHasAColumnPerSpec() {
        String first = uniqueSpec("side-a");
        String second = uniqueSpec("side-b");
        publish(TestEvents.event(
                first, 5, Instant.parse("2026-03-03T10:00:00Z"), LocalDate.parse("2020-03-01"), cox(0.41, 0.12)));
        publish(TestEvents.event(
                second, 5, Instant.parse("2026-03-03T10:00:01Z"), LocalDate.parse("2020-03-01"), cox(0.21, 0.1)));
        awaitStored(first, 1);
        awaitStored(second, 1);

        String csv = given().queryParam("format", "csv")
                .get("/api/v1/estimates/table")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        String header = csv.lines().findFirst().orElseThrow();
        assertThat(header).contains(first, second);
        assertThat(csv).contains("salience");
        String markdown = given().get("/api/v1/estimates/table")
                .then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .extract()
                .asString();
        assertThat(markdown).contains(first, second, "salience");
        given().queryParam("format", "latex")
                .get("/api/v1/estimates/table")
                .then()
                .statusCode(200)
                .body(containsString(first));
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        String spec = uniqueSpec("dup");
        FitResultEvent event = TestEvents.event(
                spec, 9, Instant.parse("2026-03-04T10:00:00Z"), LocalDate.parse("2020-03-03"), cox(0.41, 0.12));
        publish(event);
        publish(event);
        publish(event);
        FitResultEvent later = TestEvents.event(
                spec, 10, Instant.parse("2026-03-04T10:01:00Z"), LocalDate.parse("2020-03-04"), cox(0.42, 0.12));
        publish(later); // the topic has one partition: when this one is stored, the three copies were processed
        awaitStored(spec, 2);

        assertThat(repository.countByEventId(event.eventId())).isEqualTo(1);
        assertThat(given().queryParam("term", "salience")
                        .get("/api/v1/estimates/{spec}/history", spec)
                        .jsonPath()
                        .getList("eventId", String.class))
                .containsExactly(event.eventId(), later.eventId());
    }

    @Test
    void aMalformedMessageIsSkippedAndTheNextOneStored() {
        String spec = uniqueSpec("poison");
        TestEvents.send(producer, Topics.FIT_RESULTS, spec, "{not json");
        TestEvents.send(producer, Topics.FIT_RESULTS, spec, "{\"spec\":\"" + spec + "\"}");
        publish(TestEvents.event(
                spec, 1, Instant.parse("2026-03-05T10:00:00Z"), LocalDate.parse("2020-03-03"), cox(0.41, 0.12)));
        awaitStored(spec, 1);
        given().get("/q/metrics").then().statusCode(200).body(containsString("report_results_rejected_total"));
    }

    @Test
    void metricsAndHealthReportTheStoredResults() {
        String spec = uniqueSpec("metrics");
        publish(TestEvents.event(
                spec, 31, Instant.parse("2026-03-06T10:00:00Z"), LocalDate.parse("2020-03-03"), cox(0.41, 0.12)));
        awaitStored(spec, 1);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("report_results_stored_total\\{[^}]*spec=\"" + spec + "\"[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("report_latest_panel_version\\{[^}]*spec=\"" + spec + "\"[^}]*} 31\\.0");

        JsonPath health =
                given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        // The Kafka channels' readiness (SmallRye Reactive Messaging) and the datasource's.
        assertThat(health.getMap("checks.find { it.name.contains('Reactive Messaging') }.data"))
                .containsKeys("fit-results", "panel-deltas");
        assertThat(health.getString("checks.find { it.name.contains('Database') }.status"))
                .isEqualTo("UP");
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/estimates/{spec}/history"));
    }
}
