package org.hazardstream.model.service;

import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.panel.Panel;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.PanelVersionCompleted;

/**
 * The replica as it stood after a whole panel version: a consistent panel, immutable.
 *
 * @param study   the study the panel belongs to
 * @param version the version, with its panel's totals
 * @param table   its rows in contract order (city_id as text, then day), the same table the CLI reads from the
 *                panel's CSV
 * @param rows    rows in the table
 * @param events  rows with an event
 */
public record PanelSnapshot(String study, PanelVersionCompleted version, DataTable table, int rows, int events) {

    /** A snapshot of rows given whole (a replayed panel, the warm-up's panel). */
    public static PanelSnapshot of(String study, PanelVersionCompleted version, List<PanelRow> rows) {
        Panel panel = new Panel(rows, List.of());
        return new PanelSnapshot(study, version, panel.toDataTable(), rows.size(), panel.events());
    }

    public long panelVersion() {
        return version.panelVersion();
    }

    public FitResultEvent.Lineage lineage() {
        return new FitResultEvent.Lineage(version.panelVersion(), rows, events, version.dataThrough());
    }
}
