package org.hazardstream.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.report.support.DashboardFixture;
import org.hazardstream.report.support.HeadlessChromium;
import org.hazardstream.report.support.PanelFixture;
import org.hazardstream.report.support.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard in a real browser: Debian's headless Chromium loads the page from the running service, the charts
 * render from Vega-Lite specs with the vega-embed served by the service, and the SVG marks match the data; a new
 * result arriving on the broker shows up without a reload; a result the data cannot identify is drawn greyed, with
 * the reason. Screenshots: target/dashboard.png, target/dashboard-not-identified.png.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DashboardBrowserTest {

    /** The spec whose latest result is not identified, and the term that makes it so. */
    private static final String NOT_IDENTIFIED = "cs-provincial";

    private static final String CONSTANT_TERM = "data_agency";
    private static final String FOREST_COLOR = "#1f77b4";
    private static final String GREY = "#999999";

    @TestHTTPResource("/")
    String dashboardUrl;

    @Test
    void chartsRenderWithTheExpectedMarksAndFollowNewResults() throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install -y chromium chromium-driver");
        String bootstrap = KafkaBrokerTestResource.broker().bootstrapServers();
        PanelFixture.publishOnce(bootstrap);
        try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrap)) {
            for (long version = 1; version <= 3; version++) {
                publish(producer, DashboardFixture.event("cox", "cox", version, 10 + version));
            }
            publish(producer, DashboardFixture.event("cs-self", "cox", 3, 21));
            publish(producer, DashboardFixture.event("fg-provincial", "finegray", 3, 22));
            publish(producer, DashboardFixture.event("pce", "pce", 3, 23));
            publish(producer, DashboardFixture.event("logit", "logit", 3, 24));
            publish(producer, DashboardFixture.notIdentifiedEvent(NOT_IDENTIFIED, "cox", 3, 25, CONSTANT_TERM));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(given().get("/api/v1/dashboard/adoption").jsonPath().getLong("panelVersion"))
                    .isEqualTo(2);
            assertThat(given().get("/api/v1/estimates/logit").statusCode()).isEqualTo(200);
            assertThat(given().get("/api/v1/estimates/" + NOT_IDENTIFIED)
                            .jsonPath()
                            .getString("identified"))
                    .isEqualTo("false");
            assertThat(given().get("/api/v1/estimates/cox").jsonPath().getLong("lineage.panelVersion"))
                    .isEqualTo(3);
        });
        Expected expected = expectedFromApi();

        try (HeadlessChromium browser = new HeadlessChromium(1400, 3000)) {
            browser.open(dashboardUrl);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(browser.script(
                                    "return ['forest','adoption-curve','incidence','adoption-province','trajectory']"
                                            + ".map(id => document.getElementById(id).dataset.state)"))
                            .allSatisfy(state -> assertThat(state.asText()).isEqualTo("rendered")));

            browser.screenshot(Path.of("target", "dashboard-initial.png"));
            JsonNode marks = browser.script("""
                    const count = (selector) => document.querySelectorAll(selector).length;
                    return {
                      specRows: count('#specs tbody tr'),
                      forestSelected: document.getElementById('forest-spec').value,
                      forestPoints: count('#forest g.mark-symbol.role-mark path'),
                      forestRules: count('#forest g.mark-rule.role-mark line'),
                      adoptionLines: count('#adoption-curve g.mark-line.role-mark path'),
                      incidenceAreas: count('#incidence g.mark-area.role-mark path'),
                      provinceLines: count('#adoption-province g.mark-line.role-mark path'),
                      trajectoryTerm: document.getElementById('trajectory-term').value,
                      trajectoryLines: count('#trajectory g.mark-line.role-mark path'),
                      trajectoryPoints: count('#trajectory g.mark-symbol.role-mark path'),
                      forestFills: [...document.querySelectorAll('#forest g.mark-symbol.role-mark path')]
                          .map(p => p.getAttribute('fill')),
                      forestNoteShown: !document.getElementById('forest-note').hidden,
                      greyedCoefficientRows: count('#coefficients tbody tr.unidentified'),
                      greyedSpecs: [...document.querySelectorAll('#specs tbody tr.unidentified')].map(tr => tr.cells[0].textContent),
                      specNotes: [...document.querySelectorAll('#spec-notes li')].map(li => li.textContent),
                      status: document.getElementById('status').textContent
                    };""");
            assertThat(marks.path("specRows").asInt()).isEqualTo(expected.specs());
            assertThat(marks.path("forestSelected").asText()).isEqualTo("cox");
            // One point per estimable cox term; one interval rule per term plus the reference line at 1.
            assertThat(marks.path("forestPoints").asInt()).isEqualTo(expected.coxEstimableTerms());
            assertThat(marks.path("forestRules").asInt()).isEqualTo(expected.coxEstimableTerms() + 1);
            assertThat(marks.path("adoptionLines").asInt())
                    .as("all cities, self-built, provincial")
                    .isEqualTo(3);
            assertThat(marks.path("incidenceAreas").asInt())
                    .as("one area per mode")
                    .isEqualTo(2);
            assertThat(marks.path("provinceLines").asInt())
                    .as("one panel per province")
                    .isEqualTo(2);
            assertThat(marks.path("trajectoryTerm").asText()).isEqualTo(expected.trajectoryTerm());
            assertThat(marks.path("trajectoryLines").asInt()).isEqualTo(expected.trajectorySpecs());
            assertThat(marks.path("trajectoryPoints").asInt()).isEqualTo(expected.trajectoryPoints());
            assertThat(marks.path("status").asText())
                    .contains("Panel version 2", "data through " + PanelFixture.DATA_THROUGH);
            // Identified results (and those without the field) look as before; the one that is not is listed greyed.
            assertThat(marks.path("forestFills"))
                    .isNotEmpty()
                    .allSatisfy(fill -> assertThat(fill.asText()).isEqualTo(FOREST_COLOR));
            assertThat(marks.path("forestNoteShown").asBoolean()).isFalse();
            assertThat(marks.path("greyedCoefficientRows").asInt()).isZero();
            assertThat(marks.path("greyedSpecs"))
                    .singleElement()
                    .satisfies(spec -> assertThat(spec.asText()).isEqualTo(NOT_IDENTIFIED));
            String note = "not identified yet: " + CONSTANT_TERM
                    + " takes one value in every event row, so the likelihood" + " cannot settle on a coefficient";
            assertThat(marks.path("specNotes"))
                    .singleElement()
                    .satisfies(line -> assertThat(line.asText()).isEqualTo(NOT_IDENTIFIED + ": " + note));

            // The forest plot and coefficient table of the result that is not identified: greyed, with the note.
            selectForestSpec(browser, NOT_IDENTIFIED);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode grey = browser.script("""
                        const forest = document.getElementById('forest');
                        const rows = [...document.querySelectorAll('#coefficients tbody tr')];
                        // The estimates' points and intervals, not the dashed reference line at 1.
                        const marks = [...forest.querySelectorAll('g.mark-symbol.role-mark path, g.mark-rule.role-mark line')]
                            .filter(m => !m.hasAttribute('stroke-dasharray'));
                        const note = document.getElementById('forest-note');
                        return {
                          state: forest.dataset.state,
                          points: forest.querySelectorAll('g.mark-symbol.role-mark path').length,
                          colors: marks.map(m => m.tagName === 'path' ? m.getAttribute('fill') : m.getAttribute('stroke')),
                          opacities: marks.map(m => m.hasAttribute('opacity') ? Number(m.getAttribute('opacity')) : 1),
                          note: note.hidden ? '' : note.textContent,
                          rows: rows.length,
                          greyedRows: rows.filter(tr => tr.classList.contains('unidentified')
                              && Number(getComputedStyle(tr.cells[0]).opacity) < 1).length
                        };""");
                assertThat(grey.path("state").asText()).isEqualTo("rendered");
                assertThat(grey.path("points").asInt()).isEqualTo(expected.notIdentifiedEstimableTerms());
                assertThat(grey.path("colors"))
                        .hasSize(2 * expected.notIdentifiedEstimableTerms())
                        .allSatisfy(color -> assertThat(color.asText()).isEqualTo(GREY));
                assertThat(grey.path("opacities"))
                        .allSatisfy(opacity -> assertThat(opacity.asDouble()).isLessThan(0.5));
                assertThat(grey.path("note").asText()).isEqualTo(note);
                assertThat(grey.path("rows").asInt()).isPositive();
                assertThat(grey.path("greyedRows").asInt())
                        .isEqualTo(grey.path("rows").asInt());
            });
            browser.screenshot(Path.of("target", "dashboard-not-identified.png"));
            selectForestSpec(browser, "cox");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    browser.script(
                                            "return [...document.querySelectorAll('#forest g.mark-symbol.role-mark path')].map(p => p.getAttribute('fill'))"))
                            .hasSize(expected.coxEstimableTerms())
                            .allSatisfy(fill -> assertThat(fill.asText()).isEqualTo(FOREST_COLOR)));

            // A new result reaches the open page through the server-sent events, without a reload.
            try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrap)) {
                publish(producer, DashboardFixture.event("cox", "cox", 4, 14));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode cox = browser.script("const column = [...document.querySelectorAll('#specs thead th')]"
                        + ".findIndex(th => th.textContent === 'panel version');"
                        + " return [...document.querySelectorAll('#specs tbody tr')]"
                        + ".filter(tr => tr.cells[0].textContent === 'cox').map(tr => tr.cells[column].textContent)");
                assertThat(cox.path(0).asText()).isEqualTo("4");
                assertThat(browser.script(
                                        "return document.querySelectorAll('#trajectory g.mark-symbol.role-mark path').length")
                                .asInt())
                        .isEqualTo(expected.trajectoryPoints() + 1);
            });
            browser.screenshot(Path.of("target", "dashboard.png"));
        }
    }

    private static void selectForestSpec(HeadlessChromium browser, String spec) throws Exception {
        browser.script("const select = document.getElementById('forest-spec'); select.value = '" + spec + "';"
                + " select.dispatchEvent(new Event('change')); return true;");
    }

    private static void publish(KafkaProducer<String, String> producer, FitResultEvent event) {
        TestEvents.send(producer, Topics.FIT_RESULTS, event.spec(), TestEvents.json(event));
    }

    private record Expected(
            int specs,
            int coxEstimableTerms,
            int notIdentifiedEstimableTerms,
            String trajectoryTerm,
            int trajectorySpecs,
            int trajectoryPoints) {}

    /**
     * What the page should draw, from the service's JSON (other test classes of this JVM may have stored specs of
     * their own, so the counts are read, not assumed).
     */
    private static Expected expectedFromApi() {
        List<Map<String, Object>> latest =
                given().get("/api/v1/dashboard/latest").jsonPath().getList("$");
        JsonPath cox = given().get("/api/v1/estimates/cox").jsonPath();
        int coxEstimable = cox.getList("coefficients.findAll { it.estimate != null && it.term != '(Intercept)' }")
                .size();
        int notIdentifiedEstimable = given().get("/api/v1/estimates/" + NOT_IDENTIFIED)
                .jsonPath()
                .getList("coefficients.findAll { it.estimate != null && it.term != '(Intercept)' }")
                .size();
        List<String> terms = new ArrayList<>();
        for (Map<String, Object> result : latest) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> coefficients = (List<Map<String, Object>>) result.get("coefficients");
            coefficients.stream()
                    .map(c -> (String) c.get("term"))
                    .filter(t -> !t.equals("(Intercept)") && !terms.contains(t))
                    .forEach(terms::add);
        }
        String term = terms.get(0);
        int specs = 0;
        int points = 0;
        for (Map<String, Object> result : latest) {
            String spec = (String) result.get("spec");
            int response = given().queryParam("term", term)
                    .get("/api/v1/estimates/{spec}/history", spec)
                    .statusCode();
            if (response != 200) {
                continue;
            }
            List<Object> ratios = given().queryParam("term", term)
                    .get("/api/v1/estimates/{spec}/history", spec)
                    .jsonPath()
                    .getList("findAll { it.hazardRatio != null }");
            if (!ratios.isEmpty()) {
                specs++;
                points += ratios.size();
            }
        }
        return new Expected(latest.size(), coxEstimable, notIdentifiedEstimable, term, specs, points);
    }
}
