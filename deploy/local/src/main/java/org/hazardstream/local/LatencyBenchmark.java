package org.hazardstream.local;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 5's latency figure: the whole system on this machine, the demo data streamed day by day as fast as the
 * system takes them, and for each of the 60 days the time from the last record posted to ingest to the new Cox
 * estimate served by report-service. Prints p50, p90, p99 and max; a benchmark, not a test.
 *
 * <p>Run: {@code deploy/local/bench-latency.sh} (after a build).
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, Integer> anyPorts = new LinkedHashMap<>();
        LocalSystem.Settings.contractPorts().keySet().forEach(name -> anyPorts.put(name, 0));
        String token = "benchmark";
        try (LocalSystem system = new LocalSystem(new LocalSystem.Settings(repo,
                repo.resolve("deploy/local/target/bench-run"), 0, token, anyPorts))) {
            system.start(line -> System.out.println("[bench] " + line));
            DemoStreamer streamer = new DemoStreamer(DemoData.read(repo.resolve("deploy/local/demo")),
                    new IngestClient(system.service("ingest-service").baseUrl(), token),
                    system.service("panel-service").baseUrl(), system.service("report-service").baseUrl(),
                    line -> System.out.println("[bench] " + line));
            List<Long> latencies = streamer.streamMeasuringLatency(LocalDate.parse("2020-02-01"),
                    LocalDate.parse("2020-03-31"));
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%nposted daily batch -> new cox estimate served, %d days (ms): "
                    + "p50 %d, p90 %d, p99 %d, max %d, min %d%n", sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.get(0));
            System.out.println("per day (ms): " + latencies);
        }
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
