package org.hazardstream.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.report.support.PanelFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** The adoption view built from the panel topic, and the dashboard page's own resources. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DashboardApiTest {

    @BeforeAll
    static void publishPanel() {
        RestAssured.config =
                RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        PanelFixture.publishOnce(KafkaBrokerTestResource.broker().bootstrapServers());
    }

    private static JsonPath adoptionAtVersion2() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().get("/api/v1/dashboard/adoption")
                                .jsonPath()
                                .getLong("panelVersion"))
                        .isEqualTo(2));
        return given().get("/api/v1/dashboard/adoption")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void adoptionsFollowTheLatestCompletePanelVersionIncludingCorrections() {
        JsonPath adoption = adoptionAtVersion2();
        assertThat(adoption.getString("dataThrough")).isEqualTo(PanelFixture.DATA_THROUGH.toString());
        assertThat(adoption.getInt("cities")).isEqualTo(6);
        assertThat(adoption.getList("adoptions.cityId", String.class))
                .containsExactly("320100", "110100", "320200", "110200");
        assertThat(adoption.getList("adoptions.date", String.class))
                .containsExactly("2020-02-03", "2020-02-05", "2020-02-06", "2020-02-10");
        assertThat(adoption.getList("adoptions.modeName", String.class))
                .containsExactly("provincial", "self-built", "self-built", "provincial");
    }

    @Test
    void curvesCountAdoptionsOverallByModeAndByProvince() {
        JsonPath adoption = adoptionAtVersion2();
        List<Map<String, Object>> curves = adoption.getList("curves");
        // 12 days x (all + 2 modes + 2 provinces)
        assertThat(curves).hasSize(12 * 5);
        assertThat(point(curves, "2020-02-01", "all", "all cities")).containsEntry("adopted", 0);
        assertThat(point(curves, "2020-02-06", "all", "all cities"))
                .containsEntry("adopted", 3)
                .containsEntry("atRisk", 6);
        assertThat(point(curves, "2020-02-12", "all", "all cities")).containsEntry("adopted", 4);
        assertThat(point(curves, "2020-02-05", "mode", "self-built")).containsEntry("adopted", 1);
        assertThat(point(curves, "2020-02-12", "mode", "self-built"))
                .containsEntry("adopted", 2)
                .containsEntry("share", 2.0 / 6);
        assertThat(point(curves, "2020-02-12", "mode", "provincial"))
                .containsEntry("adopted", 2)
                .containsEntry("share", 2.0 / 6);
        assertThat(point(curves, "2020-02-06", "province", "320000"))
                .containsEntry("adopted", 2)
                .containsEntry("atRisk", 3)
                .containsEntry("share", 2.0 / 3);
        assertThat(point(curves, "2020-02-09", "province", "110000")).containsEntry("adopted", 1);
    }

    private static Map<String, Object> point(
            List<Map<String, Object>> curves, String date, String group, String series) {
        return curves.stream()
                .filter(p ->
                        date.equals(p.get("date")) && group.equals(p.get("group")) && series.equals(p.get("series")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point " + date + " " + group + " " + series));
    }

    @Test
    void thePageAndTheChartLibrariesAreServedByTheServiceItself() {
        String page = given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(page)
                .contains(
                        "/vendor/vega/build/vega.min.js",
                        "/vendor/vega-lite/build/vega-lite.min.js",
                        "/vendor/vega-embed/build/vega-embed.min.js",
                        "/dashboard.js")
                .doesNotContain("cdn.");
        for (String library : List.of(
                "vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js")) {
            assertThat(given().get("/vendor/" + library)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray()
                            .length)
                    .as(library)
                    .isGreaterThan(30_000);
        }
        given().get("/dashboard.js").then().statusCode(200).body(containsString("vegaEmbed"));
    }
}
