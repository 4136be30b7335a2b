package org.hazardstream.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.study.StudyDefinition.Covariate;
import org.hazardstream.study.StudyDefinition.Stream;

/**
 * Builds a study's observed panel from its latest records (study-contract.md): a pure function of the records'
 * content, whatever order they were applied in.
 *
 * <p>The panel is what has been observed: D = min(E, C, H), C the latest time of any record of the clock stream,
 * H an explicit through time; rows end at t(D) and an event after D is not yet an event.
 */
public final class StudyPanelBuilder {

    /** Units in text order by Unicode code point (String.compareTo compares UTF-16 units, which differs). */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private StudyPanelBuilder() {}

    /**
     * The observed panel.
     *
     * @param through an explicit through time H as a stream writes times, or null for none
     */
    public static StudyPanel build(StudyRecords records, String through) {
        return new Build(records, through).panel();
    }

    /** An event: its time (ordinal) and mode. */
    private record Event(long time, int mode) {}

    private static final class Build {
        private final StudyDefinition study;
        private final StudyRecords records;
        private final TimeAxis axis;
        private final Long dataThrough;
        private final int observedPeriods;
        private final NavigableMap<String, Map<String, String>> units = new TreeMap<>(CODE_POINT_ORDER);
        private final Map<String, Event> events = new HashMap<>();
        /** Per group column, per group id: its units. */
        private final Map<String, Map<String, List<String>>> members = new HashMap<>();

        private final Map<String, Set<String>> neighbours = new HashMap<>();
        /** Per series stream, per unit ("" for a global series), per column: values by time ordinal. */
        private final Map<String, Map<String, Map<String, NavigableMap<Long, Double>>>> series = new HashMap<>();

        private final Map<Integer, Formula> formulas = new HashMap<>();
        private final Map<String, Map<String, String>> groupRecords = new HashMap<>();

        Build(StudyRecords records, String through) {
            this.records = records;
            this.study = records.study();
            this.axis = records.axis();
            units.putAll(records.records(study.unitsStream().name()));
            Long explicit = null;
            if (through != null) {
                explicit = axis.ordinal(through);
                if (explicit == null) {
                    throw new BadInputException("through time '" + through + "' is not a "
                            + (axis.unit() == TimeUnit.DAY ? "date (YYYY-MM-DD)" : "year"));
                }
            }
            Long clock = study.time().clock() == null
                    ? Long.valueOf(axis.end())
                    : latestTime(study.time().clock());
            this.dataThrough =
                    clock == null ? null : Math.min(axis.end(), explicit == null ? clock : Math.min(clock, explicit));
            this.observedPeriods =
                    dataThrough == null ? 0 : (int) Math.max(0, Math.min(axis.periods(), axis.period(dataThrough)));
            indexEvents();
            indexGroups();
            indexNeighbours();
            indexSeries();
            Map<String, Integer> earlier = new HashMap<>();
            for (int k = 0; k < study.covariates().size(); k++) {
                Covariate c = study.covariates().get(k);
                if (c.kind() == CovariateKind.EXPRESSION) {
                    formulas.put(k, Formula.compile(c.formula(), Map.copyOf(earlier)));
                }
                earlier.put(c.name(), k);
            }
        }

        StudyPanel panel() {
            List<StudyPanel.Row> rows = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> unit : units.entrySet()) {
                Event event = events.get(unit.getKey());
                if (event != null && event.time() < axis.start()) {
                    excluded.add(unit.getKey());
                } else {
                    rowsOf(unit.getKey(), unit.getValue(), event, rows);
                }
            }
            return new StudyPanel(
                    StudyPanel.columnsOf(study), rows, excluded, dataThrough == null ? null : axis.textOf(dataThrough));
        }

        private void rowsOf(String unitId, Map<String, String> unit, Event event, List<StudyPanel.Row> rows) {
            int last = observedPeriods;
            int code = 0;
            if (event != null && dataThrough != null && event.time() <= dataThrough) {
                last = (int) axis.period(event.time());
                code = event.mode();
            }
            List<String> groups = study.unit().groups().stream().map(unit::get).toList();
            int width = study.covariates().size();
            for (int t = 1; t <= last; t++) {
                long reference = axis.reference(t);
                double[] values = new double[width];
                for (int k = 0; k < width; k++) {
                    values[k] = value(k, study.covariates().get(k), unitId, unit, reference, values);
                }
                rows.add(new StudyPanel.Row(unitId, groups, t, axis.text(t), t == last ? code : 0, values));
            }
        }

        private double value(
                int k, Covariate c, String unitId, Map<String, String> unit, long reference, double[] row) {
            return switch (c.kind()) {
                case ATTRIBUTE -> number(unit.get(c.column()));
                case GROUP_ATTRIBUTE ->
                    number(groupRecord(c.group(), unit.get(c.group())).get(c.column()));
                case GROUP_REACHED -> {
                    Long reached = axis.ordinal(
                            groupRecord(c.group(), unit.get(c.group())).getOrDefault(c.column(), ""));
                    yield reached != null && reached <= reference ? 1 : 0;
                }
                case SERIES -> carried(c.stream(), unitId, c.column(), reference);
                case GLOBAL -> carried(c.stream(), "", c.column(), reference);
                case PEERS_ADOPTED -> {
                    List<String> peers = members.get(c.group()).get(unit.get(c.group()));
                    yield adopted(unitId, peers, c, reference, peers.size() - 1);
                }
                case NEIGHBOURS_ADOPTED -> {
                    Set<String> near = neighbours.getOrDefault(unitId, Set.of());
                    yield adopted(unitId, near, c, reference, near.size());
                }
                case EXPRESSION -> formulas.get(k).value(row);
            };
        }

