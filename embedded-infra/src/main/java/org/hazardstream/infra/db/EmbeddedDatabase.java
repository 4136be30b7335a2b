package org.hazardstream.infra.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) in a data directory of ours, for tests and the
 * local run on a machine that has no database configured. Each service gets its own database in it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = a free one) with its data in {@code dataDir}.
     *
     * @param keepData reuse what a previous run left in {@code dataDir} instead of starting empty
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean keepData) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(!keepData);
            if (port != 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database if it does not exist and returns its JDBC URL (user {@link #USER}, no password). */
    public String database(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createDatabaseIfAbsent(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl(USER, name);
    }

    /** Creates database {@code name} through an administrative connection, unless it exists. */
    public static void createDatabaseIfAbsent(Connection admin, String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
