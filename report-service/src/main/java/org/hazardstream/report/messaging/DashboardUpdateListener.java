package org.hazardstream.report.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.events.EventJson;
import org.hazardstream.report.config.ReportSettings;
import org.hazardstream.report.service.DashboardNotifier;
import org.hazardstream.report.service.DashboardUpdates;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the results stored by any replica to this replica's dashboards: LISTEN on {@link DashboardNotifier#CHANNEL}
 * over a connection of its own (not from the pool: it is held for the life of the service and must stay outside
 * transactions), each notification's JSON published on {@link DashboardUpdates}. A lost connection is replaced after
 * a backoff (doubling from {@code initial-backoff} to {@code max-backoff}); notifications sent meanwhile are lost for
 * this replica, so after a reconnection it publishes a "resync" update and open dashboards reload everything.
 */
@ApplicationScoped
public class DashboardUpdateListener {

    /** The listener connection's application_name (pg_stat_activity shows it). */
    public static final String APPLICATION_NAME = "report-service dashboard listener";

    /** A statement (LISTEN, the idle check) unanswered this long means the connection is gone. */
    private static final int STATEMENT_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(DashboardUpdateListener.class);

    private final DashboardUpdates updates;
    private final ReportSettings.UpdatesListener settings;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public DashboardUpdateListener(
            DashboardUpdates updates,
            ReportSettings settings,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.updates = updates;
        this.settings = settings.updatesListener();
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::run, "dashboard-update-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        stopping.countDown();
        Connection current = connection;
        if (current != null) {
            try {
                // Closes the socket under the wait for notifications (close() would wait for the poll to end).
                current.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debugf("dashboard update listener: abort: %s", e.getMessage());
            }
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long initialBackoff = Math.max(1, settings.initialBackoff().toMillis());
        long backoff = initialBackoff;
        boolean failed = false;
        while (running) {
            Connection current = null;
            try {
                current = connect();
                connection = current;
                if (!running) {
                    break; // stopped while connecting: stop() found no connection to abort
                }
                listen(current);
                if (failed) {
                    LOG.infof("dashboard update listener: listening on %s again", DashboardNotifier.CHANNEL);
                    // Results stored while this replica was not listening were not announced here.
                    updates.publish(new DashboardUpdates.Update("resync", null, 0));
                } else {
                    LOG.debugf("dashboard update listener: listening on %s", DashboardNotifier.CHANNEL);
                }
                failed = false;
                backoff = initialBackoff;
                receive(current);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf(
                        "dashboard update listener: %s (%s); reconnecting in %d ms",
                        current == null ? "cannot connect to the database" : "connection lost",
                        e.getMessage(),
                        backoff);
                failed = true;
            } finally {
                connection = null;
                closeQuietly(current);
            }
            if (failed && awaitStop(backoff)) {
                break;
            }
            if (failed) {
                backoff = Math.min(
                        backoff * 2,
                        Math.max(initialBackoff, settings.maxBackoff().toMillis()));
            }
        }
    }

    private Connection connect() throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        user.ifPresent(source::setUser);
        password.ifPresent(source::setPassword);
        source.setApplicationName(APPLICATION_NAME);
        source.setTcpKeepAlive(true);
        source.setSocketTimeout(STATEMENT_TIMEOUT_SECONDS);
        return source.getConnection(); // autocommit: notifications are read only outside a transaction
    }

    /** LISTEN; also the idle check, since a LISTEN already in effect changes nothing. */
    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + DashboardNotifier.CHANNEL);
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int timeout = (int)
                Math.max(1, Math.min(Integer.MAX_VALUE, settings.pollTimeout().toMillis()));
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(timeout);
            if (notifications == null) {
                listen(connection);
                continue;
            }
            for (PGNotification notification : notifications) {
                deliver(notification.getParameter());
            }
        }
    }

    private void deliver(String payload) {
        try {
            DashboardUpdates.Update update = EventJson.read(payload, DashboardUpdates.Update.class);
            if (update.kind() == null || update.kind().isBlank()) {
                throw new IllegalArgumentException("no kind");
            }
            updates.publish(update);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "dashboard update listener: skipped a notification that is not an update (%s): %s",
                    payload, e.getMessage());
        }
    }

    /** Waits, unless the service stops first: true when it does. */
    private boolean awaitStop(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("dashboard update listener: close: %s", e.getMessage());
        }
    }
}
