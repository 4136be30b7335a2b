package org.hazardstream.panel.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest raw record of a (stream, natural key) and the Kafka position it was read from. */
@Entity
@Table(name = "raw_record")
@IdClass(RawRecordEntity.Key.class)
public class RawRecordEntity extends PanacheEntityBase {

    @Id
    public String stream;

    @Id
    @Column(name = "record_key")
    public String recordKey;

    /** The record's fields as a JSON object of text values. */
    public String fields;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "source_partition")
    public int sourcePartition;

    @Column(name = "source_offset")
    public long sourceOffset;

    @Column(name = "applied_at")
    public Instant appliedAt;

    /** The natural key (stream, record key). */
    public static class Key implements Serializable {
        public String stream;
        public String recordKey;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(stream, k.stream) && Objects.equals(recordKey, k.recordKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stream, recordKey);
        }
    }
}
