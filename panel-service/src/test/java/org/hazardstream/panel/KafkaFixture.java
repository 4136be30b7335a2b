package org.hazardstream.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;
import org.hazardstream.study.panel.RawRecord;

/**
 * Plain Kafka clients on the test broker, and the oracle: every valid record this JVM sent to raw-records, in send
 * order, built into a panel by hazard-core's offline builder (what {@code hazard-cli panel} does).
 */
final class KafkaFixture {

    /** Every valid record sent in this JVM, in send order (later records of a key replace earlier ones). */
    private static final List<RawRecord> SENT = new ArrayList<>();

    private static KafkaProducer<String, String> producer;

    private KafkaFixture() {}

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBrokerTestResource.broker().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Sends the records as ingest would, in this order, and waits for the acks. */
    static synchronized void send(List<RawRecord> records) {
        String batchId = UUID.randomUUID().toString();
        List<Future<?>> acks = new ArrayList<>();
        for (RawRecord r : records) {
            RawRecordEvent event = new RawRecordEvent(
                    UUID.randomUUID().toString(), r.stream().id(), r.key(), r.fields(), batchId, Instant.now());
            acks.add(producer()
                    .send(new ProducerRecord<>(Topics.RAW_RECORDS, event.topicKey(), EventJson.write(event))));
            SENT.add(r);
        }
        await(acks);
    }

    /** Sends a message the panel service must refuse (not recorded in the oracle). */
    /** Sends a raw record event exactly as written (a golden sample); the offline builder's data include it. */
    static synchronized void sendAsWritten(String json) {
        RawRecordEvent event = EventJson.read(json, RawRecordEvent.class);
        SENT.add(event.toRawRecord());
        await(List.of(producer().send(new ProducerRecord<>(Topics.RAW_RECORDS, event.topicKey(), json))));
    }

    static synchronized void sendPoison(String key, String value) {
        await(List.of(producer().send(new ProducerRecord<>(Topics.RAW_RECORDS, key, value))));
    }

    private static void await(List<Future<?>> acks) {
        try {
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The panel CSV the offline builder makes of everything sent so far. */
    static synchronized String expectedPanelCsv(PanelSettings settings) {
        RawData raw = new RawData();
        SENT.forEach(raw::apply);
        return new PanelBuilder().build(raw, settings).toCsv();
    }

    static synchronized RawData expectedRawData() {
        RawData raw = new RawData();
        SENT.forEach(raw::apply);
        return raw;
    }

    /** Every message of a topic now, in partition then offset order. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerTestResource.broker().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
