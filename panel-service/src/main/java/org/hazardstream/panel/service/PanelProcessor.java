package org.hazardstream.panel.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hazardstream.core.panel.FieldError;
import org.hazardstream.core.panel.Panel;
import org.hazardstream.core.panel.PanelBuilder;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.core.panel.PanelSettings;
import org.hazardstream.core.panel.RawData;
import org.hazardstream.core.panel.RawRecord;
import org.hazardstream.core.panel.RawStream;
import org.hazardstream.events.DeadLetter;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelEvent;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.panel.config.PanelConfig;
import org.hazardstream.panel.persistence.PanelRepository;
import org.hazardstream.panel.persistence.PanelRepository.OutboxWrite;
import org.hazardstream.panel.persistence.PanelRepository.PanelRowDelete;
import org.hazardstream.panel.persistence.PanelRepository.PanelRowWrite;
import org.hazardstream.panel.persistence.PanelRepository.RawRecordWrite;
import org.hazardstream.panel.persistence.PanelRowEntity;
import org.hazardstream.panel.persistence.PanelVersionEntity;
import org.hazardstream.panel.persistence.RawRecordEntity;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies batches of raw records to the panel. Keeps an in-memory mirror of the database (the latest raw records, the
 * Kafka position of each, and the panel rows) so that a batch costs only the cities it affects; the mirror is rebuilt
 * from the database at startup and after any failed batch, so it never disagrees with what was committed.
 *
 * <p>One batch = one transaction: raw-record upserts, changed panel rows, the new version and the outbox messages that
 * announce them (row changes, tombstones, then the version marker; dead letters) commit or roll back together. Offsets
 * are committed to Kafka only after the transaction, so a crash in between redelivers records that the stored
 * positions recognise as already applied.
 */
@ApplicationScoped
public class PanelProcessor {

    private static final Logger LOG = Logger.getLogger(PanelProcessor.class);

    private final PanelRepository repository;
    private final PanelMetrics metrics;
    private final PanelSettings settings;
    private final PanelBuilder builder = new PanelBuilder();

    // The mirror: guarded by this, changed only inside apply/reconcile.
    private RawData raw;
    private Map<String, Position> positions;
    private TreeMap<String, List<PanelRow>> rowsByCity;
    private long version;
    private long recordsApplied;
    private boolean loaded;

    private volatile PanelSnapshot snapshot = PanelSnapshot.EMPTY;

    /** Where the stored record of a key was read from. */
    private record Position(int partition, long offset) {
    }

    public PanelProcessor(PanelRepository repository, PanelMetrics metrics, PanelConfig config) {
        this.repository = repository;
        this.metrics = metrics;
        this.settings = config.settings();
    }

    public PanelSettings settings() {
        return settings;
    }

    /** The committed panel. */
    public PanelSnapshot snapshot() {
        ensureLoadedQuietly();
        return snapshot;
    }

