package org.hazardstream.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Streams a study's raw data (the demo data set, or a generated one) into a running system the way a data team
 * would: everything known before the window first, then one post per stream and day, with a progress line per day.
 *
 * <p>Province launches and adoptions are posted on the day they happen (a province first arrives with an empty
 * launch date, its launch is a correction), so the panel grows as the diffusion unfolds.
 */
public final class DemoStreamer {

    /** Polling while measuring: the latency's resolution. */
    private static final Duration POLL = Duration.ofMillis(5);
    /** Polling while only pacing the stream (run.sh, the end-to-end test): no need to load the services. */
    private static final Duration PACE_POLL = Duration.ofMillis(100);

    private final StudyData data;
    private final IngestClient ingest;
    private final String panelUrl;
    private final String modelUrl;
    private final String reportUrl;
    private final Consumer<String> progress;
    /** How long one day may take while measuring before the run fails. */
    private Duration measureTimeout = Duration.ofSeconds(60);
    /** System.nanoTime() after which no further day is started; none unless set. */
    private long deadline = Long.MAX_VALUE;

    private long recordsPosted;

    private DemoStreamer(
            StudyData data,
            IngestClient ingest,
            String panelUrl,
            String modelUrl,
            String reportUrl,
            Consumer<String> progress) {
        this.data = data;
        this.ingest = ingest;
        this.panelUrl = panelUrl;
        this.modelUrl = modelUrl;
        this.reportUrl = reportUrl;
        this.progress = progress;
    }

    /** A streamer into the services of a running local system. */
    public static DemoStreamer into(LocalSystem system, StudyData data, String token, Consumer<String> progress) {
        return new DemoStreamer(
                data,
                new IngestClient(system.service("ingest-service").baseUrl(), token),
                system.service("panel-service").baseUrl(),
                system.service("model-service").baseUrl(),
                system.service("report-service").baseUrl(),
                progress);
    }

    /**
     * How long a day (and the history before the first) may take, while measuring, until the served Cox estimate
     * holds it; 60 s unless set. A larger study needs more.
     */
    public DemoStreamer withMeasureTimeout(Duration timeout) {
        this.measureTimeout = timeout;
        return this;
    }

    /**
     * Starts no day after {@code budget} from now: the days streamed until then are the stream (and nothing dated
     * later is posted). For long benchmarks that must fit a time slot.
     */
    public DemoStreamer withTimeBudget(Duration budget) {
        this.deadline = System.nanoTime() + budget.toNanos();
        return this;
    }

    /** Streams the window start..end, pausing {@code pace} after each day once the panel has moved on. */
    public void stream(LocalDate start, LocalDate end, Duration pace) {
        stream(start, end, pace, null, day -> {});
    }

    /** As {@link #stream(LocalDate, LocalDate, Duration)}, calling {@code afterPosts} right after each day's posts. */
    public void stream(LocalDate start, LocalDate end, Duration pace, Consumer<LocalDate> afterPosts) {
        stream(start, end, pace, null, afterPosts);
    }

    /**
     * One day's latency, in milliseconds from the answer to the day's last post: {@code total} until report-service
     * serves a Cox estimate fitted on a panel version holding every record posted so far; of it, {@code panel} until
     * panel-service's status shows that version (ingest, Kafka, panel-service), {@code fitted} until the estimate's
     * {@code computedAt} (outbox relay, Kafka, model-service's scheduling and fit) and the rest until it is served
     * (Kafka, report-service). Panel-service's status is polled every few milliseconds; the served estimate is seen
     * on report-service's server-sent events, which the dashboard follows too (polling the estimates endpoint that
     * often loaded the services being measured). {@code rowsChanged}: panel rows added, changed or removed by the
     * day's records (panel-service's {@code panel_rows_changed_total}); {@code panelVersion}: the panel version that
     * holds the day's records (the served estimate is of it or a later one).
     */
    public record DayLatency(LocalDate day, long total, long panel, long fitted, long rowsChanged, long panelVersion) {}

