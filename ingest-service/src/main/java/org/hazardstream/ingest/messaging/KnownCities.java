package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.KnownCityEvent;
import org.hazardstream.events.Topics;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Every city ever accepted, so that daily and adoption posts can refuse an unknown city. The source is the small
 * compacted {@link Topics#KNOWN_CITIES} topic (one {@link KnownCityEvent} per city), never raw-records: that topic
 * holds every raw row ever posted, and replaying it at each start grew with the study.
 *
 * <p>At startup the topic is read from the beginning to its end offsets before the service takes posts. Then a
 * daemon thread tails it, so a city that another replica accepted becomes known here within a poll. A post that names
 * a city not known yet calls {@link #catchUp()}, which reads up to the end offsets of that moment before the post is
 * refused: a replica that answered 202 to a cities post had its known-city records acknowledged by then, so a daily
 * post sent after that answer, to any replica, is never refused for a city it does not know yet.
 *
 * <p>The partitions are assigned, not subscribed: no consumer group, every replica reads the whole topic. One
 * consumer serves the tail and the catch-ups, guarded by a fair lock (a catch-up waits at most one tail poll).
 */
@ApplicationScoped
public class KnownCities {

    private static final Logger LOG = Logger.getLogger(KnownCities.class);
    private static final Duration TAIL_POLL = Duration.ofMillis(200);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final Set<String> cities = ConcurrentHashMap.newKeySet();
    private final String bootstrapServers;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong recordsRead = new AtomicLong();
    /** Guarded by {@link #lock}. */
    private KafkaConsumer<String, String> consumer;

    private volatile Set<TopicPartition> assigned = Set.of();
    private Thread tail;

    @Inject
    public KnownCities(
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Reads the topic from the beginning to its end, then starts tailing it. Called once. */
    public void start() {
        lock.lock();
        try {
            consumer = openAtBeginning();
            readToEnd();
        } finally {
            lock.unlock();
        }
        LOG.infof(
                "known cities loaded from %s: %d cities, %d records read",
                Topics.KNOWN_CITIES, cities.size(), recordsRead.get());
        tail = new Thread(this::tail, "known-cities-tail");
        tail.setDaemon(true);
        tail.start();
    }

    /** The cities known now (a live view). */
    public Set<String> cities() {
        return Collections.unmodifiableSet(cities);
    }

    public boolean contains(String cityId) {
        return cities.contains(cityId);
    }

    /** Cities this replica has just published to the topic (known here at once, to the others through the tail). */
    public void addAll(Iterable<String> accepted) {
        accepted.forEach(cities::add);
    }

    /** Reads the topic up to its end offsets of now: what every replica's answered posts have published. */
    public void catchUp() {
        lock.lock();
        try {
            readToEnd();
        } finally {
            lock.unlock();
        }
    }

    /** The partitions this reader is assigned: those of {@link Topics#KNOWN_CITIES}, nothing else. */
    public Set<TopicPartition> assignment() {
        return assigned;
    }

    /** How many records this reader has read since it started. */
    public long recordsRead() {
        return recordsRead.get();
    }

    private KafkaConsumer<String, String> openAtBeginning() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-known-cities-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A missing topic is a deployment error: do not let the broker create it with default (delete) cleanup.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, String> opened =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        try {
            List<TopicPartition> partitions = opened.partitionsFor(Topics.KNOWN_CITIES, KAFKA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.KNOWN_CITIES
                        + " does not exist: create it as the Topics table of deploy/README.md says");
            }
            opened.assign(partitions);
            opened.seekToBeginning(partitions);
            assigned = Set.copyOf(partitions);
            return opened;
        } catch (RuntimeException e) {
            opened.close(Duration.ZERO);
            throw e;
        }
    }

    /** Holding the lock. */
    private void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), KAFKA_TIMEOUT);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            apply(consumer.poll(Duration.ofMillis(500)));
        }
    }

    private void tail() {
        while (stopping.getCount() > 0) {
            RuntimeException failure = null;
            lock.lock();
            try {
                apply(consumer.poll(TAIL_POLL));
            } catch (WakeupException e) {
                // close() woke the poll up
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                lock.unlock();
            }
            if (failure != null) {
                LOG.warnf(failure, "reading %s failed; trying again in 1 s", Topics.KNOWN_CITIES);
                awaitStop(Duration.ofSeconds(1));
            }
        }
    }

    private void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            recordsRead.incrementAndGet();
            if (record.value() == null) {
                // A tombstone: an operator made the topic forget this city.
                cities.remove(record.key());
                continue;
            }
            KnownCityEvent event;
            try {
                event = EventJson.read(record.value(), KnownCityEvent.class);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "skipping %s record at %s-%d offset %d: %s",
                        Topics.KNOWN_CITIES, record.topic(), record.partition(), record.offset(), e.getMessage());
                continue;
            }
            if (event.schemaVersion() > KnownCityEvent.SCHEMA_VERSION) {
                LOG.warnf(
                        "skipping %s record of city %s: schema version %d is newer than %d",
                        Topics.KNOWN_CITIES, event.cityId(), event.schemaVersion(), KnownCityEvent.SCHEMA_VERSION);
                continue;
            }
            cities.add(event.cityId());
        }
    }

    private void awaitStop(Duration timeout) {
        try {
            stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    @PreDestroy
    public void close() {
        stopping.countDown();
        if (consumer == null) {
            return;
        }
        consumer.wakeup();
        if (tail != null) {
            try {
                tail.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            consumer.close(Duration.ofSeconds(2));
        } finally {
            lock.unlock();
        }
    }
}
