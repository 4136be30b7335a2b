package org.hazardstream.panel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelRow;

/**
 * The committed panel as readers see it: replaced whole after each committed batch, never changed in place. It
 * shares the per-city row lists (immutable) with the processor's mirror, so taking one costs O(cities); the
 * {@link Panel} (a sorted copy of every row) is built only when someone reads it.
 *
 * @param rowsByCity     each city's rows in day order, cities in text order
 * @param excludedCities cities that adopted before the window
 * @param dataThrough    the data-through date D of the panel contract, or null while there is no daily record
 * @param recordsApplied raw records applied since the panel began (redeliveries not counted)
 */
public record PanelSnapshot(
        long version,
        SortedMap<String, List<PanelRow>> rowsByCity,
        List<String> excludedCities,
        LocalDate dataThrough,
        long recordsApplied,
        int rows,
        int events) {

    public static final PanelSnapshot EMPTY =
            new PanelSnapshot(0, Collections.emptySortedMap(), List.of(), null, 0, 0, 0);

    public static PanelSnapshot of(
            long version,
            SortedMap<String, List<PanelRow>> rowsByCity,
            List<String> excludedCities,
            LocalDate dataThrough,
            long recordsApplied) {
        int rows = 0;
        int events = 0;
        for (List<PanelRow> city : rowsByCity.values()) {
            rows += city.size();
            // a city's only possible event is on its last row
            events += !city.isEmpty() && city.get(city.size() - 1).event() > 0 ? 1 : 0;
        }
        return new PanelSnapshot(
                version,
                Collections.unmodifiableSortedMap(new TreeMap<>(rowsByCity)),
                List.copyOf(excludedCities),
                dataThrough,
                recordsApplied,
                rows,
                events);
    }

    public int cities() {
        return rowsByCity.size();
    }

    /** The panel in contract order (built on each call: for the CSV endpoint and tests, not for hot paths). */
    public Panel panel() {
        List<PanelRow> all = new ArrayList<>(rows);
        rowsByCity.values().forEach(all::addAll);
        return new Panel(all, excludedCities);
    }
}
