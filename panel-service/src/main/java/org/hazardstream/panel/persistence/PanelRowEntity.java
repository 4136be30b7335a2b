package org.hazardstream.panel.persistence;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One city-day of the current panel. */
@Entity
@Table(name = "panel_row")
@IdClass(PanelRowEntity.Key.class)
public class PanelRowEntity extends PanacheEntityBase {

    @Id
    @Column(name = "city_id")
    public String cityId;

    @Id
    public int day;

    /** The PanelRow as event JSON. */
    @Column(name = "row_json")
    public String rowJson;

    @Column(name = "panel_version")
    public long panelVersion;

    public static class Key implements Serializable {
        public String cityId;
        public int day;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cityId, k.cityId) && day == k.day;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cityId, day);
        }
    }
}
