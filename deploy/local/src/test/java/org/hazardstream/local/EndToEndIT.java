package org.hazardstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.hazardstream.core.panel.Panel;
import org.hazardstream.core.panel.PanelBuilder;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.core.panel.PanelSettings;
import org.hazardstream.core.panel.RawData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The walking skeleton, end to end: the four packaged services on a real Kafka broker and a real PostgreSQL.
 * The demo data go in through ingest's HTTP API; the Cox estimate comes back out of report-service, and must be
 * the estimate hazard-core computes offline on the panel built from the same files.
 */
class EndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("hazard.repo.root", "../..")).toAbsolutePath().normalize();
    private static final String TOKEN = "e2e-token";
    private static LocalSystem system;

    @BeforeAll
    static void startSystem() {
        Map<String, Integer> anyPorts = new LinkedHashMap<>();
        LocalSystem.Settings.contractPorts().keySet().forEach(name -> anyPorts.put(name, 0));
        system = new LocalSystem(new LocalSystem.Settings(REPO, Path.of("target", "e2e-run"), 0, TOKEN, anyPorts));
        system.start(line -> System.out.println("[e2e] " + line));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void demoDataPostedToIngestComeBackAsTheOfflineCoxEstimate() throws Exception {
        Path demoDir = REPO.resolve("deploy/local/demo");
        DemoData demo = DemoData.read(demoDir);
        IngestClient ingest = new IngestClient(system.service("ingest-service").baseUrl(), TOKEN);
        ingest.post("cities", demo.cities().header(), demo.cities().rows());
        ingest.post("provinces", demo.provinces().header(), demo.provinces().rows());
        ingest.post("national", demo.national().header(), demo.national().rows());
        ingest.post("daily", demo.daily().header(), demo.daily().rows());
        ingest.post("adoptions", demo.adoptions().header(), demo.adoptions().rows());

        Panel offline = new PanelBuilder().build(RawData.readDirectory(demoDir), PanelSettings.study());
        String panelUrl = system.service("panel-service").baseUrl();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(JsonGet.get(panelUrl + "/api/v1/panel/status").map(s -> s.path("rows").asInt()))
                        .contains(offline.rows().size()));

        FitOptions cox = new FitOptions(Model.COX, PanelRow.COVARIATES, "city_id", null, null, null, null, null,
                false, "city_id", null, null, null, null);
        FitResult expected = HazardModels.fit(offline.toDataTable(), cox);

        String reportUrl = system.service("report-service").baseUrl();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Optional<JsonNode> latest = JsonGet.get(reportUrl + "/api/v1/estimates/cox");
            assertThat(latest).isPresent();
            assertThat(latest.get().path("lineage").path("rows").asInt()).isEqualTo(offline.rows().size());
        });
        JsonNode served = JsonGet.get(reportUrl + "/api/v1/estimates/cox").orElseThrow();
        assertThat(served.path("spec").asText()).isEqualTo("cox");
        assertThat(served.path("events").asInt()).isEqualTo(expected.events());
        for (FitResult.Coefficient c : expected.coefficients()) {
            JsonNode row = coefficient(served, c.term());
            if (c.estimate() == null) {
                assertThat(row.path("estimate").isNull()).as(c.term()).isTrue();
            } else {
                assertThat(row.path("estimate").asDouble()).as(c.term())
                        .isCloseTo(c.estimate(), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(c.estimate()))));
                assertThat(row.path("robustStdError").asDouble()).as(c.term())
                        .isCloseTo(c.robustStdError(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        String panelCsv = HttpText.get(panelUrl + "/api/v1/panel");
        assertThat(DataTable.parse(new StringReader(panelCsv), "panel").rowCount()).isEqualTo(offline.rows().size());
        assertThat(panelCsv).isEqualTo(offline.toCsv());
    }

    @Test
    void everyServiceIsReadyAndDescribesItsApi() throws Exception {
        for (String name : List.of("ingest-service", "panel-service", "model-service", "report-service")) {
            String base = system.service(name).baseUrl();
            assertThat(JsonGet.get(base + "/q/health/ready").map(h -> h.path("status").asText())).as(name).contains("UP");
            assertThat(HttpText.get(base + "/q/openapi?format=json")).as(name).contains("\"openapi\"");
        }
    }

    private static JsonNode coefficient(JsonNode result, String term) {
        for (JsonNode c : result.path("coefficients")) {
            if (c.path("term").asText().equals(term)) {
                return c;
            }
        }
        throw new AssertionError("no coefficient " + term + " in " + result);
    }
}
