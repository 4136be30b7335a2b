package org.hazardstream.panel.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hazardstream.events.DeadLetter;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaChunks;
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
import org.hazardstream.study.panel.FieldError;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelRow;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;
import org.hazardstream.study.panel.RawRecord;
import org.hazardstream.study.panel.RawStream;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies batches of raw records to the panel. Keeps an in-memory mirror of the database (the latest raw records, the
 * Kafka position of each, and the panel rows) so that a batch costs only the rows it can reach; the mirror is rebuilt
 * from the database at startup and after any failed batch, so it never disagrees with what was committed.
 *
 * <p>What a batch can reach: a record dated d changes rows from day t(d) + lag on (their reference date is d or
 * later), and a data-through date moving from D to D' appends days t(D) + 1 .. t(D'). So a day's data, which moves D by
 * one day, changes about one row per city (the panel is censored at D: panel-contract.md, "Observation").
 *
 * <p>One batch = one transaction: raw-record upserts, changed panel rows, the new version and the outbox messages that
 * announce them (the version's {@link PanelDelta}, in chunks when large; dead letters) commit or roll back together.
 * Offsets are committed to Kafka only after the transaction, so a crash in between redelivers records that the stored
 * positions recognise as already applied.
 */
@ApplicationScoped
public class PanelProcessor {

    private static final Logger LOG = Logger.getLogger(PanelProcessor.class);

    private final PanelRepository repository;
    private final PanelMetrics metrics;
    private final PanelSettings settings;
    private final String study;
    private final int maxDeltaBytes;
    private final PanelBuilder builder = new PanelBuilder();

    // The mirror: guarded by this, changed only inside apply/reconcile.
    private RawData raw;
    private Map<String, Position> positions;
    private TreeMap<String, List<PanelRow>> rowsByCity;
    private LocalDate dataThrough;
    private long version;
    private long recordsApplied;
    private boolean loaded;

    private volatile PanelSnapshot snapshot = PanelSnapshot.EMPTY;

    /** Where the stored record of a key was read from. */
    private record Position(int partition, long offset) {}

    public PanelProcessor(PanelRepository repository, PanelMetrics metrics, PanelConfig config) {
        this.repository = repository;
        this.metrics = metrics;
        this.settings = config.settings();
        this.study = config.study();
        this.maxDeltaBytes = config.delta().maxMessageBytes();
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
            LOG.debugf(
                    "batch of %d: %d applied, %d duplicates, %d dead letters, %d rows changed -> version %d in %.1f ms",
                    batch.size(),
                    outcome.applied(),
                    outcome.duplicates(),
                    outcome.deadLetters(),
                    outcome.rowsChanged(),
                    outcome.version(),
                    (System.nanoTime() - started) / 1e6);
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
            positions.put(
                    RawRecordEvent.topicKey(e.stream, e.recordKey), new Position(e.sourcePartition, e.sourceOffset));
        });
        Map<String, List<PanelRow>> rows = new HashMap<>();
        PanelRowEntity.<PanelRowEntity>streamAll()
                .forEach(e -> rows.computeIfAbsent(e.cityId, c -> new ArrayList<>())
                        .add(EventJson.read(e.rowJson, PanelRow.class)));
        rows.forEach((city, list) -> {
            list.sort(Panel.ROW_ORDER);
            rowsByCity.put(city, List.copyOf(list));
        });
        dataThrough = PanelBuilder.dataThrough(raw, settings);
        PanelVersionEntity stored = PanelVersionEntity.current();
        version = stored.version;
        recordsApplied = stored.recordsApplied;
        LOG.infof(
                "loaded %d raw records and %d panel rows at version %d",
                raw.size(), rowsByCity.values().stream().mapToInt(List::size).sum(), version);
    }

    private BatchOutcome applyInTransaction(List<ConsumerRecord<String, String>> batch, boolean fullRebuild) {
        // By topic key: a batch holding a record and its correction stores the correction only (one row per key in
        // the upsert, which PostgreSQL requires of a multi-row INSERT ... ON CONFLICT).
        Map<String, RawRecordWrite> rawWrites = new LinkedHashMap<>();
        List<OutboxWrite> outbox = new ArrayList<>();
        Reach reach = new Reach();
        if (fullRebuild) {
            reach.allFrom(1);
        }
        int applied = 0;
        int duplicates = 0;
        int deadLetters = 0;
        for (ConsumerRecord<String, String> message : batch) {
            Decoded decoded = decode(message);
            if (decoded.reason() != null) {
                DeadLetter letter = new DeadLetter(
                        message.topic(),
                        message.partition(),
                        message.offset(),
                        message.key(),
                        message.value(),
                        decoded.reason(),
                        Instant.now());
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
            noteReach(record, reach);
            raw.apply(record);
            positions.put(message.key(), new Position(message.partition(), message.offset()));
            rawWrites.put(
                    message.key(),
                    new RawRecordWrite(
                            record.stream().id(),
                            record.key(),
                            EventJson.write(record.fields()),
                            decoded.event().eventId(),
                            message.partition(),
                            message.offset()));
            applied++;
        }
        if (applied == 0 && !fullRebuild) {
            repository.write(List.of(), List.of(), List.of(), outbox, version);
            return new BatchOutcome(version, 0, duplicates, deadLetters, 0);
        }

        // The data-through date moved: days between the old and the new t(D) appear (or, after a settings change,
        // disappear) for every city.
        LocalDate nextThrough = PanelBuilder.dataThrough(raw, settings);
        int observedBefore = settings.observedDays(dataThrough);
        int observedAfter = settings.observedDays(nextThrough);
        if (observedAfter != observedBefore) {
            reach.allFrom(Math.min(observedBefore, observedAfter) + 1);
        }
        Map<String, Integer> firstDays = reach.firstDays(raw, rowsByCity.keySet());
        Map<String, List<PanelRow>> fresh = builder.rowsForCities(raw, settings, firstDays);

        long nextVersion = version + 1;
        Delta delta = new Delta();
        for (Map.Entry<String, Integer> city : new TreeMap<>(firstDays).entrySet()) {
            diffCity(city.getKey(), city.getValue(), fresh.get(city.getKey()), delta);
        }
        int rowsChanged = delta.size();
        dataThrough = nextThrough;
        if (fullRebuild && rowsChanged == 0) {
            return new BatchOutcome(version, 0, 0, 0, 0); // the stored panel is already right
        }
        version = nextVersion;
        recordsApplied += applied;
        PanelSnapshot next = snapshotOfMirror();
        PanelVersionCompleted completed = new PanelVersionCompleted(
                version, next.rows(), next.cities(), next.events(), dataThrough, applied, rowsChanged, Instant.now());
        outbox.addAll(delta.messages(completed));
        repository.write(List.copyOf(rawWrites.values()), delta.rowWrites, delta.rowDeletes, outbox, version);
        repository.setVersion(version, recordsApplied);
        return new BatchOutcome(version, applied, duplicates, deadLetters, rowsChanged);
    }

    /**
     * The first day of each city that a batch's records can change. A city absent from both maps is untouched;
     * {@link #allFrom} reaches every city (a national record, a moved data-through date).
     */
    private final class Reach {
        private final Map<String, Integer> cities = new HashMap<>();
        private final Map<String, Integer> provinces = new HashMap<>();
        private int allFrom = Integer.MAX_VALUE;

        void city(String cityId, int firstDay) {
            cities.merge(cityId, Math.max(1, firstDay), Math::min);
        }

        void province(String provinceId, int firstDay) {
            provinces.merge(provinceId, Math.max(1, firstDay), Math::min);
        }

        void allFrom(int firstDay) {
            allFrom = Math.min(allFrom, Math.max(1, firstDay));
        }

        /** Per city, the first day to re-derive: over the known cities and those that still have rows. */
        Map<String, Integer> firstDays(RawData data, java.util.Collection<String> citiesWithRows) {
            Map<String, Integer> firstDays = new HashMap<>(cities);
            if (!provinces.isEmpty()) {
                data.cities().forEach((id, city) -> {
                    Integer first = provinces.get(city.get("province_id"));
                    if (first != null) {
                        firstDays.merge(id, first, Math::min);
                    }
                });
            }
            if (allFrom != Integer.MAX_VALUE) {
                data.cities().keySet().forEach(id -> firstDays.merge(id, allFrom, Math::min));
                citiesWithRows.forEach(id -> firstDays.merge(id, allFrom, Math::min));
            }
            return firstDays;
        }
    }

    /**
     * Notes which rows a record can change, before it is applied (so the record it replaces is still at hand: a city
     * that changes province also re-derives its old province, a moved adoption date both of its dates).
     */
    private void noteReach(RawRecord record, Reach reach) {
        switch (record.stream()) {
            case DAILY -> reach.city(record.get("city_id"), firstDayReading(record.get("date")));
            case NATIONAL -> reach.allFrom(firstDayReading(record.get("date")));
            case ADOPTIONS -> {
                // The city's own risk set (and whether it is excluded), and the competition of its province.
                String cityId = record.get("city_id");
                reach.city(cityId, 1);
                int first = firstDayReading(record.get("date"));
                String before = raw.adoption(cityId).map(a -> a.get("date")).orElse("");
                first = Math.min(first, firstDayReading(before));
                int competitionFrom = first;
                raw.city(cityId).ifPresent(c -> reach.province(c.get("province_id"), competitionFrom));
            }
            case CITIES -> {
                String cityId = record.get("city_id");
                reach.city(cityId, 1);
                reach.province(record.get("province_id"), 1);
                raw.city(cityId).ifPresent(old -> reach.province(old.get("province_id"), 1));
            }
            case PROVINCES -> reach.province(record.get("province_id"), 1);
        }
    }

    /** {@link PanelSettings#firstDayReading} of a record's date; an empty date reaches no day. */
    private int firstDayReading(String date) {
        return date == null || date.isEmpty() ? Integer.MAX_VALUE : settings.firstDayReading(LocalDate.parse(date));
    }

    /** Compares a city's fresh rows from {@code firstDay} on with the rows it had, and notes what changed. */
    private void diffCity(String cityId, int firstDay, List<PanelRow> freshTail, Delta delta) {
        List<PanelRow> old = rowsByCity.getOrDefault(cityId, List.of());
        // Rows are days 1..n in order, so a day's row sits at index day - 1.
        int keep = Math.min(old.size(), firstDay - 1);
        List<PanelRow> oldTail = old.subList(keep, old.size());
        int changesBefore = delta.size();
        for (int i = 0; i < freshTail.size(); i++) {
            PanelRow row = freshTail.get(i);
            if (i >= oldTail.size() || !row.equals(oldTail.get(i))) {
                delta.changed(row);
            }
        }
        for (int i = freshTail.size(); i < oldTail.size(); i++) {
            delta.removed(oldTail.get(i));
        }
        if (delta.size() == changesBefore) {
            return;
        }
        List<PanelRow> rows = new ArrayList<>(keep + freshTail.size());
        rows.addAll(old.subList(0, keep));
        rows.addAll(freshTail);
        if (rows.isEmpty()) {
            rowsByCity.remove(cityId);
        } else {
            rowsByCity.put(cityId, List.copyOf(rows));
        }
    }

    /** The rows a version changes: database writes and the delta messages, each row's JSON written once. */
    private final class Delta {
        final List<PanelRowWrite> rowWrites = new ArrayList<>();
        final List<PanelRowDelete> rowDeletes = new ArrayList<>();

        void changed(PanelRow row) {
            rowWrites.add(new PanelRowWrite(row.cityId(), row.day(), EventJson.write(row)));
        }

        void removed(PanelRow row) {
            rowDeletes.add(new PanelRowDelete(row.cityId(), row.day()));
        }

        int size() {
            return rowWrites.size() + rowDeletes.size();
        }

        /** The version's delta as outbox messages (chunked under the broker's message limit). */
        List<OutboxWrite> messages(PanelVersionCompleted completed) {
            List<PanelDelta.RowKey> removed = rowDeletes.stream()
                    .map(d -> new PanelDelta.RowKey(d.cityId(), d.day()))
                    .toList();
            return PanelDeltaChunks.write(
                            study,
                            completed,
                            rowWrites.stream().map(PanelRowWrite::rowJson).toList(),
                            removed,
                            maxDeltaBytes)
                    .stream()
                    .map(message -> new OutboxWrite(Topics.PANEL_DELTAS, study, message))
                    .toList();
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
        if (event == null
                || event.stream() == null
                || RawStream.byId(event.stream()).isEmpty()) {
            return Decoded.poison("unknown stream '" + (event == null ? null : event.stream()) + "'");
        }
        RawRecord record = event.toRawRecord();
        List<FieldError> errors = record.validate();
        if (!errors.isEmpty()) {
            return Decoded.poison("invalid " + event.stream() + " record: "
                    + errors.stream()
                            .map(FieldError::toString)
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
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
        return PanelSnapshot.of(
                version, rowsByCity, PanelBuilder.excludedCities(raw, settings), dataThrough, recordsApplied);
    }

    private void publishSnapshot() {
        snapshot = snapshotOfMirror();
        metrics.setVersion(version);
    }
}
