package org.hazardstream.model.service;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;

/**
 * The panel as model-service holds it: columns of numbers, one block per city (cities in the contract's order, a
 * city's days ascending), changed in place by whole versions ({@link #apply}). A day's delta appends about one row
 * to each city's block, so applying it touches those rows only; a snapshot concatenates the blocks column by column
 * into the fitters' table (sequential copies, no row objects, no number parsed or printed). Changed only by whole
 * versions, on the consumer's thread; {@link #snapshot} is taken on that same thread.
 */
@ApplicationScoped
public class PanelReplica {

    private static final int NUMERIC_COLUMNS = 4 + PanelRow.COVARIATES.size(); // day, start, stop, event, covariates

    private final TreeMap<String, CityBlock> cities = new TreeMap<>();
    private volatile int size;
    private PanelVersionCompleted version;
    private String study;

    /** One city's rows, by ascending day: its province, dates and numeric columns. */
    private static final class CityBlock {
        int rows;
        String[] province = new String[8];
        String[] date = new String[8];
        final double[][] numbers = new double[NUMERIC_COLUMNS][8];

        /** True when the day was new to the city. */
        boolean put(PanelRow row) {
            int at = search(row.day());
            boolean added = at < 0;
            if (added) {
                at = -at - 1;
                makeRoom(at);
            }
            province[at] = row.provinceId();
            date[at] = row.date().toString();
            numbers[0][at] = row.day();
            numbers[1][at] = row.start();
            numbers[2][at] = row.stop();
            numbers[3][at] = row.event();
            for (int c = 0; c < PanelRow.COVARIATES.size(); c++) {
                Double value = row.covariates().get(c);
                numbers[4 + c][at] = value == null ? Double.NaN : value;
            }
            return added;
        }

        boolean remove(int day) {
            int at = search(day);
            if (at < 0) {
                return false;
            }
            int tail = rows - at - 1;
            System.arraycopy(province, at + 1, province, at, tail);
            System.arraycopy(date, at + 1, date, at, tail);
            for (double[] column : numbers) {
                System.arraycopy(column, at + 1, column, at, tail);
            }
            rows--;
            return true;
        }

        private int search(int day) {
            // The common case first: a delta appends the day after the city's last.
            if (rows == 0 || numbers[0][rows - 1] < day) {
                return -(rows + 1);
            }
            return Arrays.binarySearch(numbers[0], 0, rows, day);
        }

        private void makeRoom(int at) {
            if (rows == province.length) {
                int capacity = rows * 2;
                province = Arrays.copyOf(province, capacity);
                date = Arrays.copyOf(date, capacity);
                for (int c = 0; c < numbers.length; c++) {
                    numbers[c] = Arrays.copyOf(numbers[c], capacity);
                }
            }
            int tail = rows - at;
            System.arraycopy(province, at, province, at + 1, tail);
            System.arraycopy(date, at, date, at + 1, tail);
            for (double[] column : numbers) {
                System.arraycopy(column, at, column, at + 1, tail);
            }
            rows++;
        }
    }

    /** Applies one whole version: its removals, then its new and changed rows. */
    public synchronized void apply(CompleteVersion delta) {
        for (PanelDelta.RowKey key : delta.removed()) {
            CityBlock city = cities.get(key.cityId());
            if (city != null && city.remove(key.day())) {
                size--;
                if (city.rows == 0) {
                    cities.remove(key.cityId());
                }
            }
        }
        for (PanelRow row : delta.rows()) {
            if (cities.computeIfAbsent(row.cityId(), c -> new CityBlock()).put(row)) {
                size++;
            }
        }
        version = delta.version();
        study = delta.study();
    }

    public int size() {
        return size;
    }

    /** The panel as of the version last applied: a table of its own (later versions do not change it). */
    public synchronized PanelSnapshot snapshot() {
        int n = size;
        String[] cityId = new String[n];
        String[] province = new String[n];
        String[] date = new String[n];
        double[][] numbers = new double[NUMERIC_COLUMNS][n];
        int events = 0;
        int at = 0;
        for (var entry : cities.entrySet()) {
            CityBlock city = entry.getValue();
            Arrays.fill(cityId, at, at + city.rows, entry.getKey());
            System.arraycopy(city.province, 0, province, at, city.rows);
            System.arraycopy(city.date, 0, date, at, city.rows);
            for (int c = 0; c < NUMERIC_COLUMNS; c++) {
                System.arraycopy(city.numbers[c], 0, numbers[c], at, city.rows);
            }
            for (int r = 0; r < city.rows; r++) {
                events += city.numbers[3][r] != 0 ? 1 : 0;
            }
            at += city.rows;
        }
        List<String> columns = PanelRow.COLUMNS;
        DataTable.Columns table = DataTable.columns("panel", n)
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
        return new PanelSnapshot(study, version, table.build(), n, events);
    }
}
