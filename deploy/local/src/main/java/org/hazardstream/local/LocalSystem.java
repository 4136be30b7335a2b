package org.hazardstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hazardstream.infra.Directories;
import org.hazardstream.infra.Ports;
import org.hazardstream.infra.db.EmbeddedDatabase;
import org.hazardstream.infra.kafka.EmbeddedKafkaBroker;

/**
 * The whole system on one machine: a real Kafka broker and a real PostgreSQL (both embedded, from Maven artifacts)
 * and the four services as child JVMs on their ports. Used by deploy/local/run.sh and by the end-to-end test.
 */
public final class LocalSystem implements AutoCloseable {

    /**
     * Where and how to run.
     *
     * @param repoRoot  the checkout (services' jars are found under it)
     * @param workDir   data and logs of this run (wiped at start)
     * @param kafkaPort broker port (0 = any free port)
     * @param apiToken  the ingest write token
     * @param ports     service name to HTTP port (0 = any free port), in start order
     * @param launches  service name to how its JVM is started; a service not named gets {@link Launch#DEFAULT}
     */
    public record Settings(
            Path repoRoot,
            Path workDir,
            int kafkaPort,
            String apiToken,
            Map<String, Integer> ports,
            Map<String, Launch> launches) {

        public Settings {
            launches = Map.copyOf(launches);
        }

        /** Every service with {@link Launch#DEFAULT}. */
        public Settings(Path repoRoot, Path workDir, int kafkaPort, String apiToken, Map<String, Integer> ports) {
            this(repoRoot, workDir, kafkaPort, apiToken, ports, Map.of());
        }

        /** How the named service's JVM is started. */
        public Launch launch(String service) {
            return launches.getOrDefault(service, Launch.DEFAULT);
        }

        /** The ports of http-api.md. */
        public static Map<String, Integer> contractPorts() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("report-service", 8080);
            ports.put("ingest-service", 8081);
            ports.put("panel-service", 8082);
            ports.put("model-service", 8083);
            return ports;
        }
    }

    /**
     * How a service's JVM is started, beyond what the system gives every service (Kafka, database, token, port).
     *
     * @param jvmOptions  JVM options: heap, collector, {@code -D} settings
     * @param environment more environment variables (e.g. {@code PANEL_WINDOW_START}), over the system's own
     */
    public record Launch(List<String> jvmOptions, Map<String, String> environment) {

        /** {@link ServiceProcess#DEFAULT_JVM_OPTIONS}, no more environment. */
        public static final Launch DEFAULT = new Launch(ServiceProcess.DEFAULT_JVM_OPTIONS, Map.of());

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
            environment = Map.copyOf(environment);
        }
    }

    /** The services that keep state in PostgreSQL, each in a database of its own. */
    private static final Map<String, String> DATABASES = Map.of("panel-service", "panel", "report-service", "report");

    private final Settings settings;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private EmbeddedKafkaBroker broker;
    private EmbeddedDatabase database;

    /** A system not started yet: register {@link #close()} (e.g. as a shutdown hook) before {@link #start}. */
    public LocalSystem(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything and waits until every service is ready; on failure, stops what had started. */
    public synchronized LocalSystem start(java.util.function.Consumer<String> progress) {
        Path work = settings.workDir().toAbsolutePath();
        try {
            Directories.deleteRecursively(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + work, e);
        }
        progress.accept("starting Kafka (KRaft) and PostgreSQL ...");
        try {
            CompletableFuture<EmbeddedDatabase> db =
                    CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(work.resolve("postgres"), 0, false));
            broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), settings.kafkaPort(), false);
            database = db.join();
            progress.accept("Kafka at " + broker.bootstrapServers() + ", PostgreSQL at 127.0.0.1:" + database.port());

            for (Map.Entry<String, Integer> entry : settings.ports().entrySet()) {
                String name = entry.getKey();
                int port = entry.getValue() == 0 ? Ports.freePort() : entry.getValue();
                services.put(
                        name,
                        ServiceProcess.start(
                                settings.repoRoot(),
                                name,
                                port,
                                settings.launch(name).jvmOptions(),
                                environment(name),
                                work.resolve("logs")));
            }
            progress.accept(
                    "starting " + String.join(", ", services.keySet()) + " (logs in " + work.resolve("logs") + ") ...");
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess service : services.values()) {
                ready.add(CompletableFuture.runAsync(() -> service.awaitReady(Duration.ofSeconds(120))));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("INGEST_API_TOKEN", settings.apiToken());
        String dbName = DATABASES.get(service);
        if (dbName != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.database(dbName));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        }
        env.putAll(settings.launch(service).environment());
        return env;
    }

    /**
     * Kills a service (SIGKILL, as a crash would) and starts it again on the same port with the same settings;
     * returns once it is ready.
     */
    public synchronized ServiceProcess crashAndRestart(String name) {
        ServiceProcess old = service(name);
        old.kill();
        ServiceProcess restarted = ServiceProcess.start(
                settings.repoRoot(),
                name,
                old.port(),
                settings.launch(name).jvmOptions(),
                environment(name),
                settings.workDir().toAbsolutePath().resolve("logs"));
        services.put(name, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
        return restarted;
    }

    /** The running services, in start order. */
    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    /** Stops the services first (they flush to Kafka and PostgreSQL), then the broker and the database. */
    @Override
    public synchronized void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        services.clear();
        running.parallelStream().forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
