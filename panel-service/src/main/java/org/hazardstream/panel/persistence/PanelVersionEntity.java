package org.hazardstream.panel.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The single row holding the version of the stored panel. */
@Entity
@Table(name = "panel_version")
public class PanelVersionEntity extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public int id;

    public long version;

    @Column(name = "records_applied")
    public long recordsApplied;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static PanelVersionEntity current() {
        return findById(ID);
    }
}
