package org.hazardstream.study.panel;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.study.RawCsv;

/**
 * The latest record of every (stream, key): the state the panel is a pure function of. Records of different keys
 * may be applied in any order; of two records with the same key, the one applied last wins, whole (a field left
 * empty in the correction is missing afterwards). Daily and adoption records of a city that is not (yet) in the
 * cities stream are kept, since in a stream they may arrive first, but they do not enter the panel.
 * Not thread-safe.
 */
public final class RawData {

    private final NavigableMap<String, RawRecord> cities = new TreeMap<>();
    private final Map<String, NavigableMap<LocalDate, RawRecord>> dailyByCity = new HashMap<>();
    private final NavigableMap<LocalDate, RawRecord> national = new TreeMap<>();
    private final NavigableMap<String, RawRecord> provinces = new TreeMap<>();
    private final NavigableMap<String, RawRecord> adoptions = new TreeMap<>();
    /** The daily and national values parsed once, for the builder: NaN where a field is empty. */
    private final Map<String, NavigableMap<LocalDate, double[]>> dailyValues = new HashMap<>();

    private final NavigableMap<LocalDate, double[]> nationalValues = new TreeMap<>();
    /** The latest date of any daily record (records are replaced, never removed, so it only grows). */
    private LocalDate latestDaily;

    /**
     * Keeps the record as the latest of its key and returns the one it replaces.
     *
     * @throws BadInputException when the record breaks a rule of its stream (the message lists every problem)
     */
    public Optional<RawRecord> apply(RawRecord record) {
        List<FieldError> errors = record.validate();
        if (!errors.isEmpty()) {
            throw new BadInputException(record.stream().id() + " record " + record.fields() + ": "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        return Optional.ofNullable(store(record));
    }

    /** Keeps a record already validated. */
    private RawRecord store(RawRecord record) {
        return switch (record.stream()) {
            case CITIES -> cities.put(record.get("city_id"), record);
            case DAILY -> {
                String city = record.get("city_id");
                LocalDate date = RawStream.parseDate(record.get("date"));
                if (latestDaily == null || date.isAfter(latestDaily)) {
                    latestDaily = date;
                }
                dailyValues
                        .computeIfAbsent(city, c -> new TreeMap<>())
                        .put(date, values(record, PanelRow.DAILY_COVARIATES));
                yield dailyByCity.computeIfAbsent(city, c -> new TreeMap<>()).put(date, record);
            }
            case NATIONAL -> {
                LocalDate date = RawStream.parseDate(record.get("date"));
                nationalValues.put(date, values(record, NATIONAL_VALUES));
                yield national.put(date, record);
            }
            case PROVINCES -> provinces.put(record.get("province_id"), record);
            case ADOPTIONS -> adoptions.put(record.get("city_id"), record);
        };
    }

    static final List<String> NATIONAL_VALUES = List.of("central_policy");

    private static double[] values(RawRecord record, List<String> fields) {
        double[] values = new double[fields.size()];
        for (int i = 0; i < values.length; i++) {
            String text = record.get(fields.get(i));
            values[i] = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        }
        return values;
    }

    /** A city's daily values by date, in {@link PanelRow#DAILY_COVARIATES} order, NaN where empty. */
    NavigableMap<LocalDate, double[]> dailyValues(String cityId) {
        NavigableMap<LocalDate, double[]> days = dailyValues.get(cityId);
        return days == null ? Collections.emptyNavigableMap() : days;
    }

    /** The national values by date ({@link #NATIONAL_VALUES}), NaN where empty. */
    NavigableMap<LocalDate, double[]> nationalValues() {
        return nationalValues;
    }

    /** The latest date of any record in the daily stream, whatever its fields hold; null while there is none. */
    public LocalDate latestDailyDate() {
        return latestDaily;
    }

    /** The cities stream by city_id, in text order. */
    public NavigableMap<String, RawRecord> cities() {
        return Collections.unmodifiableNavigableMap(cities);
    }

    public Optional<RawRecord> city(String cityId) {
        return Optional.ofNullable(cities.get(cityId));
    }

    /** A city's daily records by date (empty when it has none). */
    public NavigableMap<LocalDate, RawRecord> daily(String cityId) {
        NavigableMap<LocalDate, RawRecord> days = dailyByCity.get(cityId);
        return days == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(days);
    }

    public NavigableMap<LocalDate, RawRecord> national() {
        return Collections.unmodifiableNavigableMap(national);
    }

    public NavigableMap<String, RawRecord> provinces() {
        return Collections.unmodifiableNavigableMap(provinces);
    }

    public Optional<RawRecord> province(String provinceId) {
        return Optional.ofNullable(provinces.get(provinceId));
    }

    public NavigableMap<String, RawRecord> adoptions() {
        return Collections.unmodifiableNavigableMap(adoptions);
    }

    public Optional<RawRecord> adoption(String cityId) {
        return Optional.ofNullable(adoptions.get(cityId));
    }

    /** The latest record of a (stream, key), e.g. get(DAILY, "110000|2020-02-03"). */
    public Optional<RawRecord> get(RawStream stream, String key) {
        return switch (stream) {
            case CITIES -> city(key);
            case DAILY -> {
                int bar = key.lastIndexOf('|');
                LocalDate date = bar < 0 ? null : RawStream.parseDate(key.substring(bar + 1));
                yield date == null
                        ? Optional.empty()
                        : Optional.ofNullable(daily(key.substring(0, bar)).get(date));
            }
            case NATIONAL -> {
                LocalDate date = RawStream.parseDate(key);
                yield date == null ? Optional.empty() : Optional.ofNullable(national.get(date));
            }
            case PROVINCES -> province(key);
            case ADOPTIONS -> adoption(key);
        };
    }

    /** Every latest record, stream by stream in enum order, keys in order within a stream. */
    public Stream<RawRecord> records() {
        return Stream.of(
                        cities.values().stream(),
                        new TreeMap<>(dailyByCity).values().stream().flatMap(days -> days.values().stream()),
                        national.values().stream(),
                        provinces.values().stream(),
                        adoptions.values().stream())
                .flatMap(s -> s);
    }

    public int size() {
        return cities.size()
                + national.size()
                + provinces.size()
                + adoptions.size()
                + dailyByCity.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Reads cities.csv, daily.csv, national.csv, provinces.csv and adoptions.csv (UTF-8, header row) from a
     * directory. A later row with the same key replaces an earlier one. Errors name the file, and the row (1 = the
     * first row after the header) and column where there is one; a daily or adoption row of a city that is not in
     * cities.csv is an error naming the city and the file.
     */
    public static RawData readDirectory(Path dir) {
        RawData data = new RawData();
        for (RawStream stream : RawStream.values()) {
            readFile(data, stream, dir.resolve(stream.fileName()));
        }
        return data;
    }

    private static void readFile(RawData data, RawStream stream, Path file) {
        RawCsv.read(file, (row, fields) -> {
            RawRecord record = new RawRecord(stream, fields);
            List<FieldError> errors = record.validate();
            if (!errors.isEmpty()) {
                throw RawCsv.rowError(file, row, errors);
            }
            if ((stream == RawStream.DAILY || stream == RawStream.ADOPTIONS)
                    && !data.cities.containsKey(record.get("city_id"))) {
                throw new BadInputException(file.getFileName() + ": row " + row + ": unknown city '"
                        + record.get("city_id") + "' (not in " + RawStream.CITIES.fileName() + ")");
            }
            data.store(record);
        });
    }
}
