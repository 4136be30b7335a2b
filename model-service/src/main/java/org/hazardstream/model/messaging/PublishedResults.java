package org.hazardstream.model.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.events.Topics;
import org.jboss.logging.Logger;

/**
 * What this service published before it (re)started: the latest result of each spec on the compacted fit-results
 * topic (its provenance names the options it was fitted with). A restart replays the panel topic and reaches the same
 * version again; with this it does not publish that version's results a second time, and its first fits warm-start
 * from the published estimates.
 */
@ApplicationScoped
public class PublishedResults {

    private static final Logger LOG = Logger.getLogger(PublishedResults.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public PublishedResults(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Reads the topic from the beginning to its current end; spec name to its latest result. Returns what it has
     * read so far (possibly nothing) if the broker does not answer in time: a duplicate is better than a stall.
     */
    public Map<String, FitResultEvent> read() {
        Map<String, FitResultEvent> latest = new HashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "model-service-published-results");
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FIT_RESULTS, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    LOG.warnf(
                            "fit-results not read to its end within %s; results may be published twice", READ_TIMEOUT);
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    latest.put(record.key(), EventJson.read(record.value(), FitResultEvent.class));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("fit-results not readable (%s); results may be published twice", e.getMessage());
        }
        LOG.infof("%d specs have published results", latest.size());
        return latest;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
