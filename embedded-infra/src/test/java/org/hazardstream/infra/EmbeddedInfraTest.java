package org.hazardstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.db.EmbeddedDatabase;
import org.hazardstream.infra.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;

class EmbeddedInfraTest {

    @Test
    void brokerCreatesTheSystemTopicsWithTheirPoliciesAndCarriesRecords() throws Exception {
        Path dir = Path.of("target", "kafka-infra-test").toAbsolutePath();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, false)) {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW_RECORDS);
                assertThat(admin.describeConfigs(List.of(raw))
                                .all()
                                .get()
                                .get(raw)
                                .get("cleanup.policy")
                                .value())
                        .isEqualTo("compact");
                ConfigResource panel = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PANEL_DELTAS);
                var panelConfig =
                        admin.describeConfigs(List.of(panel)).all().get().get(panel);
                assertThat(panelConfig.get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(panelConfig.get("retention.ms").value()).isEqualTo("-1");
                assertThat(admin.describeTopics(List.of(Topics.PANEL_DELTAS))
                                .allTopicNames()
                                .get()
                                .get(Topics.PANEL_DELTAS)
                                .partitions())
                        .hasSize(3);
            }

            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.FIT_RESULTS, "cox", "{\"n\":1}"))
                        .get();
            }

            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.FIT_RESULTS));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("cox");
                assertThat(r.value()).isEqualTo("{\"n\":1}");
            });
        }
    }

    @Test
    void postgresServesOneDatabasePerService() throws Exception {
        Path dir = Path.of("target", "pg-infra-test").toAbsolutePath();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            String url = db.database("panel");
            assertThat(db.database("panel")).isEqualTo(url);
            try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v int)");
                s.execute("INSERT INTO t VALUES (42)");
                try (ResultSet rs = s.executeQuery("SELECT current_database(), v FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("panel");
                    assertThat(rs.getInt(2)).isEqualTo(42);
                }
            }
        }
    }
}
