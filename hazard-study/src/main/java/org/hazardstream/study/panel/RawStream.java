package org.hazardstream.study.panel;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.hazardstream.core.data.IsoDate;
import org.hazardstream.study.StreamRules;
import org.hazardstream.study.StudyDefinition;
import org.hazardstream.study.StudyDefinitions;

/**
 * The five raw input streams of panel-contract.md: the streams of the bundled health-code study definition
 * ({@code studies/health-code/study.json}), whose columns, types and rules each stream follows (one set of rules for
 * ingest, the panel builder and the offline reader: {@link StreamRules}). A field that is null or empty (after
 * trimming) is a missing value; key fields and a city's province must be present, every other field may be missing.
 */
public enum RawStream {
    CITIES("cities", List.of("city_id")),
    DAILY("daily", List.of("city_id", "date")),
    NATIONAL("national", List.of("date")),
    PROVINCES("provinces", List.of("province_id")),
    /**
     * An adoption with both date and mode empty withdraws an earlier one (the whole record is replaced, so a
     * correction can say "this city has not adopted"); a date without a mode, or a mode without a date, is refused.
     */
    ADOPTIONS("adoptions", List.of("city_id"));

    /** The bundled definition whose streams these are. */
    public static final String DEFINITION = "studies/health-code/study.json";

    private final String id;
    private final List<String> keyColumns;

    RawStream(String id, List<String> keyColumns) {
        this.id = id;
        this.keyColumns = keyColumns;
    }

    /** The stream's name in URLs, file names and topic keys: "cities", "daily", ... */
    public String id() {
        return id;
    }

    /** The columns in contract order. */
    public List<String> columns() {
        return HealthCode.COLUMNS.get(this);
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The CSV file of this stream in a raw-data directory. */
    public String fileName() {
        return id + ".csv";
    }

    public static Optional<RawStream> byId(String id) {
        for (RawStream s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Every problem of one row, in column order (unknown columns last); empty when the row is valid. Checks: missing
     * or unknown column, missing key value, unparsable number or date, a value outside its column's bounds or codes
     * (negative counts, modes other than 1 or 2, data_agency outside 0..3, platform_type outside 1..5), an adoption
     * with a date but no mode or the other way round.
     */
    public List<FieldError> validate(Map<String, String> fields) {
        return HealthCode.RULES.get(this).validate(fields);
    }

    /** The natural key of a row: its key fields joined by '|', e.g. "110000|2020-02-03" for daily. */
    public String key(Map<String, String> fields) {
        StringJoiner key = new StringJoiner("|");
        for (String column : keyColumns) {
            key.add(normalize(fields.get(column)));
        }
        return key.toString();
    }

    static String normalize(String value) {
        return value == null ? "" : value.trim();
    }

    /** An ISO date YYYY-MM-DD (a real calendar day), or null; see {@link IsoDate#parse}. */
    static LocalDate parseDate(String value) {
        return IsoDate.parse(value);
    }

    /** The health-code definition's rules per stream, read once (a holder: enum constants cannot read it). */
    private static final class HealthCode {
        static final Map<RawStream, StreamRules> RULES = new EnumMap<>(RawStream.class);
        static final Map<RawStream, List<String>> COLUMNS = new EnumMap<>(RawStream.class);

        static {
            StudyDefinition study = StudyDefinitions.load(DEFINITION);
            for (RawStream raw : values()) {
                StudyDefinition.Stream stream = study.stream(raw.id())
                        .orElseThrow(() -> new IllegalStateException(DEFINITION + " has no stream '" + raw.id() + "'"));
                RULES.put(raw, new StreamRules(study, stream));
                COLUMNS.put(
                        raw,
                        stream.columns().stream()
                                .map(StudyDefinition.Column::name)
                                .toList());
            }
        }
    }
}
