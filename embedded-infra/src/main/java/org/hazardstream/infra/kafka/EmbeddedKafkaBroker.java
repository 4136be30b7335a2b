package org.hazardstream.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.hazardstream.infra.Directories;
import org.hazardstream.infra.Ports;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker in this JVM, in KRaft combined mode (one node is broker and controller),
 * started from the Maven artifacts: no Docker, no ZooKeeper. Used by every service's tests and by the local run.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final int port;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(int port, KafkaRaftServer server) {
        this.port = port;
        this.server = server;
    }

    /**
     * Formats {@code logDir} (wiping what was there unless {@code keepData}) and starts a broker.
     *
     * @param port the client port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, boolean keepData) {
        int clientPort = port == 0 ? Ports.freePort() : port;
        int controllerPort = Ports.freePort();
        try {
            boolean formatted = keepData && Files.exists(logDir.resolve("meta.properties"));
            if (!keepData) {
                Directories.deleteRecursively(logDir);
            }
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(properties(logDir, clientPort, controllerPort), false);
            if (!formatted) {
                new Formatter()
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .addDirectory(logDir.toString())
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setIgnoreFormatted(true)
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .run();
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(clientPort, server);
            broker.createTopics(TopicLayout.TOPICS);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker did not start in " + logDir + ": " + e, e);
        }
    }

    private static Properties properties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A small dedupe buffer keeps the log cleaner (needed for compacted topics) from taking 128 MB of heap.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        return p;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(List<TopicLayout.TopicSpec> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (TopicLayout.TopicSpec spec : topics) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config());
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + spec.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
