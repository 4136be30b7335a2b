package org.hazardstream.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.report.messaging.DashboardUpdateListener;
import org.hazardstream.report.service.DashboardNotifier;
import org.hazardstream.report.service.DashboardUpdates;
import org.hazardstream.report.support.DashboardFixture;
import org.hazardstream.report.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * The server-sent "result" updates of every replica come from PostgreSQL notifications: a plain JDBC connection
 * plays the other replicas (one that stored a result notifies, one that kills this replica's listener connection),
 * and a subscriber of {@link DashboardUpdates#stream()} plays an open dashboard.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DashboardUpdatesAcrossReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DashboardUpdates updates;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private AssertSubscriber<DashboardUpdates.Update> dashboard;

    @BeforeEach
    void openDashboard() {
        dashboard = updates.stream().subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    @AfterEach
    void closeDashboard() {
        dashboard.cancel();
    }

    private static String uniqueSpec(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Connection otherReplica() throws SQLException {
        return DriverManager.getConnection(url, user, password.orElse(""));
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement notify =
                connection.prepareStatement("select pg_notify('" + DashboardNotifier.CHANNEL + "', ?)")) {
            notify.setString(1, payload);
            notify.execute();
        }
    }

    /**
     * The backend pid of this replica's listener once it listens (idle after its LISTEN: a notification sent from
     * then on reaches it), other than {@code previous}.
     */
    private static int awaitListener(Connection connection, Integer previous) {
        return await("listener listening")
                .atMost(WAIT)
                .until(() -> listenerPid(connection), pid -> pid != null && !pid.equals(previous));
    }

    private static Integer listenerPid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select pid from pg_stat_activity
                where application_name = ? and datname = current_database()
                  and state = 'idle' and query ilike 'LISTEN %'""")) {
            query.setString(1, DashboardUpdateListener.APPLICATION_NAME);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    private static String resultJson(String spec, long panelVersion) {
        return TestEvents.json(new DashboardUpdates.Update("result", spec, panelVersion));
    }

    @Test
    void aNotificationFromAnotherReplicaReachesTheDashboardsOfThisOne() throws SQLException {
        String spec = uniqueSpec("elsewhere");
        try (Connection other = otherReplica()) {
            awaitListener(other, null);
            notify(other, "not an update"); // logged and skipped: the listener goes on
            notify(other, resultJson(spec, 7));
        }
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(dashboard.getItems()).contains(new DashboardUpdates.Update("result", spec, 7)));
    }

    @Test
    void aStoredResultIsAnnouncedExactlyOnceAndARedeliveryNotAtAll() {
        String spec = uniqueSpec("once");
        FitResultEvent result = DashboardFixture.event(spec, "cox", 5, 1);
        FitResultEvent later = DashboardFixture.event(spec, "cox", 6, 2);
        try (KafkaProducer<String, String> producer =
                TestEvents.producer(KafkaBrokerTestResource.broker().bootstrapServers())) {
            TestEvents.send(producer, Topics.FIT_RESULTS, spec, TestEvents.json(result));
            TestEvents.send(producer, Topics.FIT_RESULTS, spec, TestEvents.json(result));
            TestEvents.send(producer, Topics.FIT_RESULTS, spec, TestEvents.json(later));
        }
        // One partition per key, stored in order, notifications delivered in commit order, and a local
        // announcement would precede its notification: once the later result's update is in, every announcement
        // of the first is.
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(dashboard.getItems()).contains(new DashboardUpdates.Update("result", spec, 6)));
        assertThat(dashboard.getItems())
                .filteredOn(update -> Objects.equals(update.spec(), spec))
                .containsExactly(
                        new DashboardUpdates.Update("result", spec, 5), new DashboardUpdates.Update("result", spec, 6));
    }

    @Test
    void theListenerSurvivesTheLossOfItsConnection() throws SQLException {
        String spec = uniqueSpec("after-kill");
        try (Connection other = otherReplica()) {
            int killed = awaitListener(other, null);
            try (PreparedStatement kill = other.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, killed);
                try (ResultSet answer = kill.executeQuery()) {
                    assertThat(answer.next() && answer.getBoolean(1))
                            .as("listener backend terminated")
                            .isTrue();
                }
            }
            awaitListener(other, killed);
            notify(other, resultJson(spec, 3));
        }
        // First "resync" (what was sent while it was away is lost for this replica), then the new result.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(dashboard.getItems())
                        .containsSubsequence(
                                new DashboardUpdates.Update("resync", null, 0),
                                new DashboardUpdates.Update("result", spec, 3)));
    }
}
