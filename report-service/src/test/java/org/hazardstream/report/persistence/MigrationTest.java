package org.hazardstream.report.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Results stored before provenance and the coefficient read model existed get both from their payload when the
 * database is migrated: checked in a schema of its own, migrated to V1, given a stored result, then migrated on.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class MigrationTest {

    private static final String SCHEMA = "migration_check";

    @Inject
    DataSource dataSource;

    @Test
    void aResultStoredUnderV1GetsItsProvenanceColumnsAndCoefficientRows() throws SQLException {
        String golden = GoldenSamples.read(GoldenSamples.FIT_RESULT);
        FitResultEvent event = EventJson.read(golden, FitResultEvent.class);
        flyway().cleanDisabled(false).load().clean();
        flyway().target("1").load().migrate();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into " + SCHEMA + ".fit_result (event_id, spec, "
                        + "panel_version, computed_at, panel_rows, panel_events, payload) "
                        + "values (?, 'cox', 42, now(), 15, 4, cast(? as jsonb))")) {
            insert.setString(1, event.eventId());
            insert.setString(2, golden);
            insert.executeUpdate();
        }

        flyway().load().migrate();

        try (Connection c = dataSource.getConnection();
                Statement query = c.createStatement()) {
            try (ResultSet row = query.executeQuery("select study, options_fingerprint, engine, converged, identified, "
                    + "options ->> 'ties' from " + SCHEMA + ".fit_result")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("health-code");
                assertThat(row.getString(2)).isEqualTo(event.provenance().optionsFingerprint());
                assertThat(row.getString(3)).isEqualTo(event.provenance().engine());
                assertThat(row.getBoolean(4)).isTrue();
                assertThat(row.getBoolean(5)).isTrue();
                assertThat(row.getString(6)).isEqualTo("efron");
            }
            try (ResultSet rows = query.executeQuery("select position, term, estimate, robust_std_error, conf_high "
                    + "from " + SCHEMA + ".fit_coefficient order by position")) {
                for (int position = 0; position < event.result().coefficients().size(); position++) {
                    FitResult.Coefficient expected =
                            event.result().coefficients().get(position);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(position);
                    assertThat(rows.getString(2)).isEqualTo(expected.term());
                    assertThat(rows.getDouble(3)).isEqualTo(expected.estimate());
                    assertThat(rows.getDouble(4)).isEqualTo(expected.robustStdError());
                    assertThat(rows.getDouble(5)).isEqualTo(expected.confHigh());
                }
                assertThat(rows.next()).isFalse();
            }
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration");
    }
}
