package org.hazardstream.local;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Issue 5's latency figure: the whole system on this machine, the demo data streamed day by day as fast as the
 * system takes them, and for each of the 60 days the time from the last record posted to ingest to the new Cox
 * estimate served by report-service (see {@link DemoStreamer.DayLatency}). Prints p50, p90, p99 and max, the same
 * for the stages and for the panel rows each day changed, every day's figures, and as its last line
 * {@code latency: p50 N ms, p90 N ms, p99 N ms over 60 days}; a benchmark, not a test.
 *
 * <p>Run: {@code deploy/local/bench-latency.sh} (after a build).
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {}

    public static void main(String[] args) {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, Integer> anyPorts = new LinkedHashMap<>();
        LocalSystem.Settings.contractPorts().keySet().forEach(name -> anyPorts.put(name, 0));
        String token = "benchmark";
        try (LocalSystem system = new LocalSystem(
                new LocalSystem.Settings(repo, repo.resolve("deploy/local/target/bench-run"), 0, token, anyPorts))) {
            system.start(line -> System.out.println("[bench] " + line));
            DemoStreamer streamer = DemoStreamer.into(
                    system,
                    DemoData.read(repo.resolve("deploy/local/demo")),
                    token,
                    line -> System.out.println("[bench] " + line));
            List<DemoStreamer.DayLatency> days =
                    streamer.streamMeasuringLatency(LocalDate.parse("2020-02-01"), LocalDate.parse("2020-03-31"));
            System.out.printf(
                    Locale.ROOT,
                    "%nposted daily batch -> new cox estimate served, %d days (ms): %s%n",
                    days.size(),
                    summary(days, DemoStreamer.DayLatency::total));
            System.out.printf(
                    Locale.ROOT,
                    "  of which until panel-service shows the version:  %s%n",
                    summary(days, DemoStreamer.DayLatency::panel));
            System.out.printf(
                    Locale.ROOT,
                    "  until model-service computed the cox estimate:   %s%n",
                    summary(days, DemoStreamer.DayLatency::fitted));
            System.out.printf(
                    Locale.ROOT,
                    "  panel rows changed per day:                      %s%n",
                    summary(days, DemoStreamer.DayLatency::rowsChanged));
            System.out.println("per day (ms, total/panel/fitted; panel rows changed):");
            for (DemoStreamer.DayLatency day : days) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s %5d %5d %5d %6d%n",
                        day.day(),
                        day.total(),
                        day.panel(),
                        day.fitted(),
                        day.rowsChanged());
            }
            List<Long> totals = new ArrayList<>();
            days.forEach(day -> totals.add(day.total()));
            Collections.sort(totals);
            System.out.printf(
                    Locale.ROOT,
                    "latency: p50 %d ms, p90 %d ms, p99 %d ms over %d days%n",
                    percentile(totals, 50),
                    percentile(totals, 90),
                    percentile(totals, 99),
                    days.size());
        }
    }

    static String summary(List<DemoStreamer.DayLatency> days, ToLongFunction<DemoStreamer.DayLatency> stage) {
        List<Long> values = new ArrayList<>();
        days.forEach(day -> values.add(stage.applyAsLong(day)));
        return summary(values);
    }

    /** p50, p90, p99, max and min of the values. */
    static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %d, p90 %d, p99 %d, max %d, min %d",
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1),
                sorted.get(0));
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
