package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.core.panel.RawStream;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Every city ever accepted, so that daily and adoption posts can refuse an unknown city. Loaded at startup by reading
 * the compacted raw-records topic to its end (keys {@code cities|<id>}); grown when this instance publishes cities;
 * and read further on a miss, which picks up cities another replica published meanwhile.
 */
@ApplicationScoped
public class KnownCities {

    private static final Logger LOG = Logger.getLogger(KnownCities.class);
    private static final String PREFIX = RawRecordEvent.topicKey(RawStream.CITIES.id(), "");

    private final Set<String> cities = ConcurrentHashMap.newKeySet();
    private final String bootstrapServers;
    private KafkaConsumer<String, String> reader;

    public KnownCities(
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        catchUp();
        LOG.infof("known cities loaded from %s: %d", Topics.RAW_RECORDS, cities.size());
    }

    /** The cities known now (a live view). */
    public Set<String> cities() {
        return Collections.unmodifiableSet(cities);
    }

    public boolean contains(String cityId) {
        return cities.contains(cityId);
    }

    public void addAll(Iterable<String> accepted) {
        accepted.forEach(cities::add);
    }

    /** Reads the raw-records topic from where this reader stopped up to its current end. */
    public synchronized void catchUp() {
        KafkaConsumer<String, String> consumer = reader();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                String key = record.key();
                if (key != null && key.startsWith(PREFIX) && record.value() != null) {
                    cities.add(key.substring(PREFIX.length()));
                }
            }
        }
    }

    private KafkaConsumer<String, String> reader() {
        if (reader == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-known-cities-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            reader = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            // Assigned, not subscribed: no consumer group, every instance reads the whole topic.
            List<TopicPartition> partitions = reader.partitionsFor(Topics.RAW_RECORDS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        return reader;
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close(Duration.ofSeconds(2));
        }
    }
}
