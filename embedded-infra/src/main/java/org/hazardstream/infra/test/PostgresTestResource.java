package org.hazardstream.infra.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.hazardstream.infra.Directories;
import org.hazardstream.infra.db.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh PostgreSQL database. By default an embedded PostgreSQL (one per JVM) from
 * Maven artifacts; when the system property {@code hazard.test.db.url} names a server (CI's second pass:
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), a new database is created on that server instead.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String EXTERNAL_URL_PROPERTY = "hazard.test.db.url";
    public static final String EXTERNAL_USER_PROPERTY = "hazard.test.db.user";

    private static EmbeddedDatabase embedded;

    // The database this resource created on an external server, dropped again when the application stops.
    private String externalAdminUrl;
    private String externalUser;
    private String externalDatabase;

    @Override
    public Map<String, String> start() {
        String name = "hs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getProperty(EXTERNAL_URL_PROPERTY, "");
        if (!external.isBlank()) {
            String user = System.getProperty(EXTERNAL_USER_PROPERTY, "postgres");
            try (Connection admin = DriverManager.getConnection(external, user, "")) {
                EmbeddedDatabase.createDatabaseIfAbsent(admin, name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot create a test database on " + external + ": " + e.getMessage(), e);
            }
            String url = external.substring(0, external.lastIndexOf('/') + 1) + name;
            externalAdminUrl = external;
            externalUser = user;
            externalDatabase = name;
            return datasource(url, user);
        }
        return datasource(embedded().database(name), EmbeddedDatabase.USER);
    }

    private static Map<String, String> datasource(String url, String user) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "");
    }

    private static synchronized EmbeddedDatabase embedded() {
        if (embedded == null) {
            Path dir = Path.of("target", "pg-test-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            embedded = EmbeddedDatabase.start(dir, 0, false);
            EmbeddedDatabase started = embedded;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                Directories.deleteQuietly(dir);
                            },
                            "embedded-postgres-shutdown"));
        }
        return embedded;
    }

    @Override
    public void stop() {
        // The embedded server outlives a single Quarkus application; a database on a shared server is dropped so
        // CI runs do not pile up databases there. Known gap: in the CI pass the last application's databases are
        // still found afterwards (this hook seems not to run at JVM exit), so .ci/run drops leftovers too.
        if (externalDatabase != null) {
            try (Connection admin = DriverManager.getConnection(externalAdminUrl, externalUser, "");
                    java.sql.Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + externalDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + externalDatabase + ": " + e.getMessage());
            }
            externalDatabase = null;
        }
    }
}
