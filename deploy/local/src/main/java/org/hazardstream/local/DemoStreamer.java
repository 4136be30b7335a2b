package org.hazardstream.local;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Streams the demo data set into a running system the way a data team would: everything known before the window
 * first, then one post per stream and day, with a progress line per day.
 *
 * <p>Province launches and adoptions are posted on the day they happen (a province first arrives with an empty
 * launch date, its launch is a correction), so the panel grows as the diffusion unfolds.
 */
public final class DemoStreamer {

    private final DemoData demo;
    private final IngestClient ingest;
    private final String panelUrl;
    private final String reportUrl;
    private final Consumer<String> progress;

    public DemoStreamer(DemoData demo, IngestClient ingest, String panelUrl, String reportUrl, Consumer<String> progress) {
        this.demo = demo;
        this.ingest = ingest;
        this.panelUrl = panelUrl;
        this.reportUrl = reportUrl;
        this.progress = progress;
    }

    /** Streams the window start..end, pausing {@code pace} after each day once the panel has moved on. */
    public void stream(LocalDate start, LocalDate end, Duration pace) {
        stream(start, end, pace, false, day -> { });
    }

    /** As {@link #stream(LocalDate, LocalDate, Duration)}, calling {@code afterPosts} right after each day's posts. */
    public void stream(LocalDate start, LocalDate end, Duration pace, Consumer<LocalDate> afterPosts) {
        stream(start, end, pace, false, afterPosts);
    }

    /**
     * Streams the window, and for each day measures the time from the answer to the day's last post to the moment
     * report-service serves a Cox estimate whose data run through that day (ingest, Kafka, panel, model and report).
     *
     * @return the latency of each day, in milliseconds
     */
    public List<Long> streamMeasuringLatency(LocalDate start, LocalDate end) {
        return stream(start, end, Duration.ZERO, true, day -> { });
    }

    private List<Long> stream(LocalDate start, LocalDate end, Duration pace, boolean measure,
            Consumer<LocalDate> afterPosts) {
        List<Long> latencies = new ArrayList<>();
        ingest.post("cities", demo.cities().header(), demo.cities().rows());
        ingest.post("provinces", demo.provinces().header(), provincesKnownOn(start.minusDays(1)));
        ingest.post("national", demo.national().header(), demo.national().rowsWhere("date", before(start)));
        ingest.post("daily", demo.daily().header(), demo.daily().rowsWhere("date", before(start)));
        int adoptedBefore = ingest.post("adoptions", demo.adoptions().header(),
                demo.adoptions().rowsWhere("date", before(start)));
        progress.accept(String.format(Locale.ROOT, "history before %s: %d cities, %d adopted before the window",
                start, demo.cities().rows().size(), adoptedBefore));

        long days = end.toEpochDay() - start.toEpochDay() + 1;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            int daily = ingest.post("daily", demo.daily().header(), demo.daily().rowsOn("date", day));
            ingest.post("national", demo.national().header(), demo.national().rowsOn("date", day));
            ingest.post("provinces", demo.provinces().header(), demo.provinces().rowsOn("platform_launch_date", day));
            int adopted = ingest.post("adoptions", demo.adoptions().header(), demo.adoptions().rowsOn("date", day));
            long posted = System.nanoTime();
            afterPosts.accept(day);
            if (measure) {
                awaitCoxThrough(day, Duration.ofSeconds(60));
                latencies.add((System.nanoTime() - posted) / 1_000_000);
            } else {
                awaitPanelThrough(day, Duration.ofSeconds(30));
            }
            progress.accept(String.format(Locale.ROOT, "[day %2d/%d] %s  +%d daily, +%d adoptions | %s | %s",
                    day.toEpochDay() - start.toEpochDay() + 1, days, day, daily, adopted, panelSummary(), coxSummary()));
            ServiceProcess.pause(pace);
        }
        // What lies beyond the window (late adoptions are censored at the end of the window).
        ingest.post("daily", demo.daily().header(), demo.daily().rowsWhere("date", after(end)));
        ingest.post("national", demo.national().header(), demo.national().rowsWhere("date", after(end)));
        ingest.post("adoptions", demo.adoptions().header(), demo.adoptions().rowsWhere("date", after(end)));
        ingest.post("provinces", demo.provinces().header(), demo.provinces().rowsWhere("platform_launch_date", after(end)));
        return latencies;
    }

    /** Provinces as known on {@code day}: the launch date where it has happened, empty where it has not (yet). */
    private List<List<String>> provincesKnownOn(LocalDate day) {
        int column = demo.provinces().header().indexOf("platform_launch_date");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : demo.provinces().rows()) {
            String launch = row.get(column);
            List<String> known = new ArrayList<>(row);
            if (!launch.isEmpty() && LocalDate.parse(launch).isAfter(day)) {
                known.set(column, "");
            }
            rows.add(known);
        }
        return rows;
    }

    /** Waits until the panel service has applied the daily data of {@code day} (its status says data through it). */
    private void awaitPanelThrough(LocalDate day, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !panelThrough(day)) {
            ServiceProcess.pause(Duration.ofMillis(100));
        }
    }

    private void awaitCoxThrough(LocalDate day, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !coxThrough(day)) {
            ServiceProcess.pause(Duration.ofMillis(5));
        }
    }

    private boolean coxThrough(LocalDate day) {
        return JsonGet.get(reportUrl + "/api/v1/estimates/cox")
                .map(s -> s.path("lineage").path("dataThrough").asText(""))
                .filter(through -> !through.isEmpty() && !LocalDate.parse(through).isBefore(day))
                .isPresent();
    }

    private boolean panelThrough(LocalDate day) {
        return JsonGet.get(panelUrl + "/api/v1/panel/status")
                .map(s -> s.path("dataThrough").asText(""))
                .filter(through -> !through.isEmpty() && !LocalDate.parse(through).isBefore(day))
                .isPresent();
    }

    private String panelSummary() {
        return JsonGet.get(panelUrl + "/api/v1/panel/status")
                .map(s -> String.format(Locale.ROOT, "panel v%d: %d rows, %d events", s.path("panelVersion").asLong(),
                        s.path("rows").asInt(), s.path("events").asInt()))
                .orElse("panel: (not yet)");
    }

    private String coxSummary() {
        return JsonGet.get(reportUrl + "/api/v1/estimates/cox").map(DemoStreamer::describeCox).orElse("cox: (not yet)");
    }

    private static String describeCox(JsonNode cox) {
        String competition = "";
        for (JsonNode c : cox.path("coefficients")) {
            if (c.path("term").asText().equals("competition") && c.path("hazardRatio").isNumber()) {
                competition = String.format(Locale.ROOT, ", HR(competition) %.2f", c.path("hazardRatio").asDouble());
            }
        }
        return String.format(Locale.ROOT, "cox @ v%d%s", cox.path("lineage").path("panelVersion").asLong(), competition);
    }

    private static java.util.function.Predicate<String> before(LocalDate date) {
        return s -> !s.isEmpty() && LocalDate.parse(s).isBefore(date);
    }

    private static java.util.function.Predicate<String> after(LocalDate date) {
        return s -> !s.isEmpty() && LocalDate.parse(s).isAfter(date);
    }
}
