package org.hazardstream.local;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * A study's five raw streams of the panel contract (cities, daily, national, provinces, adoptions), as
 * {@link DemoStreamer} posts them: a stream whole, or the rows of a stream by their date. The bundled demo
 * ({@link DemoData}) and the generated county-scale study are two of them.
 */
public interface StudyData {

    /** The stream names, in the order of panel-contract.md. */
    List<String> STREAMS = List.of("cities", "daily", "national", "provinces", "adoptions");

    /** The CSV header of a stream. */
    List<String> header(String stream);

    /** Every row of a stream, in file order. */
    List<List<String>> rows(String stream);

    /**
     * The rows of a dated stream whose date passes the test, in file order: the {@code date} of daily, national and
     * adoptions, the {@code platform_launch_date} of provinces (an empty one, never, passes no test).
     */
    List<List<String>> rowsDated(String stream, Predicate<LocalDate> when);

    /** The column that dates a stream's rows; cities has none. */
    static String dateColumn(String stream) {
        return switch (stream) {
            case "daily", "national", "adoptions" -> "date";
            case "provinces" -> "platform_launch_date";
            default -> throw new IllegalArgumentException("stream " + stream + " has no date column");
        };
    }
}
