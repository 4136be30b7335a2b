package org.hazardstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The county-scale benchmark: the whole system on this machine, each service's JVM sized as in its Kubernetes
 * container, and the generated {@link CountyStudy} (2,844 units in 31 provinces, 365 days, about a million panel rows
 * by the end) streamed day by day as fast as the system takes it, through {@link DemoStreamer}'s measuring path. For
 * each day: the time from the answer to the day's last post until report-service serves a Cox estimate of the panel
 * version holding it (p50, p90, p99, max), where that time goes (panel-service; model-service before the Cox fit;
 * the Cox fit, from model-service's log; serving), the panel rows the day changed, and at the end the peak resident
 * memory (VmHWM) of each service's JVM beside its container's memory limit. Last line:
 * {@code county: p50 N ms, p99 N ms over D days; peak MiB ingest N, panel N, model N, report N}. A benchmark, not a
 * test.
 *
 * <p>Each service gets the heap its container would: 75% of the limit in deploy/kubernetes/base/services/NAME.yaml
 * (the images' {@code -XX:MaxRAMPercentage=75.0}), the serial collector (what the JVM picks in such a container) and
 * {@code -XX:+ExitOnOutOfMemoryError}. model-service fits all seven configured specs (configuration cannot switch
 * specs off), the Cox spec first on every version, as deployed. {@code --heap SERVICE=MiB} gives a service more,
 * to see what it needs where the container's limit is too small (peaks are still shown against the limit).
 *
 * <p>Run: {@code deploy/local/bench-county.sh [--days N] [--max-minutes M] [--heap SERVICE=MiB]}.
 */
@Command(
        name = "bench-county.sh",
        mixinStandardHelpOptions = true,
        description = "Streams the generated county-scale study through the local system and measures it.")
public final class CountyBenchmark implements Callable<Integer> {

    static final List<String> SERVICES = List.of("ingest-service", "panel-service", "model-service", "report-service");
    private static final Pattern LIMIT = Pattern.compile("limits:\\s*\\n(?:\\s+cpu:.*\\n)?\\s+memory:\\s*(\\d+)Mi");
    private static final Pattern FITTED =
            Pattern.compile("spec (\\S+) fitted and published on panel version (\\d+) in ([0-9.]+) ms");
    private static final Pattern ABANDONED = Pattern.compile(
            "fit of spec (\\S+) on panel version (\\d+) abandoned for a newer version after ([0-9.]+) ms");

    @Option(
            names = "--days",
            description = "Stream only the first N days of the window (default: all 365).",
            defaultValue = "365")
    int days;

    @Option(names = "--repo", description = "The checkout.", defaultValue = ".")
    Path repo;

    @Option(
            names = "--work-dir",
            description = "Data and logs of this run (wiped at start).",
            defaultValue = "deploy/local/target/county-run")
    Path workDir;

    @Option(names = "--seed", description = "The study's seed (default: the standard study's).")
    Long seed;

    @Option(
            names = "--max-minutes",
            description = "Start no day after this many minutes of streaming (0: no limit);"
                    + " the figures are then of the days streamed.",
            defaultValue = "0")
    long maxMinutes;

    @Option(
            names = "--heap",
            description = "Give SERVICE a heap of MiB instead of 75% of its container limit"
                    + " (repeatable), to see what it needs when the limit is too small; peaks are still shown against the"
                    + " limit.",
            paramLabel = "SERVICE=MiB")
    Map<String, Integer> heaps = new LinkedHashMap<>();

    @Option(
            names = "--day-timeout-s",
            description = "How long one day may take before the run fails, in s.",
            defaultValue = "600")
    long dayTimeoutSeconds;

    /** A service's container memory limit and the JVM options that size it like the container. */
    record Sizing(int limitMib, int heapMib, List<String> jvmOptions) {}

    @Override
    public Integer call() {
        Path root = repo.toAbsolutePath().normalize();
        CountyStudy.Design design =
                seed == null ? CountyStudy.Design.STANDARD : CountyStudy.Design.STANDARD.withSeed(seed);
        if (days < 1 || days > design.days()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--days must be 1.." + design.days());
        }
        long began = System.nanoTime();
        CountyStudy study = CountyStudy.generate(design);
        say("study: " + study.summary()
                + String.format(Locale.ROOT, " (generated in %.1f s)", (System.nanoTime() - began) / 1e9));
        LocalDate start = design.windowStart();
        LocalDate end = start.plusDays(days - 1L);
        say(String.format(
                Locale.ROOT,
                "streaming %s .. %s (%d days); expected panel then: %,d rows, %,d events",
                start,
                end,
                days,
                study.expectedPanelRows(days),
                study.expectedEvents(days)));

        Map<String, Sizing> sizing = new LinkedHashMap<>();
        Map<String, LocalSystem.Launch> launches = new LinkedHashMap<>();
        for (String unknown : heaps.keySet()) {
            if (!SERVICES.contains(unknown)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "--heap: no service " + unknown + " (one of " + String.join(", ", SERVICES) + ")");
            }
        }
        for (String service : SERVICES) {
            Sizing s = sizing(root, service, heaps.get(service));
            sizing.put(service, s);
            List<String> options = new ArrayList<>(s.jvmOptions());
            Map<String, String> environment = new LinkedHashMap<>();
            if (service.equals("panel-service")) {
                environment.put("PANEL_WINDOW_START", design.windowStart().toString());
                environment.put("PANEL_WINDOW_END", design.windowEnd().toString());
                environment.put("PANEL_LAG_DAYS", Integer.toString(design.lagDays()));
            }
            if (service.equals("model-service")) {
                // Each fit's duration, read back from the log below.
                options.add("-Dquarkus.log.category.\"org.hazardstream.model.service.SpecFitter\".level=DEBUG");
            }
            launches.put(service, new LocalSystem.Launch(options, environment));
            say(String.format(
                    Locale.ROOT,
                    "%s: container limit %d MiB -> %s",
                    service,
                    s.limitMib(),
                    String.join(" ", s.jvmOptions())));
        }

        Map<String, Integer> anyPorts = new LinkedHashMap<>();
        LocalSystem.Settings.contractPorts().keySet().forEach(name -> anyPorts.put(name, 0));
        String token = "benchmark";
        Map<String, Long> peakKib = new ConcurrentHashMap<>();
        try (LocalSystem system =
                new LocalSystem(new LocalSystem.Settings(root, root.resolve(workDir), 0, token, anyPorts, launches))) {
            // Stopping the benchmark (or a service dying, below) stops everything it started.
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "county-shutdown"));
            system.start(CountyBenchmark::say);
            Thread sampler = new Thread(() -> sampleMemory(system, peakKib, sizing), "memory-sampler");
            sampler.setDaemon(true);
            sampler.start();

            DemoStreamer streamer = DemoStreamer.into(system, through(study, end), token, CountyBenchmark::say)
                    .withMeasureTimeout(Duration.ofSeconds(dayTimeoutSeconds));
            if (maxMinutes > 0) {
                streamer.withTimeBudget(Duration.ofMinutes(maxMinutes));
            }
            long streamBegan = System.nanoTime();
            List<DemoStreamer.DayLatency> measured;
            try {
                measured = streamer.streamMeasuringLatency(start, end);
            } finally {
                sampler.interrupt(); // before anything stops a service
                joinQuietly(sampler);
                recordPeaks(system, peakKib);
            }
            long streamSeconds = (System.nanoTime() - streamBegan) / 1_000_000_000L;

            JsonNode status = JsonGet.get(system.service("panel-service").baseUrl() + "/api/v1/panel/status")
                    .orElseThrow(() -> new IllegalStateException("panel-service's status is not available"));
            report(
                    study,
                    measured,
                    sizing,
                    peakKib,
                    status,
                    system.service("model-service").log(),
                    streamSeconds);
        }
        return 0;
    }

    /** The study as known on {@code last}: nothing dated later, so a shorter run posts no more than it measures. */
    static StudyData through(StudyData study, LocalDate last) {
        Predicate<LocalDate> known = d -> !d.isAfter(last);
        return new StudyData() {
            @Override
            public List<String> header(String stream) {
                return study.header(stream);
            }

            @Override
            public List<List<String>> rows(String stream) {
                return study.rows(stream);
            }

            @Override
            public List<List<String>> rowsDated(String stream, Predicate<LocalDate> when) {
                return study.rowsDated(stream, known.and(when));
            }
        };
    }

    /**
     * The service's container limit from its Kubernetes manifest, and a JVM sized like it: a heap of 75% of the limit
     * unless {@code heapMib} is given.
     */
    static Sizing sizing(Path repoRoot, String service, Integer heapMib) {
        Path manifest = repoRoot.resolve("deploy/kubernetes/base/services").resolve(service + ".yaml");
        try {
            Matcher m = LIMIT.matcher(Files.readString(manifest));
            if (!m.find()) {
                throw new IllegalStateException("no memory limit (limits: memory: NMi) in " + manifest);
            }
            int limit = Integer.parseInt(m.group(1));
            int heap = heapMib != null ? heapMib : limit * 3 / 4;
            return new Sizing(
                    limit, heap, List.of("-Xmx" + heap + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    /**
     * Notes each service's peak memory every 2 s; a service that died (e.g. out of memory: the JVMs exit on it) ends
     * the run at once with what is known, rather than after the day's timeout.
     */
    private static void sampleMemory(LocalSystem system, Map<String, Long> peakKib, Map<String, Sizing> sizing) {
        while (!Thread.currentThread().isInterrupted()) {
            recordPeaks(system, peakKib);
            for (ServiceProcess service : system.services()) {
                if (service.exitCode().isPresent()) {
                    say(String.format(
                            Locale.ROOT,
                            "%s exited with code %d (peak resident memory %d MiB of its %d MiB"
                                    + " limit); see %s. Stopping.",
                            service.name(),
                            service.exitCode().getAsInt(),
                            peakKib.getOrDefault(service.name(), 0L) / 1024,
                            sizing.get(service.name()).limitMib(),
                            service.log()));
                    System.exit(3);
                }
            }
            ServiceProcess.pause(Duration.ofSeconds(2));
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void recordPeaks(LocalSystem system, Map<String, Long> peakKib) {
        for (ServiceProcess service : system.services()) {
            service.peakResidentKib().ifPresent(kib -> peakKib.merge(service.name(), kib, Math::max));
        }
    }

    private static void report(
            CountyStudy study,
            List<DemoStreamer.DayLatency> days,
            Map<String, Sizing> sizing,
            Map<String, Long> peakKib,
            JsonNode status,
            Path modelLog,
            long streamSeconds) {
        Map<String, TreeMap<Long, Double>> fits = new TreeMap<>();
        Map<String, List<Double>> abandoned = new TreeMap<>();
        readFits(modelLog, fits, abandoned);
        TreeMap<Long, Double> coxFits = fits.getOrDefault("cox", new TreeMap<>());

        List<Long> coxFit = new ArrayList<>();
        List<Long> beforeFit = new ArrayList<>();
        for (DemoStreamer.DayLatency day : days) {
            Map.Entry<Long, Double> fit = coxFits.ceilingEntry(day.panelVersion());
            long ms = fit == null ? 0 : Math.round(fit.getValue());
            coxFit.add(ms);
            beforeFit.add(day.fitted() - day.panel() - ms);
        }

        System.out.printf(
                Locale.ROOT,
                "%nposted daily batch -> new cox estimate served, %d days (ms): %s%n",
                days.size(),
                LatencyBenchmark.summary(days, DemoStreamer.DayLatency::total));
        System.out.printf(
                Locale.ROOT,
                "  until panel-service shows the version:            %s%n",
                LatencyBenchmark.summary(days, DemoStreamer.DayLatency::panel));
        System.out.printf(
                Locale.ROOT,
                "  until model-service computed the cox estimate:    %s%n",
                LatencyBenchmark.summary(days, DemoStreamer.DayLatency::fitted));
        System.out.printf(
                Locale.ROOT,
                "    of it the cox fit (model-service's log):        %s%n",
                LatencyBenchmark.summary(coxFit));
        System.out.printf(
                Locale.ROOT,
                "    of it before the fit (relay, Kafka, replica, waiting for the worker): %s%n",
                LatencyBenchmark.summary(beforeFit));
        List<Long> serving = new ArrayList<>();
        days.forEach(day -> serving.add(day.total() - day.fitted()));
        System.out.printf(
                Locale.ROOT,
                "  from computed to served (Kafka, report-service):  %s%n",
                LatencyBenchmark.summary(serving));
        System.out.printf(
                Locale.ROOT,
                "  panel rows changed per day:                       %s%n",
                LatencyBenchmark.summary(days, DemoStreamer.DayLatency::rowsChanged));

        System.out.println("fits during the run (model-service's log), by spec: count, median ms, max ms;"
                + " abandoned for a newer version");
        for (Map.Entry<String, TreeMap<Long, Double>> spec : fits.entrySet()) {
            List<Long> ms = new ArrayList<>();
            spec.getValue().values().forEach(v -> ms.add(Math.round(v)));
            Collections.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %4d fits, median %6d, max %6d; %d abandoned%n",
                    spec.getKey(),
                    ms.size(),
                    LatencyBenchmark.percentile(ms, 50),
                    ms.get(ms.size() - 1),
                    abandoned.getOrDefault(spec.getKey(), List.of()).size());
        }

        int through = days.size();
        System.out.printf(
                Locale.ROOT,
                "panel at the end: %,d rows, %,d events (the study's panel through day %d:"
                        + " %,d rows, %,d events)%n",
                status.path("rows").asLong(),
                status.path("events").asLong(),
                through,
                study.expectedPanelRows(through),
                study.expectedEvents(through));
        System.out.printf(Locale.ROOT, "streaming took %d min %d s%n", streamSeconds / 60, streamSeconds % 60);

        System.out.println("per day (ms: total / panel / fitted / cox fit; panel rows changed; panel version):");
        for (int i = 0; i < days.size(); i++) {
            DemoStreamer.DayLatency day = days.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "  %s %6d %6d %6d %6d %7d  v%d%n",
                    day.day(),
                    day.total(),
                    day.panel(),
                    day.fitted(),
                    coxFit.get(i),
                    day.rowsChanged(),
                    day.panelVersion());
        }

        System.out.println("peak resident memory (VmHWM) of each service's JVM, beside its container limit:");
        List<String> peaks = new ArrayList<>();
        for (String service : SERVICES) {
            Sizing s = sizing.get(service);
            long mib = peakKib.getOrDefault(service, 0L) / 1024;
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s %5d MiB of %5d MiB (heap -Xmx%dm)%s%n",
                    service,
                    mib,
                    s.limitMib(),
                    s.heapMib(),
                    mib > s.limitMib() ? "  OVER THE LIMIT" : "");
            peaks.add(service.replace("-service", "") + " " + mib);
        }

        List<Long> totals = new ArrayList<>();
        days.forEach(day -> totals.add(day.total()));
        Collections.sort(totals);
        System.out.printf(
                Locale.ROOT,
                "county: p50 %d ms, p99 %d ms over %d days; peak MiB %s%n",
                LatencyBenchmark.percentile(totals, 50),
                LatencyBenchmark.percentile(totals, 99),
                days.size(),
                String.join(", ", peaks));
    }

    /** Every fit model-service's log reports: spec to panel version to ms (the last per version), and abandoned fits. */
    static void readFits(Path log, Map<String, TreeMap<Long, Double>> fits, Map<String, List<Double>> abandoned) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            say("cannot read " + log + ": " + e.getMessage());
            return;
        }
        for (String line : lines) {
            Matcher fitted = FITTED.matcher(line);
            if (fitted.find()) {
                fits.computeIfAbsent(fitted.group(1), s -> new TreeMap<>())
                        .put(Long.parseLong(fitted.group(2)), Double.parseDouble(fitted.group(3)));
                continue;
            }
            Matcher gaveWay = ABANDONED.matcher(line);
            if (gaveWay.find()) {
                abandoned
                        .computeIfAbsent(gaveWay.group(1), s -> new ArrayList<>())
                        .add(Double.parseDouble(gaveWay.group(3)));
            }
        }
    }

    private static void say(String line) {
        System.out.println("[county] " + line);
        System.out.flush();
    }

    public static void main(String[] args) {
        int code = new CommandLine(new CountyBenchmark()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
