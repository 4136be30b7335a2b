package org.hazardstream.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** deploy/local/run.sh: the whole system on this machine, with the demo data streamed in day by day. */
@Command(
        name = "run.sh",
        mixinStandardHelpOptions = true,
        description = "Starts Kafka, PostgreSQL and the four services, streams the demo data, stops all on Ctrl-C.")
public final class LocalRun implements Callable<Integer> {

    @Option(names = "--no-demo", description = "Start the system empty.")
    boolean noDemo;

    @Option(names = "--repo", description = "The checkout.", defaultValue = ".")
    Path repo;

    @Option(
            names = "--work-dir",
            description = "Data and logs of this run (wiped at start).",
            defaultValue = "deploy/local/.run")
    Path workDir;

    @Option(names = "--demo-dir", description = "The demo data set.", defaultValue = "deploy/local/demo")
    Path demoDir;

    @Option(names = "--pace-ms", description = "Pause after each streamed day, in ms.", defaultValue = "500")
    long paceMillis;

    @Option(names = "--kafka-port", description = "Kafka client port.", defaultValue = "9092")
    int kafkaPort;

    @Override
    public Integer call() throws InterruptedException {
        String token = System.getenv("INGEST_API_TOKEN");
        if (token == null || token.isBlank()) {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            say("INGEST_API_TOKEN was not set; this run's write token: " + token);
        }
        LocalSystem.Settings settings = new LocalSystem.Settings(
                repo.toAbsolutePath().normalize(), workDir, kafkaPort, token, LocalSystem.Settings.contractPorts());
        LocalSystem system = new LocalSystem(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so Ctrl-C at any moment leaves no process behind.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            say("stopping ...");
                            system.close();
                            say("stopped.");
                            stopped.countDown();
                        },
                        "local-run-shutdown"));
        system.start(LocalRun::say);

        String dashboard = system.service("report-service").baseUrl() + "/";
        say("system ready: dashboard " + dashboard + " | ingest "
                + system.service("ingest-service").baseUrl()
                + " | panel " + system.service("panel-service").baseUrl() + " | models "
                + system.service("model-service").baseUrl());
        if (!noDemo) {
            DemoStreamer streamer = DemoStreamer.into(system, DemoData.read(demoDir), token, LocalRun::say);
            streamer.stream(
                    LocalDate.parse("2020-02-01"), LocalDate.parse("2020-03-31"), Duration.ofMillis(paceMillis));
            say("demo data streamed. Cox estimates: "
                    + system.service("report-service").baseUrl() + "/api/v1/estimates/cox");
        }
        say("dashboard: " + dashboard + "  (Ctrl-C stops everything)");
        stopped.await();
        return 0;
    }

    private static void say(String line) {
        System.out.println("[hazard-stream] " + line);
        System.out.flush();
    }

    public static void main(String[] args) {
        int code = new CommandLine(new LocalRun()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