    /**
     * Streams the window as fast as the system takes it, and measures each day's {@link DayLatency}. Before the first
     * day it waits until the history is fitted, as a data team would post its history once and the first daily batch
     * a day later.
     */
    public List<DayLatency> streamMeasuringLatency(LocalDate start, LocalDate end) {
        try (ResultWatcher cox = ResultWatcher.follow(reportUrl, "cox")) {
            return stream(start, end, Duration.ZERO, cox, day -> {});
        }
    }

    /** @param cox the served Cox results when measuring latency, null when not */
    private List<DayLatency> stream(
            LocalDate start, LocalDate end, Duration pace, ResultWatcher cox, Consumer<LocalDate> afterPosts) {
        boolean measure = cox != null;
        List<DayLatency> latencies = new ArrayList<>();
        post("cities", data.rows("cities"));
        post("provinces", provincesKnownOn(start.minusDays(1)));
        post("national", data.rowsDated("national", d -> d.isBefore(start)));
        post("daily", data.rowsDated("daily", d -> d.isBefore(start)));
        int adoptedBefore = post("adoptions", data.rowsDated("adoptions", d -> d.isBefore(start)));
        progress.accept(String.format(
                Locale.ROOT,
                "history before %s: %d cities, %d adopted before the window",
                start,
                data.rows("cities").size(),
                adoptedBefore));
        if (measure) {
            // The history has no event in the window yet, so no Cox estimate: wait for model-service's round on it.
            awaitModelRound(
                    awaitPanelApplied(recordsPosted, measureTimeout, POLL).orElseThrow(), measureTimeout);
            cox.awaitConnected(measureTimeout);
        }

        long days = end.toEpochDay() - start.toEpochDay() + 1;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            double rowsChangedBefore = measure ? rowsChangedTotal() : 0;
            LocalDate today = day;
            int daily = post("daily", data.rowsDated("daily", today::equals));
            post("national", data.rowsDated("national", today::equals));
            post("provinces", data.rowsDated("provinces", today::equals));
            int adopted = post("adoptions", data.rowsDated("adoptions", today::equals));
            long posted = System.nanoTime();
            long postedWallClock = System.currentTimeMillis();
            afterPosts.accept(day);
            if (measure) {
                String records = "the records of " + day;
                long version = awaitPanelApplied(recordsPosted, measureTimeout, POLL)
                        .orElseThrow(() -> new IllegalStateException("panel-service did not apply " + records));
                long panel = (System.nanoTime() - posted) / 1_000_000;
                long total = (cox.awaitVersion(version, measureTimeout) - posted) / 1_000_000;
                Instant computedAt = coxComputedAt(version);
                latencies.add(new DayLatency(
                        day,
                        total,
                        panel,
                        computedAt.toEpochMilli() - postedWallClock,
                        Math.round(rowsChangedTotal() - rowsChangedBefore),
                        version));
            } else {
                awaitPanelApplied(recordsPosted, Duration.ofSeconds(30), PACE_POLL);
            }
            String latency = "";
            if (measure) {
                DayLatency last = latencies.get(latencies.size() - 1);
                latency = String.format(
                        Locale.ROOT, " | %d ms (panel %d, computed %d)", last.total(), last.panel(), last.fitted());
            }
            progress.accept(String.format(
                    Locale.ROOT,
                    "[day %2d/%d] %s  +%d daily, +%d adoptions | %s | %s%s",
                    day.toEpochDay() - start.toEpochDay() + 1,
                    days,
                    day,
                    daily,
                    adopted,
                    panelSummary(),
                    coxSummary(),
                    latency));
            ServiceProcess.pause(pace);
            if (System.nanoTime() > deadline && day.isBefore(end)) {
                progress.accept("time budget spent: stopping after " + day);
                return latencies;
            }
        }
        // What lies beyond the window (late adoptions are censored at the end of the window).
        post("daily", data.rowsDated("daily", d -> d.isAfter(end)));
        post("national", data.rowsDated("national", d -> d.isAfter(end)));
        post("adoptions", data.rowsDated("adoptions", d -> d.isAfter(end)));
        post("provinces", data.rowsDated("provinces", d -> d.isAfter(end)));
        return latencies;
    }

    /** panel-service's count of panel rows added, changed or removed since it started. */
    private double rowsChangedTotal() {
        String metrics = JsonGet.text(panelUrl + "/q/metrics").orElse("");
        return metrics.lines()
                .filter(l -> l.startsWith("panel_rows_changed_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private int post(String stream, List<List<String>> rows) {
        int accepted = ingest.post(stream, data.header(stream), rows);
        recordsPosted += accepted;
        return accepted;
    }

    /** Provinces as known on {@code day}: the launch date where it has happened, empty where it has not (yet). */
    private List<List<String>> provincesKnownOn(LocalDate day) {
        int column = data.header("provinces").indexOf("platform_launch_date");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : data.rows("provinces")) {
            String launch = row.get(column);
            List<String> known = new ArrayList<>(row);
            if (!launch.isEmpty() && LocalDate.parse(launch).isAfter(day)) {
                known.set(column, "");
            }
            rows.add(known);
        }
        return rows;
    }

    /**
     * Waits until panel-service has applied {@code records} raw records (every one posted so far: each post is a new
     * Kafka record, so each counts once); returns the panel version that holds them, empty after the timeout.
     */
    private OptionalLong awaitPanelApplied(long records, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> status = JsonGet.get(panelUrl + "/api/v1/panel/status")
                    .filter(s -> s.path("recordsApplied").asLong() >= records);
            if (status.isPresent()) {
                return OptionalLong.of(status.get().path("panelVersion").asLong());
            }
            ServiceProcess.pause(poll);
        }
        return OptionalLong.empty();
    }

    /** Waits until model-service has been through every spec on panel {@code version} or a later one. */
    private void awaitModelRound(long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean fitted = JsonGet.get(modelUrl + "/q/health").stream()
                    .flatMap(
                            health -> StreamSupport.stream(health.path("checks").spliterator(), false))
                    .anyMatch(check ->
                            check.path("data").path("panelVersionFitted").asLong(-1) >= version);
            if (fitted) {
                return;
            }
            ServiceProcess.pause(POLL);
        }
        throw new IllegalStateException("model-service did not fit panel version " + version + " within " + timeout);
    }

    /** The computedAt of the served Cox estimate, which must be of panel {@code version} or later. */
    private Instant coxComputedAt(long version) {
        JsonNode cox = JsonGet.get(reportUrl + "/api/v1/estimates/cox")
                .filter(c -> c.path("lineage").path("panelVersion").asLong() >= version)
                .orElseThrow(() -> new IllegalStateException(
                        "the served Cox estimate is older than panel version " + version + " after its update event"));
        return Instant.parse(cox.path("computedAt").asText());
    }

    private String panelSummary() {
        return JsonGet.get(panelUrl + "/api/v1/panel/status")
                .map(s -> String.format(
                        Locale.ROOT,
                        "panel v%d: %d rows, %d events",
                        s.path("panelVersion").asLong(),
                        s.path("rows").asInt(),
                        s.path("events").asInt()))
                .orElse("panel: (not yet)");
    }

    private String coxSummary() {
        return JsonGet.get(reportUrl + "/api/v1/estimates/cox")
                .map(DemoStreamer::describeCox)
                .orElse("cox: (not yet)");
    }

    private static String describeCox(JsonNode cox) {
        String competition = "";
        for (JsonNode c : cox.path("coefficients")) {
            if (c.path("term").asText().equals("competition")
                    && c.path("hazardRatio").isNumber()) {
                competition = String.format(
                        Locale.ROOT,
                        ", HR(competition) %.2f",
                        c.path("hazardRatio").asDouble());
            }
        }
        return String.format(
                Locale.ROOT,
                "cox @ v%d%s",
                cox.path("lineage").path("panelVersion").asLong(),
                competition);
    }
}
