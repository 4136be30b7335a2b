package org.hazardstream.model.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.study.panel.PanelRow;

/**
 * The panel as model-service holds it: columns of numbers, one block per city (cities in the contract's order, a
 * city's days ascending), changed in place by whole versions ({@link #apply}). A day's delta appends about one row
 * to each city's block, so applying it touches those rows only. A snapshot costs a reference per city: it keeps each
 * block's arrays and row count as they are, and a later version appends past that count, or copies a block before it
 * changes a row the snapshot can see (a correction, a removal). The fitters' table is concatenated from the kept
 * blocks when a fit first asks for it, so a version no spec is fitted on costs no table. Changed only by whole
 * versions, on the consumer's thread; {@link #snapshot} is taken on that same thread.
 */
@ApplicationScoped
public class PanelReplica {

    static final int NUMERIC_COLUMNS = 4 + PanelRow.COVARIATES.size(); // day, start, stop, event, covariates
    private static final int EVENT = 3;

    private final TreeMap<String, CityBlock> cities = new TreeMap<>();
    private volatile int size;
    private int events;
    private PanelVersionCompleted version;
    private String study;

    /** One city's rows, by ascending day: its province, dates and numeric columns. */
    private static final class CityBlock {
        int rows;
        String[] province = new String[8];
        String[] date = new String[8];
        final double[][] numbers = new double[NUMERIC_COLUMNS][8];
        /** A snapshot holds these arrays: rows below its count must be copied before they change. */
        boolean shared;

        /** The change in the number of event rows; {@code added[0]} true when the day was new to the city. */
        int put(PanelRow row, boolean[] added) {
            int at = search(row.day());
            int eventsBefore = 0;
            if (at < 0) {
                at = -at - 1;
                makeRoom(at);
                added[0] = true;
            } else {
                own();
                eventsBefore = numbers[EVENT][at] != 0 ? 1 : 0;
                added[0] = false;
            }
            province[at] = row.provinceId();
            date[at] = row.date().toString();
            numbers[0][at] = row.day();
            numbers[1][at] = row.start();
            numbers[2][at] = row.stop();
            numbers[EVENT][at] = row.event();
            for (int c = 0; c < PanelRow.COVARIATES.size(); c++) {
                Double value = row.covariates().get(c);
                numbers[4 + c][at] = value == null ? Double.NaN : value;
            }
            return (row.event() != 0 ? 1 : 0) - eventsBefore;
        }

        /** The change in the number of event rows (0 or -1); null when the city had no such day. */
        Integer remove(int day) {
            int at = search(day);
            if (at < 0) {
                return null;
            }
            own();
            int eventRemoved = numbers[EVENT][at] != 0 ? -1 : 0;
            int tail = rows - at - 1;
            System.arraycopy(province, at + 1, province, at, tail);
            System.arraycopy(date, at + 1, date, at, tail);
            for (double[] column : numbers) {
                System.arraycopy(column, at + 1, column, at, tail);
            }
            rows--;
            return eventRemoved;
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
                // New arrays: a snapshot keeps the old ones.
                int capacity = rows * 2;
                province = Arrays.copyOf(province, capacity);
                date = Arrays.copyOf(date, capacity);
                for (int c = 0; c < numbers.length; c++) {
                    numbers[c] = Arrays.copyOf(numbers[c], capacity);
                }
                shared = false;
            } else if (at < rows) {
                own(); // an insertion shifts rows a snapshot can see; an append writes past them
            }
            int tail = rows - at;
            System.arraycopy(province, at, province, at + 1, tail);
            System.arraycopy(date, at, date, at + 1, tail);
            for (double[] column : numbers) {
                System.arraycopy(column, at, column, at + 1, tail);
            }
            rows++;
        }

        private void own() {
            if (shared) {
                province = province.clone();
                date = date.clone();
                for (int c = 0; c < numbers.length; c++) {
                    numbers[c] = numbers[c].clone();
                }
                shared = false;
            }
        }

        PanelSnapshot.CityRows keep(String cityId) {
            shared = true;
            return new PanelSnapshot.CityRows(cityId, rows, province, date, numbers.clone());
        }
    }

    /** Applies one whole version: its removals, then its new and changed rows. */
    public synchronized void apply(CompleteVersion delta) {
        for (PanelDelta.RowKey key : delta.removed()) {
            CityBlock city = cities.get(key.cityId());
            Integer eventChange = city == null ? null : city.remove(key.day());
            if (eventChange != null) {
                size--;
                events += eventChange;
                if (city.rows == 0) {
                    cities.remove(key.cityId());
                }
            }
        }
        boolean[] added = new boolean[1];
        for (PanelRow row : delta.rows()) {
            events += cities.computeIfAbsent(row.cityId(), c -> new CityBlock()).put(row, added);
            if (added[0]) {
                size++;
            }
        }
        version = delta.version();
        study = delta.study();
    }

    public int size() {
        return size;
    }

    /** The panel as of the version last applied (later versions do not change it). */
    public synchronized PanelSnapshot snapshot() {
        List<PanelSnapshot.CityRows> kept = new ArrayList<>(cities.size());
        cities.forEach((cityId, block) -> kept.add(block.keep(cityId)));
        return new PanelSnapshot(study, version, kept, size, events);
    }
}
