package org.hazardstream.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A long-format data set held as text columns, parsed to numbers on demand, so that an error names the exact
 * row and column. Rows are numbered from 1, the first row after the header.
 * An empty field is a missing value (NaN in {@link #numeric(String)}, null in {@link #text(String)}).
 */
public final class DataTable {

    private final String source;
    private final List<String> columns;
    private final Map<String, String[]> values;
    private final int rowCount;

    private DataTable(String source, List<String> columns, Map<String, String[]> values, int rowCount) {
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
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BadInputException(source + ": no header row");
            }
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new BadInputException(source + ": row " + (rows.size() + 1) + " has " + record.size()
                            + " fields, the header has " + header.size());
                }
                rows.add(record.values());
            }
            return of(source, header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(source + ": not readable as CSV: " + e.getMessage(), e);
        }
    }

    /** A table from rows of text fields in column order (null or empty = missing). */
    public static DataTable of(String source, List<String> columns, List<String[]> rows) {
        Map<String, String[]> values = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String v = rows.get(r)[c];
                column[r] = v == null || v.isEmpty() ? null : v;
            }
            if (values.put(columns.get(c), column) != null) {
                throw new BadInputException(source + ": column '" + columns.get(c) + "' appears twice in the header");
            }
        }
        return new DataTable(source, columns, values, rows.size());
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
        return column(column).clone();
    }

    /** The column as numbers, NaN where missing; a value that is not a number is an error naming row and column. */
    public double[] numeric(String column) {
        String[] text = column(column);
        double[] out = new double[text.length];
        for (int r = 0; r < text.length; r++) {
            String v = text[r];
            if (v == null || v.equals("NA")) {
                out[r] = Double.NaN;
                continue;
            }
            try {
                out[r] = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(source + ": row " + (r + 1) + ", column '" + column
                        + "': '" + v + "' is not a number");
            }
            if (!Double.isFinite(out[r])) {
                throw new BadInputException(source + ": row " + (r + 1) + ", column '" + column
                        + "': '" + v + "' is not a finite number");
            }
        }
        return out;
    }

    private String[] column(String column) {
        String[] text = values.get(column);
        if (text == null) {
            throw new BadInputException(source + ": no column '" + column + "' (columns: "
                    + String.join(", ", columns) + ")");
        }
        return text;
    }
}
