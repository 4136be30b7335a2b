package org.hazardstream.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The raw streams of a study read from a folder with one CSV file per stream: the bundled demo data set
 * (deploy/local/demo), or any folder in its shape.
 */
public record DemoData(Stream cities, Stream daily, Stream national, Stream provinces, Stream adoptions)
        implements StudyData {

    /** One stream's header and rows, as text. */
    public record Stream(String name, List<String> header, List<List<String>> rows) {

        /** The rows whose value in {@code column} passes the test. */
        public List<List<String>> rowsWhere(String column, Predicate<String> test) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(name + " has no column " + column);
            }
            return rows.stream().filter(r -> test.test(r.get(i))).toList();
        }

        /** The rows dated {@code date} in {@code column}. */
        public List<List<String>> rowsOn(String column, LocalDate date) {
            String iso = date.toString();
            return rowsWhere(column, iso::equals);
        }
    }

    private Stream stream(String name) {
        return switch (name) {
            case "cities" -> cities;
            case "daily" -> daily;
            case "national" -> national;
            case "provinces" -> provinces;
            case "adoptions" -> adoptions;
            default -> throw new IllegalArgumentException("no stream " + name);
        };
    }

    @Override
    public List<String> header(String stream) {
        return stream(stream).header();
    }

    @Override
    public List<List<String>> rows(String stream) {
        return stream(stream).rows();
    }

    @Override
    public List<List<String>> rowsDated(String stream, Predicate<LocalDate> when) {
        return stream(stream)
                .rowsWhere(StudyData.dateColumn(stream), s -> !s.isEmpty() && when.test(LocalDate.parse(s)));
    }

    public static DemoData read(Path dir) {
        return new DemoData(
                stream(dir, "cities"),
                stream(dir, "daily"),
                stream(dir, "national"),
                stream(dir, "provinces"),
                stream(dir, "adoptions"));
    }

    private static Stream stream(Path dir, String name) {
        Path file = dir.resolve(name + ".csv");
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return new Stream(name, parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
