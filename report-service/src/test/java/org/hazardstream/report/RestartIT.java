package org.hazardstream.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.report.support.DashboardFixture;
import org.hazardstream.report.support.PanelFixture;
import org.hazardstream.report.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged service (target/quarkus-app) killed with SIGKILL while it stores a stream of results, then started
 * again on the same database and consumer group, while some results are also published a second time: in the end
 * every result is stored exactly once. The broker and database are the same embedded ones the Quarkus tests use
 * (or the server named by -Dhazard.test.db.url). The restarted service also rebuilds its adoption view from the panel
 * topic.
 */
class RestartIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String SPEC = "restart";
    private static final String SENTINEL = "restart-sentinel";
    private static final int RESULTS = 800;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledServiceLosesNoResultAndStoresNoneTwice() throws Exception {
        assertThat(APP)
                .as("run mvn verify: the integration test needs the packaged service")
                .exists();
        String bootstrap = KafkaBrokerTestResource.broker().bootstrapServers();
        Map<String, String> database = new PostgresTestResource().start();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", database.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.get("quarkus.datasource.password"));
        // The broker's minimum: the restarted service gets the partition 6 s after the kill, not 45 s.
        env.put("MP_MESSAGING_INCOMING_FIT_RESULTS_SESSION_TIMEOUT_MS", "6000");

        PanelFixture.publishOnce(bootstrap);
        List<FitResultEvent> events = new ArrayList<>();
        for (int i = 1; i <= RESULTS; i++) {
            events.add(DashboardFixture.event(SPEC, "cox", i, i));
        }
        try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrap)) {
            for (FitResultEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.FIT_RESULTS, SPEC, EventJson.write(event)));
            }
            producer.flush();
        }

        int port = freePort();
        Process first = start(env, port, 1);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> storedCount(port) >= 50);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int storedAtKill = storedCountDirect(env);

        // Redelivered copies, as a producer retry or a replayed partition would bring them.
        try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrap)) {
            for (FitResultEvent event : events.subList(0, 200)) {
                producer.send(new ProducerRecord<>(Topics.FIT_RESULTS, SPEC, EventJson.write(event)));
            }
            // The topic has one partition: once this last event is stored, everything before it was processed.
            FitResultEvent sentinel = DashboardFixture.event(SENTINEL, "cox", 1, 1);
            producer.send(new ProducerRecord<>(Topics.FIT_RESULTS, SENTINEL, EventJson.write(sentinel)));
            producer.flush();
        }

        Process second = start(env, port, 2);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> status(port, "/api/v1/estimates/" + SENTINEL) == 200);
        assertThat(metric(port, "report_results_duplicates_total"))
                .as("copies recognised")
                .isGreaterThanOrEqualTo(200);
        JsonNode history = history(port);
        List<String> ids = new ArrayList<>();
        history.forEach(point -> ids.add(point.path("eventId").asText()));
        assertThat(ids)
                .hasSize(RESULTS)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(
                        events.stream().map(FitResultEvent::eventId).toList());
        assertThat(new HashSet<>(ids)).hasSize(RESULTS);
        // The adoption view has no table: the restarted service rebuilt it by replaying the panel topic.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(EventJson.mapper()
                                .readTree(
                                        get(port, "/api/v1/dashboard/adoption").body())
                                .path("panelVersion")
                                .asLong())
                        .isEqualTo(2));
        System.out.printf(
                "RestartIT: %d of %d results stored when the first process was killed%n", storedAtKill, RESULTS);
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("graceful stop").isTrue();
    }

    private Process start(Map<String, String> env, int port, int run) throws IOException {
        Path log = Path.of("target", "restart-it-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        APP.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process process = builder.start();
        started.add(process);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("service exited; see " + log)
                            .isTrue();
                    return status(port, "/q/health/ready") == 200;
                });
        return process;
    }

    /** How many results are stored; 0 while the spec has none. */
    private int storedCount(int port) throws IOException, InterruptedException {
        return status(port, "/api/v1/estimates/" + SPEC) == 200 ? history(port).size() : 0;
    }

    /** The count at the moment of the kill, read by starting nothing: the database is the witness. */
    private static int storedCountDirect(Map<String, String> env) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(
                        env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        env.get("QUARKUS_DATASOURCE_USERNAME"),
                        env.get("QUARKUS_DATASOURCE_PASSWORD"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from fit_result where spec = '" + SPEC + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private JsonNode history(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/api/v1/estimates/" + SPEC + "/history?term=salience");
        assertThat(response.statusCode()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private double metric(int port, String name) throws IOException, InterruptedException {
        return get(port, "/q/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
