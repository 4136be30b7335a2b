package org.hazardstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole system, end to end: the four packaged services on a real Kafka broker and a real PostgreSQL. The demo data
 * are streamed in day by day through ingest's HTTP API, as the local run does; at the end the panel service serves the
 * panel the offline builder makes of the same files, and report-service serves, for every configured spec, the fit
 * hazard-core computes offline on that panel (the command line's answer).
 */
class EndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("hazard.repo.root", "../.."))
            .toAbsolutePath()
            .normalize();
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
    void demoDataStreamedDayByDayEndAsTheOfflineFitOfEverySpec() throws Exception {
        Path demoDir = REPO.resolve("deploy/local/demo");
        RawData raw = RawData.readDirectory(demoDir);
        DemoStreamer.into(system, DemoData.read(demoDir), TOKEN, line -> System.out.println("[e2e] " + line)).stream(
                LocalDate.parse("2020-02-01"), LocalDate.parse("2020-03-31"), Duration.ZERO, day -> {
                    crashOneServiceNowAndThen(day);
                    if (day.equals(INTERIM)) {
                        // Part-way through the window every served estimate is that of the data observed so far.
                        assertServedAsOffline(new PanelBuilder()
                                .build(raw, PanelSettings.study().withThrough(day)));
                    }
                });

        // The panel service ends on exactly the panel the offline builder makes of the same files.
        Panel offline = new PanelBuilder().build(raw, PanelSettings.study());
        long finalVersion = assertServedAsOffline(offline);
        assertThat(finalVersion).isPositive();
    }

    private static final LocalDate INTERIM = LocalDate.parse("2020-03-10");

    /**
     * Waits until panel-service serves {@code offline} (byte for byte), then checks that report-service serves, for
     * every configured spec, hazard-core's fit of that panel with the spec's options (the command line's answer).
     * Returns the panel version.
     */
    private static long assertServedAsOffline(Panel offline) {
        String panelUrl = system.service("panel-service").baseUrl();
        String reportUrl = system.service("report-service").baseUrl();
        String expectedCsv = offline.toCsv();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        assertThat(HttpText.get(panelUrl + "/api/v1/panel")).isEqualTo(expectedCsv));
        // (untilAsserted rethrows the last failure, HttpText's checked exceptions included, as an AssertionError)
        long version = JsonGet.get(panelUrl + "/api/v1/panel/status")
                .orElseThrow()
                .path("panelVersion")
                .asLong();
        LocalDate through = offline.rows().stream()
                .map(r -> r.date())
                .max(LocalDate::compareTo)
                .orElseThrow();

        JsonNode specs = JsonGet.get(system.service("model-service").baseUrl() + "/api/v1/specs")
                .orElseThrow();
        assertThat(specs).hasSize(7);
        DataTable panel = offline.toDataTable();
        for (JsonNode spec : specs) {
            String name = spec.path("name").asText();
            Map<String, String> options = new LinkedHashMap<>();
            spec.path("options")
                    .properties()
                    .forEach(e -> options.put(e.getKey(), e.getValue().asText()));
            FitResult expected = HazardModels.fit(panel, FitOptionsParser.parse(options));

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(JsonGet.get(reportUrl + "/api/v1/estimates/" + name)
                                    .map(r -> r.path("lineage")
                                            .path("panelVersion")
                                            .asLong()))
                            .as(name)
                            .contains(version));
            JsonNode served =
                    JsonGet.get(reportUrl + "/api/v1/estimates/" + name).orElseThrow();
            assertNoVersionStoredTwice(
                    name,
                    JsonGet.get(reportUrl + "/api/v1/estimates/" + name + "/history?term="
                                    + expected.coefficients().get(0).term())
                            .orElseThrow());
            assertThat(served.path("spec").asText()).isEqualTo(name);
            assertThat(served.path("n").asInt()).as(name).isEqualTo(expected.n());
            assertThat(served.path("events").asInt()).as(name).isEqualTo(expected.events());
            assertThat(served.path("lineage").path("rows").asInt())
                    .as(name)
                    .isEqualTo(offline.rows().size());
            assertThat(served.path("lineage").path("dataThrough").asText())
                    .as(name)
                    .isEqualTo(through.toString());
            if (!expected.converged()) {
                // A diverging fit (fg-self and fg-provincial on the demo panel: README, Decisions) has no unique
                // answer: where it stops depends on where it started, and a warm-started refit starts elsewhere.
                assertThat(served.path("converged").asBoolean())
                        .as(name + " converged")
                        .isFalse();
                continue;
            }
            assertClose(
                    name + " logLikelihood through " + through, served.path("logLikelihood"), expected.logLikelihood());
            for (FitResult.Coefficient c : expected.coefficients()) {
                JsonNode row = coefficient(served, c.term());
                String what = name + " " + c.term() + " through " + through;
                assertClose(what + " estimate", row.path("estimate"), c.estimate());
                assertClose(what + " stdError", row.path("stdError"), c.stdError());
                assertClose(what + " robustStdError", row.path("robustStdError"), c.robustStdError());
            }
        }
        return version;
    }

    /**
     * Right after a day's posts, while they are still being processed, a service is killed (SIGKILL) and started
     * again: a crash must lose nothing and duplicate nothing, so the end state is checked as if nothing had happened.
     */
    private static void crashOneServiceNowAndThen(LocalDate day) {
        String victim = CRASHES.get(day);
        if (victim != null) {
            System.out.println("[e2e] " + day + ": killing and restarting " + victim);
            system.crashAndRestart(victim);
        }
    }

    private static final Map<LocalDate, String> CRASHES = Map.of(
            LocalDate.parse("2020-02-10"), "panel-service",
            LocalDate.parse("2020-02-25"), "model-service",
            LocalDate.parse("2020-03-11"), "report-service",
            LocalDate.parse("2020-03-20"), "ingest-service");

    /**
     * Equal to 1e-8, relative to the size of the value: a warm-started refit stops within the Cox engine's
     * convergence rule (relative log-likelihood change 1e-9) of a cold start, so the two can differ by a few 1e-9
     * (seen: 4.6e-9 for cs-provincial through 10 March). Issue 12's converge-always rule will tighten this.
     */
    private static void assertClose(String what, JsonNode served, Double expected) {
        if (expected == null || !Double.isFinite(expected)) {
            assertThat(served.isNull()).as(what + " is null").isTrue();
            return;
        }
        assertThat(served.isNumber()).as(what + " is a number").isTrue();
        assertThat(served.asDouble())
                .as(what)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void everyServiceIsReadyAndDescribesItsApi() throws Exception {
        for (String name : List.of("ingest-service", "panel-service", "model-service", "report-service")) {
            String base = system.service(name).baseUrl();
            assertThat(JsonGet.get(base + "/q/health/ready")
                            .map(h -> h.path("status").asText()))
                    .as(name)
                    .contains("UP");
            assertThat(HttpText.get(base + "/q/openapi?format=json")).as(name).contains("\"openapi\"");
        }
    }

    /** Each panel version of a spec is fitted and stored once, crashes of model- and report-service included. */
    private static void assertNoVersionStoredTwice(String spec, JsonNode history) {
        long previous = Long.MIN_VALUE;
        for (JsonNode entry : history) {
            long version = entry.path("panelVersion").asLong();
            assertThat(version)
                    .as(spec + ": panel versions in the history, oldest first")
                    .isGreaterThan(previous);
            previous = version;
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
