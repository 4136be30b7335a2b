package org.hazardstream.report.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.core.fit.FitResult;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.service.TermHistoryPoint;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/**
 * The stored fit results and their coefficient rows. "Latest" means the newest computedAt (ties: the later arrival).
 */
@ApplicationScoped
public class FitResultRepository implements PanacheRepository<StoredFitResult> {

    private static final Sort NEWEST_FIRST = Sort.descending("computedAt", "id");

    /**
     * Stores the event and its coefficient rows unless one with its eventId is already stored. The unique constraint
     * decides, so two deliveries racing on two replicas still store one result.
     *
     * @return true when this call stored it
     */
    public boolean insertIfAbsent(FitResultEvent event, String payloadJson) {
        return session().doReturningWork(connection -> {
            Optional<Long> id = insertResult(connection, event, payloadJson);
            if (id.isEmpty()) {
                return false;
            }
            insertCoefficients(connection, id.get(), event.result().coefficients());
            return true;
        });
    }

    private static Optional<Long> insertResult(Connection connection, FitResultEvent event, String payloadJson)
            throws SQLException {
        FitResultEvent.Provenance provenance = event.provenance();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fit_result (event_id, spec, panel_version, computed_at, data_through, panel_rows,
                                        panel_events, study, options_fingerprint, options, engine, converged,
                                        identified, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb))
                on conflict (event_id) do nothing
                returning id""")) {
            insert.setString(1, event.eventId());
            insert.setString(2, event.spec());
            insert.setLong(3, event.lineage().panelVersion());
            insert.setTimestamp(4, Timestamp.from(event.computedAt()));
            insert.setDate(
                    5,
                    event.lineage().dataThrough() == null
                            ? null
                            : Date.valueOf(event.lineage().dataThrough()));
            insert.setInt(6, event.lineage().rows());
            insert.setInt(7, event.lineage().events());
            insert.setString(8, provenance == null ? null : provenance.study());
            insert.setString(9, provenance == null ? null : provenance.optionsFingerprint());
            insert.setString(10, provenance == null ? null : EventJson.write(provenance.options()));
            insert.setString(11, provenance == null ? null : provenance.engine());
            insert.setBoolean(12, event.result().converged());
            insert.setObject(13, event.result().identified(), Types.BOOLEAN);
            insert.setString(14, payloadJson);
            try (ResultSet keys = insert.executeQuery()) {
                return keys.next() ? Optional.of(keys.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void insertCoefficients(Connection connection, long resultId, List<FitResult.Coefficient> rows)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fit_coefficient (result_id, position, term, estimate, std_error, robust_std_error, z,
                                             p_value, hazard_ratio, conf_low, conf_high)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int position = 0; position < rows.size(); position++) {
                FitResult.Coefficient c = rows.get(position);
                insert.setLong(1, resultId);
                insert.setInt(2, position);
                insert.setString(3, c.term());
                Double[] numbers = {
                    c.estimate(),
                    c.stdError(),
                    c.robustStdError(),
                    c.z(),
                    c.pValue(),
                    c.hazardRatio(),
                    c.confLow(),
                    c.confHigh()
                };
                for (int k = 0; k < numbers.length; k++) {
                    // A non-finite number is null in the fit contract's JSON; the read model says the same.
                    Double value = numbers[k] == null || !Double.isFinite(numbers[k]) ? null : numbers[k];
                    insert.setObject(4 + k, value, Types.DOUBLE);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The latest result of every spec, by spec name. */
    @SuppressWarnings("unchecked")
    public List<StoredFitResult> latestPerSpec() {
        return getEntityManager().createNativeQuery("""
                        select distinct on (spec) * from fit_result
                        order by spec, computed_at desc, id desc""", StoredFitResult.class).getResultList();
    }

    public Optional<StoredFitResult> latest(String spec) {
        return find("spec", NEWEST_FIRST, spec).firstResultOptional();
    }

    /**
     * One term's estimates over every result of a spec fitted with one option set, oldest first; the numbers are
     * null for a result that did not estimate the term. Empty when no such result has the term at all.
     *
     * @param optionsFingerprint the option set (null: results that carry no provenance)
     */
    public List<TermHistoryPoint> termHistory(String spec, String optionsFingerprint, String term) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.panel_version, r.computed_at, r.data_through, r.event_id, c.estimate, c.std_error,
                           c.robust_std_error, c.p_value, c.hazard_ratio, c.conf_low, c.conf_high, c.term,
                           r.identified
                    from fit_result r
                             left join fit_coefficient c on c.result_id = r.id and c.term = ?
                    where r.spec = ? and r.options_fingerprint is not distinct from ?
                    order by r.computed_at, r.id""")) {
                query.setString(1, term);
                query.setString(2, spec);
                query.setString(3, optionsFingerprint);
                List<TermHistoryPoint> points = new ArrayList<>();
                boolean anyHasTerm = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        anyHasTerm |= rows.getString(12) != null;
                        Date through = rows.getDate(3);
                        points.add(new TermHistoryPoint(
                                rows.getLong(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant(),
                                through == null ? null : through.toLocalDate(),
                                rows.getString(4),
                                number(rows, 5),
                                number(rows, 6),
                                number(rows, 7),
                                number(rows, 8),
                                number(rows, 9),
                                number(rows, 10),
                                number(rows, 11),
                                (Boolean) rows.getObject(13)));
                    }
                }
                return anyHasTerm ? points : List.<TermHistoryPoint>of();
            }
        });
    }

    /** True when a result of the spec was fitted with these options. */
    public boolean hasResults(String spec, String optionsFingerprint) {
        return optionsFingerprint == null
                ? count("spec = ?1 and optionsFingerprint is null", spec) > 0
                : count("spec = ?1 and optionsFingerprint = ?2", spec, optionsFingerprint) > 0;
    }

    /** The terms of a stored result, in its order. */
    @SuppressWarnings("unchecked")
    public List<String> terms(long resultId) {
        return getEntityManager()
                .createNativeQuery(
                        "select term from fit_coefficient where result_id = ?1 order by position", String.class)
                .setParameter(1, resultId)
                .getResultList();
    }

    public long countByEventId(String eventId) {
        return count("eventId", eventId);
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static Double number(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
