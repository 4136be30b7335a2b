package org.hazardstream.model.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;

/**
 * The in-memory copy of the panel, rebuilt from the panel-deltas topic on every start (the topic is the source of
 * truth, so nothing here needs persisting). Rows are held by city (text order) and day, the panel contract's row
 * order, so a snapshot is a walk (the panel's sort then meets rows already in order: one linear pass). Changed only by whole versions ({@link #apply}), on the consumer's
 * thread; {@link #snapshot} is taken on that same thread.
 */
@ApplicationScoped
public class PanelReplica {

    private final TreeMap<String, TreeMap<Integer, PanelRow>> rowsByCity = new TreeMap<>();
    private volatile int size;
    private PanelVersionCompleted version;
    private String study;

    /** Applies one whole version: its removals, then its new and changed rows. */
    public synchronized void apply(CompleteVersion delta) {
        for (PanelDelta.RowKey key : delta.removed()) {
            TreeMap<Integer, PanelRow> city = rowsByCity.get(key.cityId());
            if (city != null && city.remove(key.day()) != null) {
                size--;
                if (city.isEmpty()) {
                    rowsByCity.remove(key.cityId());
                }
            }
        }
        for (PanelRow row : delta.rows()) {
            if (rowsByCity.computeIfAbsent(row.cityId(), c -> new TreeMap<>()).put(row.day(), row) == null) {
                size++;
            }
        }
        version = delta.version();
        study = delta.study();
    }

    public int size() {
        return size;
    }

    /** The panel as of the version last applied. */
    public synchronized PanelSnapshot snapshot() {
        List<PanelRow> rows = new ArrayList<>(size);
        for (Map<Integer, PanelRow> city : rowsByCity.values()) {
            rows.addAll(city.values());
        }
        return PanelSnapshot.of(study, version, rows);
    }
}
