package org.hazardstream.study;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.data.BadInputException;
import org.hazardstream.study.panel.FieldError;

/**
 * Reads a raw-data CSV file (one stream) row by row, as every offline reader does: a header row (a byte-order mark
 * dropped), fields trimmed, empty lines skipped, and errors that name the file and the row (1 = the first row after
 * the header).
 */
public final class RawCsv {

    /** One data row: its number and its fields by column name, in header order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int number, Map<String, String> fields);
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private RawCsv() {}

    /** Every data row of the file, in order; a handler's own BadInputException passes through unchanged. */
    public static void read(Path file, RowHandler handler) {
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.startsWith("\uFEFF") ? h.substring(1) : h)
                    .toList();
            int row = 0;
            for (CSVRecord csv : parser) {
                row++;
                if (csv.size() != header.size()) {
                    throw new BadInputException(
                            name + ": row " + row + " has " + csv.size() + " fields, the header has " + header.size());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), csv.get(i));
                }
                handler.row(row, fields);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new BadInputException(name + ": not readable as CSV: " + e.getMessage(), e);
        }
    }

    /** The first of a row's errors as the readers report it: {@code <file>: row N, column 'c': message}. */
    public static BadInputException rowError(Path file, int row, List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new BadInputException(
                file.getFileName() + ": row " + row + ", column '" + first.column() + "': " + first.message());
    }
}
