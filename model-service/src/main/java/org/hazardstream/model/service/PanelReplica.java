package org.hazardstream.model.service;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.PanelVersionCompleted;

/**
 * The in-memory copy of the panel, rebuilt from the compacted panel topic on every start (the topic is the source
 * of truth, so nothing here needs persisting). Rows are keyed by the topic key {@code row|<city_id>|<day>}.
 * Written by the single consumer of the panel topic only; {@link #snapshot} is taken on that same thread, right
 * after a version marker, when every row change of that version has been applied.
 */
@ApplicationScoped
public class PanelReplica {

    private final Map<String, PanelRow> rows = new ConcurrentHashMap<>();

    public void upsert(String key, PanelRow row) {
        rows.put(key, row);
    }

    public void remove(String key) {
        rows.remove(key);
    }

    public int size() {
        return rows.size();
    }

    public PanelSnapshot snapshot(PanelVersionCompleted version) {
        return PanelSnapshot.of(version, new ArrayList<>(rows.values()));
    }
}
