package org.hazardstream.model;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hazardstream.core.panel.Panel;
import org.hazardstream.core.panel.PanelBuilder;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.core.panel.PanelSettings;
import org.hazardstream.core.panel.RawData;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelEvent;
import org.hazardstream.events.PanelRowChanged;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;

/**
 * Plays panel-service in the tests: publishes whole panels onto the panel topic with a plain producer, as row
 * changes, tombstones for rows that left, and a version marker. Versions increase across every test class of the
 * JVM, since they share one broker and one running model-service.
 */
final class PanelTopic {

    /** The bundled demo data set (128 cities), read with hazard-core's offline reader. */
    static final RawData DEMO = RawData.readDirectory(Path.of("..", "deploy", "local", "demo"));

    private static final AtomicLong VERSIONS = new AtomicLong();
    private static final Set<String> LIVE_KEYS = new HashSet<>();
    private static KafkaProducer<String, String> producer;

    private PanelTopic() {
    }

    /** The demo panel of the study's window, ending at {@code end} instead of 2020-03-31. */
    static Panel demoPanel(LocalDate end) {
        PanelSettings study = PanelSettings.study();
        return new PanelBuilder().build(DEMO, new PanelSettings(study.start(), end, study.lagDays()));
    }

    /** Publishes the panel as the next version and returns that version. */
    static synchronized long publish(Panel panel) {
        long version = VERSIONS.incrementAndGet();
        send(panel, version);
        awaitSent(producer().send(markerRecord(panel, version)));
        return version;
    }

    /** Publishes several panels back to back (one flush at the end, so they reach the broker as one burst). */
    static synchronized List<Long> publishBurst(List<Panel> panels) {
        List<Long> versions = panels.stream().map(p -> {
            long version = VERSIONS.incrementAndGet();
            send(p, version);
            producer().send(markerRecord(p, version));
            return version;
        }).toList();
        producer().flush();
        return versions;
    }

    private static void send(Panel panel, long version) {
        Set<String> keys = new HashSet<>();
        for (PanelRow row : panel.rows()) {
            String key = PanelEvent.rowKey(row.cityId(), row.day());
            keys.add(key);
            producer().send(new ProducerRecord<>(Topics.PANEL, key, EventJson.write(new PanelRowChanged(version, row))));
        }
        for (String gone : LIVE_KEYS) {
            if (!keys.contains(gone)) {
                producer().send(new ProducerRecord<>(Topics.PANEL, gone, null));
            }
        }
        LIVE_KEYS.clear();
        LIVE_KEYS.addAll(keys);
    }

    private static ProducerRecord<String, String> markerRecord(Panel panel, long version) {
        LocalDate dataThrough = panel.rows().stream().map(PanelRow::date).max(LocalDate::compareTo).orElse(null);
        PanelVersionCompleted marker = new PanelVersionCompleted(version, panel.rows().size(), panel.cities(),
                panel.events(), dataThrough, 0, panel.rows().size(), Instant.now());
        return new ProducerRecord<>(Topics.PANEL, PanelEvent.VERSION_KEY, EventJson.write(marker));
    }

    private static void awaitSent(Future<?> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("marker not sent", e.getCause());
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