        /** Count or share of the other units among {@code peers} whose event (of the mode, if given) is <= r. */
        private double adopted(String unitId, Iterable<String> peers, Covariate c, long reference, int others) {
            int count = 0;
            for (String peer : peers) {
                Event event = events.get(peer);
                if (!peer.equals(unitId)
                        && event != null
                        && event.time() <= reference
                        && (c.mode() == null || c.mode() == event.mode())) {
                    count++;
                }
            }
            if (c.measure() == Measure.COUNT) {
                return count;
            }
            return others == 0 ? 0 : (double) count / others;
        }

        /** The record of a group, looked up once per group (not once per row). */
        private Map<String, String> groupRecord(String groupColumn, String groupId) {
            return groupRecords.computeIfAbsent(
                    groupColumn + "\u0000" + groupId, key -> findGroupRecord(groupColumn, groupId));
        }

        private Map<String, String> findGroupRecord(String groupColumn, String groupId) {
            for (Stream s : study.streams()) {
                if (s.kind() == StreamKind.GROUPS && s.group().equals(groupColumn)) {
                    Map<String, String> record = records.records(s.name()).get(groupId);
                    if (record != null) {
                        return record;
                    }
                }
            }
            return Map.of(); // a group with no record has every attribute missing (times: never)
        }

        /** The latest non-empty value of the column at or before the reference time; NaN when there is none. */
        private double carried(String stream, String unitId, String column, long reference) {
            NavigableMap<Long, Double> values =
                    series.get(stream).getOrDefault(unitId, Map.of()).get(column);
            Map.Entry<Long, Double> entry = values == null ? null : values.floorEntry(reference);
            return entry == null ? Double.NaN : entry.getValue();
        }

        private Long latestTime(String streamName) {
            Stream stream = study.stream(streamName).orElseThrow();
            Long latest = null;
            for (Map<String, String> record : records.records(streamName).values()) {
                long time = axis.ordinal(record.get(stream.time()));
                latest = latest == null ? time : Math.max(latest, time);
            }
            return latest;
        }

        private void indexEvents() {
            Stream stream = study.eventsStream();
            for (Map<String, String> record : records.records(stream.name()).values()) {
                String time = record.get(stream.time());
                if (time.isEmpty()) {
                    continue; // withdrawn
                }
                String mode = stream.mode() == null ? "" : record.get(stream.mode());
                events.put(
                        record.get(study.unit().id()),
                        new Event(axis.ordinal(time), mode.isEmpty() ? 1 : (int) Double.parseDouble(mode)));
            }
        }

        private void indexGroups() {
            for (String group : study.unit().groups()) {
                Map<String, List<String>> byGroup = new HashMap<>();
                units.forEach((id, unit) -> byGroup.computeIfAbsent(unit.get(group), g -> new ArrayList<>())
                        .add(id));
                members.put(group, byGroup);
            }
        }

        private void indexNeighbours() {
            study.streamOfKind(StreamKind.ADJACENCY).ifPresent(stream -> {
                for (Map<String, String> edge : records.records(stream.name()).values()) {
                    if (stream.connected() != null && "0".equals(normalizedCode(edge.get(stream.connected())))) {
                        continue;
                    }
                    String a = edge.get(stream.pair().get(0));
                    String b = edge.get(stream.pair().get(1));
                    neighbours.computeIfAbsent(a, u -> new TreeSet<>()).add(b);
                    neighbours.computeIfAbsent(b, u -> new TreeSet<>()).add(a);
                }
            });
        }

        private void indexSeries() {
            for (Stream stream : study.streams()) {
                if (stream.kind() != StreamKind.UNIT_SERIES && stream.kind() != StreamKind.GLOBAL_SERIES) {
                    continue;
                }
                Map<String, Map<String, NavigableMap<Long, Double>>> byUnit = new HashMap<>();
                for (Map<String, String> record : records.records(stream.name()).values()) {
                    String unit = stream.kind() == StreamKind.UNIT_SERIES
                            ? record.get(study.unit().id())
                            : "";
                    long time = axis.ordinal(record.get(stream.time()));
                    Map<String, NavigableMap<Long, Double>> columns =
                            byUnit.computeIfAbsent(unit, u -> new HashMap<>());
                    record.forEach((column, text) -> {
                        if (!text.isEmpty()
                                && stream.column(column)
                                        .map(col -> col.type().isNumeric())
                                        .orElse(false)) {
                            columns.computeIfAbsent(column, col -> new TreeMap<>())
                                    .put(time, Double.parseDouble(text));
                        }
                    });
                }
                series.put(stream.name(), byUnit);
            }
        }

        private static String normalizedCode(String text) {
            if (text == null || text.isEmpty()) {
                return "1";
            }
            return Double.parseDouble(text) == 0 ? "0" : "1";
        }

        private static double number(String text) {
            return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        }
    }
}
