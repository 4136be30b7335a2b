package org.hazardstream.study.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.hazardstream.core.data.IsoDate;
import org.hazardstream.core.data.PlainDecimal;

/**
 * The five raw input streams of panel-contract.md, each with its columns (in contract order), its key columns
 * and the rules a row must obey. A field that is null or empty (after trimming) is a missing value; key fields
 * and a city's province must be present, every other field may be missing.
 */
public enum RawStream {

    CITIES("cities", List.of("city_id"),
            col("city_id", Kind.REQUIRED_TEXT),
            col("city_name", Kind.TEXT),
            col("province_id", Kind.REQUIRED_TEXT),
            col("population", Kind.COUNT),
            col("gdp_per_capita", Kind.NUMBER),
            col("gdp_growth_q1", Kind.NUMBER),
            col("internet_service", Kind.NUMBER),
            col("internet_penetration", Kind.NUMBER),
            col("data_agency", Kind.DATA_AGENCY),
            col("leader_experience", Kind.NUMBER),
            col("platform_type", Kind.PLATFORM_TYPE)),

    DAILY("daily", List.of("city_id", "date"),
            col("city_id", Kind.REQUIRED_TEXT),
            col("date", Kind.REQUIRED_DATE),
            col("salience", Kind.NUMBER),
            col("intra_city_travel", Kind.NUMBER),
            col("inbound_migration", Kind.NUMBER),
            col("cumulative_cases", Kind.COUNT),
            col("media_reports", Kind.COUNT)),

    NATIONAL("national", List.of("date"),
            col("date", Kind.REQUIRED_DATE),
            col("central_policy", Kind.NUMBER)),

    PROVINCES("provinces", List.of("province_id"),
            col("province_id", Kind.REQUIRED_TEXT),
            col("platform_launch_date", Kind.DATE)),

    /**
     * An adoption with both date and mode empty withdraws an earlier one (the whole record is replaced, so a
     * correction can say "this city has not adopted"); a date without a mode, or a mode without a date, is refused.
     */
    ADOPTIONS("adoptions", List.of("city_id"),
            col("city_id", Kind.REQUIRED_TEXT),
            col("date", Kind.DATE),
            col("mode", Kind.MODE));

    private final String id;
    private final List<String> keyColumns;
    private final Map<String, Kind> kinds;
    private final List<String> columns;

    RawStream(String id, List<String> keyColumns, Column... columns) {
        this.id = id;
        this.keyColumns = keyColumns;
        Map<String, Kind> byName = new LinkedHashMap<>();
        for (Column c : columns) {
            byName.put(c.name(), c.kind());
        }
        this.kinds = byName;
        this.columns = List.copyOf(byName.keySet());
    }

    /** The stream's name in URLs, file names and topic keys: "cities", "daily", ... */
    public String id() {
        return id;
    }

    /** The columns in contract order. */
    public List<String> columns() {
        return columns;
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
     * Every problem of one row, in column order (unknown columns last); empty when the row is valid.
     * Checks: missing or unknown column, missing key value, unparsable number or date, negative count,
     * mode other than 1 or 2, data_agency outside 0..3, platform_type outside 1..5.
     */
    public List<FieldError> validate(Map<String, String> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Kind> column : kinds.entrySet()) {
            String name = column.getKey();
            if (!fields.containsKey(name)) {
                errors.add(new FieldError(name, "missing column (" + id + " needs " + String.join(", ", columns) + ")"));
                continue;
            }
            String problem = column.getValue().check(normalize(fields.get(name)));
            if (problem != null) {
                errors.add(new FieldError(name, problem));
            }
        }
        if (this == ADOPTIONS && errors.isEmpty()) {
            boolean hasDate = !normalize(fields.get("date")).isEmpty();
            boolean hasMode = !normalize(fields.get("mode")).isEmpty();
            if (hasDate != hasMode) {
                errors.add(new FieldError(hasDate ? "mode" : "date",
                        "an adoption needs both date and mode (both empty withdraws an adoption)"));
            }
        }
        for (String name : fields.keySet()) {
            if (!kinds.containsKey(name)) {
                errors.add(new FieldError(name, "unknown column (" + id + " has " + String.join(", ", columns) + ")"));
            }
        }
        return errors;
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

    private static Column col(String name, Kind kind) {
        return new Column(name, kind);
    }

    private record Column(String name, Kind kind) {
    }

    /** The type rule of a column; {@link #check} returns null when the (trimmed) value is acceptable. */
    enum Kind {
        TEXT, REQUIRED_TEXT, NUMBER, COUNT, DATE, REQUIRED_DATE, MODE, DATA_AGENCY, PLATFORM_TYPE;

        String check(String value) {
            if (value.isEmpty()) {
                return this == REQUIRED_TEXT || this == REQUIRED_DATE ? "missing value (a key field is required)" : null;
            }
            switch (this) {
                case TEXT, REQUIRED_TEXT:
                    return null;
                case DATE, REQUIRED_DATE:
                    return parseDate(value) == null ? "'" + value + "' is not a date (YYYY-MM-DD)" : null;
                default:
                    break;
            }
            Double number = PlainDecimal.parse(value);
            if (number == null) {
                return "'" + value + "' is not a number";
            }
            double v = number;
            return switch (this) {
                case COUNT -> v < 0 ? "'" + value + "' is negative; a count must be >= 0" : null;
                case MODE -> v == 1 || v == 2 ? null
                        : "unknown mode '" + value + "' (1 = self-built system, 2 = provincial system)";
                case DATA_AGENCY -> isIntegerIn(v, 0, 3) ? null
                        : "data_agency '" + value + "' must be an integer 0..3";
                case PLATFORM_TYPE -> isIntegerIn(v, 1, 5) ? null
                        : "platform_type '" + value + "' must be an integer 1..5";
                default -> null;
            };
        }

        private static boolean isIntegerIn(double v, int low, int high) {
            return v == Math.rint(v) && v >= low && v <= high;
        }
    }

    /** An ISO date YYYY-MM-DD (a real calendar day), or null; see {@link IsoDate#parse}. */
    static LocalDate parseDate(String value) {
        return IsoDate.parse(value);
    }
}
