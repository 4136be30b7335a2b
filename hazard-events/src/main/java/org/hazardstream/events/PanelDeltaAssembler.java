package org.hazardstream.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.hazardstream.study.panel.PanelRow;

/**
 * Puts the chunks of one study's {@link PanelDelta}s back together, for every consumer of the panel-deltas topic.
 * A version is handed out once, when all its chunks are in; a chunk sent twice (the producer's outbox relay resends
 * after a crash) replaces its copy, and a chunk of a version already handed out is ignored. Chunks of a study
 * arrive in order (one key, one partition), so a chunk of a newer version means the older one will not complete
 * (it never happens with one producer; the older chunks are dropped).
 * Not thread-safe: one per study per consuming thread.
 */
public final class PanelDeltaAssembler {

    /** A whole version of a study's panel: every row it changed and every row it removed. */
    public record CompleteVersion(
            String study, PanelVersionCompleted version, List<PanelRow> rows, List<PanelDelta.RowKey> removed) {}

    private long lastComplete;
    private long pendingVersion = -1;
    private final TreeMap<Integer, PanelDelta> pending = new TreeMap<>();

    /**
     * Takes one chunk.
     *
     * @return the version it completes, or empty
     * @throws IllegalArgumentException for a chunk of a newer schema, or one whose numbering is impossible
     */
    public Optional<CompleteVersion> accept(PanelDelta chunk) {
        if (chunk.schemaVersion() > PanelDelta.SCHEMA_VERSION) {
            throw new IllegalArgumentException("panel delta " + chunk.eventId() + " has schema version "
                    + chunk.schemaVersion() + "; this reader knows up to " + PanelDelta.SCHEMA_VERSION);
        }
        if (chunk.chunks() < 1 || chunk.chunk() < 0 || chunk.chunk() >= chunk.chunks()) {
            throw new IllegalArgumentException(
                    "panel delta " + chunk.eventId() + ": chunk " + chunk.chunk() + " of " + chunk.chunks());
        }
        long version = chunk.version().panelVersion();
        if (version <= lastComplete) {
            return Optional.empty();
        }
        if (version != pendingVersion) {
            pending.clear();
            pendingVersion = version;
        }
        pending.put(chunk.chunk(), chunk);
        if (pending.size() < chunk.chunks()) {
            return Optional.empty();
        }
        List<PanelRow> rows = new ArrayList<>();
        List<PanelDelta.RowKey> removed = new ArrayList<>();
        for (PanelDelta part : pending.values()) {
            rows.addAll(part.rows());
            removed.addAll(part.removed());
        }
        pending.clear();
        pendingVersion = -1;
        lastComplete = version;
        return Optional.of(new CompleteVersion(chunk.study(), chunk.version(), rows, removed));
    }

    /** The newest version handed out (0 before the first). */
    public long lastComplete() {
        return lastComplete;
    }
}
