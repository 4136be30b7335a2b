package org.hazardstream.panel.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The writes of one applied batch. They run as JDBC batches on the Hibernate session's connection, so they are part
 * of the caller's transaction: raw records, panel rows, outbox messages and the version commit or roll back together.
 * (Thousands of upserts per batch at the full study load: one round trip per statement would dominate.)
 */
@ApplicationScoped
public class PanelRepository {

    /** A raw record to store as the latest of its key. */
    public record RawRecordWrite(
            String stream, String key, String fieldsJson, String eventId, int partition, long offset) {}

    /** A panel row to insert or replace. */
    public record PanelRowWrite(String cityId, int day, String rowJson) {}

    /** A panel row that left the risk set. */
    public record PanelRowDelete(String cityId, int day) {}

    /** A message for the outbox; payload null = tombstone. */
    public record OutboxWrite(String topic, String key, String payload) {}

    private final EntityManager entityManager;

    public PanelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void write(
            List<RawRecordWrite> records,
            List<PanelRowWrite> rows,
            List<PanelRowDelete> deletes,
            List<OutboxWrite> outbox,
            long version) {
        Timestamp now = Timestamp.from(Instant.now());
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!records.isEmpty()) {
                // The offset guard repeats the in-memory check in SQL: a stale write can never replace a newer record.
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO raw_record (stream, record_key, fields, event_id, source_partition, source_offset, applied_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (stream, record_key) DO UPDATE SET fields = EXCLUDED.fields,
                            event_id = EXCLUDED.event_id, source_partition = EXCLUDED.source_partition,
                            source_offset = EXCLUDED.source_offset, applied_at = EXCLUDED.applied_at
                        WHERE raw_record.source_partition <> EXCLUDED.source_partition
                           OR raw_record.source_offset < EXCLUDED.source_offset""")) {
                    for (RawRecordWrite r : records) {
                        upsert.setString(1, r.stream());
                        upsert.setString(2, r.key());
                        upsert.setString(3, r.fieldsJson());
                        upsert.setString(4, r.eventId());
                        upsert.setInt(5, r.partition());
                        upsert.setLong(6, r.offset());
                        upsert.setTimestamp(7, now);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO panel_row (city_id, day, row_json, panel_version) VALUES (?, ?, ?, ?)
                        ON CONFLICT (city_id, day) DO UPDATE SET row_json = EXCLUDED.row_json,
                            panel_version = EXCLUDED.panel_version""")) {
                    for (PanelRowWrite r : rows) {
                        upsert.setString(1, r.cityId());
                        upsert.setInt(2, r.day());
                        upsert.setString(3, r.rowJson());
                        upsert.setLong(4, version);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            if (!deletes.isEmpty()) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM panel_row WHERE city_id = ? AND day = ?")) {
                    for (PanelRowDelete d : deletes) {
                        delete.setString(1, d.cityId());
                        delete.setInt(2, d.day());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            if (!outbox.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)")) {
                    for (OutboxWrite m : outbox) {
                        insert.setString(1, m.topic());
                        insert.setString(2, m.key());
                        insert.setString(3, m.payload());
                        insert.setTimestamp(4, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        });
    }

    /** Sets the stored panel version (in the caller's transaction). */
    public void setVersion(long version, long recordsApplied) {
        PanelVersionEntity current = PanelVersionEntity.current();
        current.version = version;
        current.recordsApplied = recordsApplied;
        current.completedAt = Instant.now();
    }
}
