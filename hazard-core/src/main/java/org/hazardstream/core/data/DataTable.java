package org.hazardstream.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A long-format data set read from CSV. An error names the exact row and column; rows are numbered from 1, the first
 * row after the header. An empty field (or R's {@code NA}) is a missing value: NaN in {@link #numeric(String)}, null in
 * {@link #text(String)}.
 *
 * <p>A column whose every value is a finite number is kept as a {@code double[]}, so a million-row file costs
 * 8 bytes a field instead of a String each (the difference between fitting in a second and collecting garbage for ten).
 * Such a column read as text gives the numbers back in their shortest form ("110000", "0.5"), so values that only
 * differ in how they were written ("7" and "7.0") are the same subject, stratum or cluster.
 */
public final class DataTable {

    private final String source;
    private final List<String> columns;
    private final Map<String, Column> values;
    private final int rowCount;
    private final Map<String, Object> derived = new ConcurrentHashMap<>();

    private DataTable(String source, List<String> columns, Map<String, Column> values, int rowCount) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.rowCount = rowCount;
    }

    /** Reads a UTF-8 CSV file with a header row. */
    public static DataTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException("file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses CSV text with a header row; {@code source} names it in error messages. */
    public static DataTable parse(Reader reader, String source) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BadInputException(source + ": no header row");
            }
            Rows table = rows(source, header);
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new BadInputException(source + ": row " + (table.rows + 1) + " has " + record.size()
                            + " fields, the header has " + header.size());
                }
                for (String field : record) {
                    table.text(field);
                }
                table.endRow();
            }
            return table.build();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(source + ": not readable as CSV: " + e.getMessage(), e);
        }
    }

    /** A table filled row by row, field by field (see {@link Rows}); text fields null, empty or NA are missing. */
    public static Rows rows(String source, List<String> columns) {
        return new Rows(source, columns);
    }

    /**
     * Fills a table row by row, each row's fields in column order, typed exactly as a CSV read types them: a number
     * given as a double is what its text in the CSV reads back to, so the table equals the one read from the same data
     * written as CSV. (The CSV reader fills its table this way; the model service's panel goes to the fitters this way
     * too, without printing and parsing every number of every row on each refit.)
     */
    public static final class Rows {
        private final String source;
        private final List<String> header;
        private final Column[] columns;
        private int rows;
        private int field;

        private Rows(String source, List<String> header) {
            this.source = source;
            this.header = header;
            this.columns = new Column[header.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new Column();
            }
        }

        /** The next field as text; null, empty or NA is missing. */
        public Rows text(String value) {
            columns[next()].add(rows, value);
            return this;
        }

        /** The next field as a number; a non-finite one is kept as its text, as a CSV read would. */
        public Rows number(double value) {
            int column = next();
            if (Double.isFinite(value)) {
                columns[column].add(rows, value);
            } else {
                columns[column].add(rows, Double.toString(value));
            }
            return this;
        }

        /** The next field is missing. */
        public Rows missing() {
            return text(null);
        }

        public Rows endRow() {
            if (field != columns.length) {
                throw new IllegalStateException(
                        source + ": row " + (rows + 1) + " has " + field + " fields, the header has " + columns.length);
            }
            rows++;
            field = 0;
            return this;
        }

        public DataTable build() {
            if (field != 0) {
                throw new IllegalStateException(source + ": the last row is not ended");
            }
            Map<String, Column> byName = new HashMap<>();
            for (int c = 0; c < columns.length; c++) {
                if (byName.put(header.get(c), columns[c]) != null) {
                    throw new BadInputException(
                            source + ": column '" + header.get(c) + "' appears twice in the header");
                }
            }
            return new DataTable(source, header, byName, rows);
        }

        private int next() {
            if (field == columns.length) {
                throw new IllegalStateException(
                        source + ": row " + (rows + 1) + " has more fields than the header's " + columns.length);
            }
            return field++;
        }
    }

    /**
     * A table given column by column, for data already held as columns (the model service's panel replica): a
     * numeric column is taken as it is, not copied (NaN is missing; the caller hands it over and must not change it),
     * and a text column is typed exactly as a CSV read types it. Columns are kept in the order they are added.
     */
    public static Columns columns(String source, int rowCount) {
        return new Columns(source, rowCount);
    }

    /** Builds a table from whole columns of {@code rowCount} values each (see {@link #columns}). */
    public static final class Columns {
        private final String source;
        private final int rowCount;
        private final List<String> names = new ArrayList<>();
        private final Map<String, Column> byName = new HashMap<>();

        private Columns(String source, int rowCount) {
            this.source = source;
            this.rowCount = rowCount;
        }

        /** A column of numbers, NaN where missing; every other value finite. */
        public Columns numbers(String name, double[] values) {
            requireLength(name, values.length);
            Column column = new Column();
            column.numbers = values;
            return add(name, column);
        }

        /** A column of text, null, empty or NA where missing; numbers in it become numbers as a CSV read makes them. */
        public Columns text(String name, String[] values) {
            requireLength(name, values.length);
            Column column = new Column();
            for (int r = 0; r < values.length; r++) {
                // A run of one value (a unit's id on each of its rows) is parsed once.
                if (r > 0 && values[r] != null && values[r].equals(values[r - 1]) && column.text == null) {
                    column.add(r, column.numbers[r - 1]);
                } else {
                    column.add(r, values[r]);
                }
            }
            return add(name, column);
        }

        public DataTable build() {
            return new DataTable(source, names, byName, rowCount);
        }

        private Columns add(String name, Column column) {
            if (byName.put(name, column) != null) {
                throw new IllegalArgumentException(source + ": column '" + name + "' given twice");
            }
            names.add(name);
            return this;
        }

        private void requireLength(String name, int length) {
            if (length != rowCount) {
                throw new IllegalArgumentException(
                        source + ": column '" + name + "' has " + length + " values, the table " + rowCount + " rows");
            }
        }
    }

    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rowCount;
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The column as text, null where missing. */
    public String[] text(String column) {
        return column(column).text(rowCount);
    }

    /** The column as numbers, NaN where missing; a value that is not a number is an error naming row and column. */
    public double[] numeric(String column) {
        return column(column).numbers(rowCount, source, column);
    }

    /**
     * A value computed from this table, once per key: the table never changes, so fits that need the same thing of
     * it (a sort of its intervals) compute it once. The key must name everything the value depends on.
     */
    public <T> T derived(String key, Class<T> type, Supplier<T> compute) {
        return type.cast(derived.computeIfAbsent(key, k -> compute.get()));
    }

    private Column column(String column) {
        Column values = this.values.get(column);
        if (values == null) {
            throw new BadInputException(
                    source + ": no column '" + column + "' (columns: " + String.join(", ", columns) + ")");
        }
        return values;
    }

    /** One column: numbers while every value is a finite number, text from the first value that is not. */
    private static final class Column {
        private double[] numbers = new double[16];
        private String[] text;

        void add(int row, String value) {
            String v = value == null || value.isEmpty() || value.equals("NA") ? null : value;
            if (text != null) {
                store(row, v);
                return;
            }
            if (row == numbers.length) {
                numbers = Arrays.copyOf(numbers, numbers.length * 2);
            }
            if (v == null) {
                numbers[row] = Double.NaN;
                return;
            }
            double parsed = parseOrNaN(v);
            if (Double.isFinite(parsed)) {
                numbers[row] = parsed;
            } else {
                switchToText(row);
                store(row, v);
            }
        }

        /** A finite number: what {@link #add(int, String)} of its shortest text gives, without the text. */
        void add(int row, double value) {
            if (text != null) {
                store(row, format(value));
                return;
            }
            if (row == numbers.length) {
                numbers = Arrays.copyOf(numbers, numbers.length * 2);
            }
            numbers[row] = value;
        }

        private void switchToText(int rows) {
            text = new String[Math.max(16, numbers.length)];
            for (int r = 0; r < rows; r++) {
                text[r] = Double.isNaN(numbers[r]) ? null : format(numbers[r]);
            }
            numbers = null;
        }

        private void store(int row, String v) {
            if (row == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
            text[row] = v;
        }

        String[] text(int rows) {
            if (text != null) {
                return Arrays.copyOf(text, rows);
            }
            String[] out = new String[rows];
            for (int r = 0; r < rows; r++) {
                out[r] = Double.isNaN(numbers[r]) ? null : format(numbers[r]);
            }
            return out;
        }

        double[] numbers(int rows, String source, String column) {
            if (numbers != null) {
                return Arrays.copyOf(numbers, rows);
            }
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                String v = text[r];
                if (v == null) {
                    out[r] = Double.NaN;
                    continue;
                }
                out[r] = parseOrNaN(v);
                if (!Double.isFinite(out[r])) {
                    throw new BadInputException(source + ": row " + (r + 1) + ", column '" + column + "': '" + v
                            + (Double.isNaN(out[r]) && !v.equals("NaN")
                                    ? "' is not a number"
                                    : "' is not a finite number"));
                }
            }
            return out;
        }

        /** The number, infinite when it overflows; NaN when the text is not plain decimal notation. */
        private static double parseOrNaN(String v) {
            return PlainDecimal.matches(v) ? Double.parseDouble(v) : Double.NaN;
        }

        /** The shortest text that reads back to the same double: integers without ".0". */
        private static String format(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
    }
}