    /** Applies a batch of raw-records messages in one transaction; see the class comment. */
    public synchronized BatchOutcome apply(List<ConsumerRecord<String, String>> batch) {
        ensureLoaded();
        long started = System.nanoTime();
        try {
            BatchOutcome outcome = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(batch, false));
            publishSnapshot();
            metrics.recordBatch(outcome);
            LOG.debugf("batch of %d: %d applied, %d duplicates, %d dead letters, %d rows changed -> version %d in %.1f ms",
                    batch.size(), outcome.applied(), outcome.duplicates(), outcome.deadLetters(), outcome.rowsChanged(),
                    outcome.version(), (System.nanoTime() - started) / 1e6);
            return outcome;
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch of %d records failed; rebuilding the in-memory state from the database", batch.size());
            loaded = false;
            throw e;
        }
    }

    /** Forgets the in-memory state and rebuilds it from the database, as a restarted service would. */
    public synchronized void reload() {
        loaded = false;
        ensureLoaded();
    }

    private void ensureLoadedQuietly() {
        if (!loaded) {
            synchronized (this) {
                ensureLoaded();
            }
        }
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::loadFromDatabase);
        // Full rebuild as a fallback: the stored panel must be what the stored records give with the current
        // settings (a changed window or lag, or a panel written by an older version, is corrected here).
        BatchOutcome outcome = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(List.of(), true));
        if (outcome.rowsChanged() > 0) {
            LOG.infof("full rebuild at startup changed %d rows: panel version %d", outcome.rowsChanged(), version);
            metrics.recordBatch(outcome);
        }
        loaded = true;
        publishSnapshot();
    }

    private void loadFromDatabase() {
        raw = new RawData();
        positions = new HashMap<>();
        rowsByCity = new TreeMap<>();
        RawRecordEntity.<RawRecordEntity>streamAll().forEach(e -> {
            RawStream stream = RawStream.byId(e.stream).orElseThrow();
            raw.apply(new RawRecord(stream, readFields(e.fields)));
            positions.put(RawRecordEvent.topicKey(e.stream, e.recordKey), new Position(e.sourcePartition, e.sourceOffset));
        });
        Map<String, List<PanelRow>> rows = new HashMap<>();
        PanelRowEntity.<PanelRowEntity>streamAll().forEach(e -> rows.computeIfAbsent(e.cityId, c -> new ArrayList<>())
                .add(EventJson.read(e.rowJson, PanelRow.class)));
        rows.forEach((city, list) -> {
            list.sort(Panel.ROW_ORDER);
            rowsByCity.put(city, List.copyOf(list));
        });
        PanelVersionEntity stored = PanelVersionEntity.current();
        version = stored.version;
        recordsApplied = stored.recordsApplied;
        LOG.infof("loaded %d raw records and %d panel rows at version %d", raw.size(),
                rowsByCity.values().stream().mapToInt(List::size).sum(), version);
    }

    private BatchOutcome applyInTransaction(List<ConsumerRecord<String, String>> batch, boolean fullRebuild) {
        // By topic key: a batch holding a record and its correction stores the correction only (one row per key in
        // the upsert, which PostgreSQL requires of a multi-row INSERT ... ON CONFLICT).
        Map<String, RawRecordWrite> rawWrites = new LinkedHashMap<>();
        List<OutboxWrite> outbox = new ArrayList<>();
        Set<String> affectedCities = new TreeSet<>();
        Set<String> affectedProvinces = new HashSet<>();
        boolean allCities = fullRebuild;
        int applied = 0;
        int duplicates = 0;
        int deadLetters = 0;
        for (ConsumerRecord<String, String> message : batch) {
            Decoded decoded = decode(message);
            if (decoded.reason() != null) {
                DeadLetter letter = new DeadLetter(message.topic(), message.partition(), message.offset(),
                        message.key(), message.value(), decoded.reason(), Instant.now());
                outbox.add(new OutboxWrite(Topics.RAW_RECORDS_DLQ, message.key(), EventJson.write(letter)));
                deadLetters++;
                continue;
            }
            Position stored = positions.get(message.key());
            if (stored != null && stored.partition() == message.partition() && message.offset() <= stored.offset()) {
                duplicates++; // redelivered, or older than what we hold: the later offset of a key wins
                continue;
            }
            RawRecord record = decoded.record();
            allCities |= noteAffected(record, affectedCities, affectedProvinces);
            raw.apply(record);
            positions.put(message.key(), new Position(message.partition(), message.offset()));
            rawWrites.put(message.key(), new RawRecordWrite(record.stream().id(), record.key(),
                    EventJson.write(record.fields()), decoded.event().eventId(), message.partition(), message.offset()));
            applied++;
        }
        if (applied == 0 && !fullRebuild) {
            repository.write(List.of(), List.of(), List.of(), outbox, version);
            return new BatchOutcome(version, 0, duplicates, deadLetters, 0);
        }

        Set<String> cities = new TreeSet<>(affectedCities);
        if (allCities) {
            cities.addAll(raw.cities().keySet());
            cities.addAll(rowsByCity.keySet());
        } else if (!affectedProvinces.isEmpty()) {
            raw.cities().forEach((id, city) -> {
                if (affectedProvinces.contains(city.get("province_id"))) {
                    cities.add(id);
                }
            });
        }
        long nextVersion = version + 1;
        List<PanelRowWrite> rowWrites = new ArrayList<>();
        List<PanelRowDelete> rowDeletes = new ArrayList<>();
        for (String cityId : cities) {
            diffCity(cityId, nextVersion, rowWrites, rowDeletes, outbox);
        }
        int rowsChanged = rowWrites.size() + rowDeletes.size();
        if (fullRebuild && rowsChanged == 0) {
            return new BatchOutcome(version, 0, 0, 0, 0); // the stored panel is already right
        }
        version = nextVersion;
        recordsApplied += applied;
        PanelSnapshot next = snapshotOfMirror();
        Panel panel = next.panel();
        outbox.add(new OutboxWrite(Topics.PANEL, PanelEvent.VERSION_KEY, EventJson.write(new PanelVersionCompleted(
                version, panel.rows().size(), panel.cities(), panel.events(), next.dataThrough(), applied, rowsChanged,
                Instant.now()))));
        repository.write(List.copyOf(rawWrites.values()), rowWrites, rowDeletes, outbox, version);
        repository.setVersion(version, recordsApplied);
        return new BatchOutcome(version, applied, duplicates, deadLetters, rowsChanged);
    }

    /**
     * Notes which cities a record affects (before it is applied, so a city that changes province also re-derives
     * its old province); returns true when it affects every city.
     */
    private boolean noteAffected(RawRecord record, Set<String> cities, Set<String> provinces) {
        switch (record.stream()) {
            case DAILY -> cities.add(record.get("city_id"));
            case ADOPTIONS -> {
                // The city's own risk set, and the competition of every other city of its province.
                String cityId = record.get("city_id");
                cities.add(cityId);
                raw.city(cityId).ifPresent(c -> provinces.add(c.get("province_id")));
            }
            case CITIES -> {
                String cityId = record.get("city_id");
                cities.add(cityId);
                provinces.add(record.get("province_id"));
                raw.city(cityId).ifPresent(old -> provinces.add(old.get("province_id")));
            }
            case PROVINCES -> provinces.add(record.get("province_id"));
            case NATIONAL -> {
                return true;
            }
        }
        return false;
    }

    private void diffCity(String cityId, long nextVersion, List<PanelRowWrite> writes, List<PanelRowDelete> deletes,
            List<OutboxWrite> outbox) {
        List<PanelRow> fresh = builder.rowsForCity(raw, settings, cityId);
        List<PanelRow> old = rowsByCity.getOrDefault(cityId, List.of());
        Map<Integer, PanelRow> oldByDay = new HashMap<>();
        old.forEach(r -> oldByDay.put(r.day(), r));
        Set<Integer> freshDays = new HashSet<>();
        for (PanelRow row : fresh) {
            freshDays.add(row.day());
            if (!row.equals(oldByDay.get(row.day()))) {
                String rowJson = EventJson.write(row);
                writes.add(new PanelRowWrite(cityId, row.day(), rowJson));
                outbox.add(new OutboxWrite(Topics.PANEL, PanelEvent.rowKey(cityId, row.day()),
                        EventJson.writeRowChanged(nextVersion, rowJson)));
            }
        }
        for (PanelRow row : old) {
            if (!freshDays.contains(row.day())) {
                deletes.add(new PanelRowDelete(cityId, row.day()));
                outbox.add(new OutboxWrite(Topics.PANEL, PanelEvent.rowKey(cityId, row.day()), null));
            }
        }
        if (fresh.isEmpty()) {
            rowsByCity.remove(cityId);
        } else {
            rowsByCity.put(cityId, fresh);
        }
    }

    private record Decoded(RawRecordEvent event, RawRecord record, String reason) {
        static Decoded poison(String reason) {
            return new Decoded(null, null, reason);
        }
    }

    /** The record in a message, or the reason it cannot be applied. */
    private static Decoded decode(ConsumerRecord<String, String> message) {
        if (message.value() == null) {
            return Decoded.poison("tombstone: raw records are replaced by later records, never deleted");
        }
        RawRecordEvent event;
        try {
            event = EventJson.read(message.value(), RawRecordEvent.class);
        } catch (RuntimeException e) {
            return Decoded.poison("not a RawRecordEvent: " + e.getMessage());
        }
        if (event == null || event.stream() == null || RawStream.byId(event.stream()).isEmpty()) {
            return Decoded.poison("unknown stream '" + (event == null ? null : event.stream()) + "'");
        }
        RawRecord record = event.toRawRecord();
        List<FieldError> errors = record.validate();
        if (!errors.isEmpty()) {
            return Decoded.poison("invalid " + event.stream() + " record: "
                    + errors.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        String expectedKey = RawRecordEvent.topicKey(event.stream(), record.key());
        if (!expectedKey.equals(message.key())) {
            return Decoded.poison("message key '" + message.key() + "' is not the record's key '" + expectedKey + "'");
        }
        return new Decoded(event, record, null);
    }

    private static Map<String, String> readFields(String json) {
        @SuppressWarnings("unchecked")
        Map<String, String> fields = EventJson.read(json, LinkedHashMap.class);
        return fields;
    }

    private PanelSnapshot snapshotOfMirror() {
        List<PanelRow> rows = new ArrayList<>();
        rowsByCity.values().forEach(rows::addAll);
        List<String> excluded = raw.cities().keySet().stream().filter(c -> !rowsByCity.containsKey(c)).toList();
        LocalDate dataThrough = null;
        for (String cityId : raw.cities().keySet()) {
            Optional<LocalDate> last = raw.daily(cityId).isEmpty() ? Optional.empty()
                    : Optional.of(raw.daily(cityId).lastKey());
            if (last.isPresent() && (dataThrough == null || last.get().isAfter(dataThrough))) {
                dataThrough = last.get();
            }
        }
        return new PanelSnapshot(version, new Panel(rows, excluded), dataThrough, recordsApplied);
    }

    private void publishSnapshot() {
        snapshot = snapshotOfMirror();
        metrics.setVersion(version);
    }
}
