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
 * @param panel   its rows in contract order (city_id as text, then day), as the offline builder writes them
 */
public record PanelSnapshot(String study, PanelVersionCompleted version, Panel panel) {

    public static PanelSnapshot of(String study, PanelVersionCompleted version, List<PanelRow> rows) {
        return new PanelSnapshot(study, version, new Panel(rows, List.of()));
    }

    public long panelVersion() {
        return version.panelVersion();
    }

    /** The long-format table the fitters read; the same table the CLI reads from the panel's CSV. */
    public DataTable dataTable() {
        return panel.toDataTable();
    }

    public FitResultEvent.Lineage lineage() {
        return new FitResultEvent.Lineage(version.panelVersion(), panel.rows().size(), panel.events(),
                version.dataThrough());
    }
}
