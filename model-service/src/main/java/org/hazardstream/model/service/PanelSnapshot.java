package org.hazardstream.model.service;

import java.util.Arrays;
import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.study.panel.PanelRow;

/**
 * The replica as it stood after a whole panel version: a consistent panel, immutable. It keeps the replica's city
 * blocks as they were (see {@link PanelReplica}) and concatenates them into the fitters' table when a fit first asks
 * for it: its rows in contract order (city_id as text, then day), the same table the CLI reads from the panel's CSV.
 */
public final class PanelSnapshot {

    /** One city's rows as a snapshot sees them: the first {@code rows} entries of the block's arrays. */
    record CityRows(String cityId, int rows, String[] province, String[] date, double[][] numbers) {}

    private final String study;
    private final PanelVersionCompleted version;
    private final List<CityRows> cities;
    private final int rows;
    private final int events;
    private DataTable table;

    PanelSnapshot(String study, PanelVersionCompleted version, List<CityRows> cities, int rows, int events) {
        this.study = study;
        this.version = version;
        this.cities = List.copyOf(cities);
        this.rows = rows;
        this.events = events;
    }

    /** A snapshot of rows given whole (a replayed panel, the warm-up's panel), through the replica. */
    public static PanelSnapshot of(String study, PanelVersionCompleted version, List<PanelRow> rows) {
        PanelReplica replica = new PanelReplica();
        replica.apply(new CompleteVersion(study, version, rows, List.of()));
        return replica.snapshot();
    }

    /** The study the panel belongs to. */
    public String study() {
        return study;
    }

    /** The version, with its panel's totals. */
    public PanelVersionCompleted version() {
        return version;
    }

    public long panelVersion() {
        return version.panelVersion();
    }

    /** Rows in the panel. */
    public int rows() {
        return rows;
    }

    /** Rows with an event. */
    public int events() {
        return events;
    }

    public FitResultEvent.Lineage lineage() {
        return new FitResultEvent.Lineage(version.panelVersion(), rows, events, version.dataThrough());
    }

    /** The fitters' table, built on the first call (every spec of a version reads the same one). */
    public synchronized DataTable table() {
        if (table == null) {
            table = concatenate();
        }
        return table;
    }

    private DataTable concatenate() {
        String[] cityId = new String[rows];
        String[] province = new String[rows];
        String[] date = new String[rows];
        double[][] numbers = new double[PanelReplica.NUMERIC_COLUMNS][rows];
        int at = 0;
        for (CityRows city : cities) {
            Arrays.fill(cityId, at, at + city.rows(), city.cityId());
            System.arraycopy(city.province(), 0, province, at, city.rows());
            System.arraycopy(city.date(), 0, date, at, city.rows());
            for (int c = 0; c < numbers.length; c++) {
                System.arraycopy(city.numbers()[c], 0, numbers[c], at, city.rows());
            }
            at += city.rows();
        }
        List<String> columns = PanelRow.COLUMNS;
        DataTable.Columns table = DataTable.columns("panel", rows)
                .text(columns.get(0), cityId)
                .text(columns.get(1), province)
                .numbers(columns.get(2), numbers[0])
                .text(columns.get(3), date)
                .numbers(columns.get(4), numbers[1])
                .numbers(columns.get(5), numbers[2])
                .numbers(columns.get(6), numbers[3]);
        for (int c = 0; c < PanelRow.COVARIATES.size(); c++) {
            table.numbers(PanelRow.COVARIATES.get(c), numbers[4 + c]);
        }
        return table.build();
    }
}
