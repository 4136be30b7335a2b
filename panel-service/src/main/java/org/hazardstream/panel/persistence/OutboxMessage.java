package org.hazardstream.panel.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Kafka message waiting to be sent; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    /** Null for a tombstone. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
