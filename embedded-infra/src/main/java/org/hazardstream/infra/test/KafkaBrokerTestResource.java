package org.hazardstream.infra.test;

import java.nio.file.Path;
import java.util.Map;

import org.hazardstream.infra.Directories;
import org.hazardstream.infra.kafka.EmbeddedKafkaBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker: attach with {@code @WithTestResource(KafkaBrokerTestResource.class)}.
 * One broker serves every test class of the JVM (started on first use, stopped when the JVM exits).
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    /** The JVM's broker, started on first call; tests that talk to Kafka directly use this too. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            Path dir = Path.of("target", "kafka-test-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            broker = EmbeddedKafkaBroker.start(dir, 0, false);
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                Directories.deleteQuietly(dir);
                            },
                            "embedded-kafka-shutdown"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives a single Quarkus application: the next test class reuses it.
    }
}
