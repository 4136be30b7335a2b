package org.hazardstream.report.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One fit result as received: the indexed facts (spec, panel version, computed time, provenance) beside the whole
 * event JSON; its coefficients are rows of fit_coefficient. Rows are only ever inserted (see
 * {@link FitResultRepository#insertIfAbsent}).
 */
@Entity
@Table(name = "fit_result")
public class StoredFitResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String spec;

    @Column(name = "panel_version", nullable = false)
    public long panelVersion;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "data_through")
    public LocalDate dataThrough;

    @Column(name = "panel_rows", nullable = false)
    public int panelRows;

    @Column(name = "panel_events", nullable = false)
    public int panelEvents;

    /** Provenance (null for results published before it was carried). */
    public String study;

    @Column(name = "options_fingerprint")
    public String optionsFingerprint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String options;

    public String engine;

    public Boolean converged;

    public Boolean identified;

    /** The FitResultEvent JSON exactly as published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
    public Instant receivedAt;
}
