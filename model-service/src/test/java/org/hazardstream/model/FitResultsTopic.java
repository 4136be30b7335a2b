package org.hazardstream.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;

/** Reads what model-service published on fit-results, from the beginning, with a plain consumer. */
final class FitResultsTopic {

    /** A published event with its Kafka key. */
    /** A message of the topic: its key, its JSON as published, and the event read from it. */
    record Published(String key, String json, FitResultEvent event) {}

    private static final List<Published> SEEN = new ArrayList<>();
    private static KafkaConsumer<String, String> consumer;

    private FitResultsTopic() {}

    /** Everything published so far (up to the topic's end offset at the time of the call), in topic order. */
    static synchronized List<Published> all() {
        TopicPartition partition = new TopicPartition(Topics.FIT_RESULTS, 0);
        if (consumer == null) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KafkaBrokerTestResource.broker().bootstrapServers(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new StringDeserializer());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                SEEN.add(new Published(
                        record.key(), record.value(), EventJson.read(record.value(), FitResultEvent.class)));
            }
        }
        return List.copyOf(SEEN);
    }

    /** Every spec's result on a panel version, by spec. */
    static Map<String, Published> ofVersion(long panelVersion) {
        Map<String, Published> results = new java.util.TreeMap<>();
        for (Published p : all()) {
            if (p.event().lineage().panelVersion() == panelVersion) {
                results.put(p.event().spec(), p);
            }
        }
        return results;
    }

    /** The result of a spec on a panel version, once published. */
    static Optional<Published> find(String spec, long panelVersion) {
        return all().stream()
                .filter(p ->
                        p.event().spec().equals(spec) && p.event().lineage().panelVersion() == panelVersion)
                .findFirst();
    }
}
