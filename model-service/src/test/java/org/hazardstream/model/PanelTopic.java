package org.hazardstream.model;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaChunks;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.PanelRow;
import org.hazardstream.study.panel.PanelSettings;
import org.hazardstream.study.panel.RawData;

/**
 * Plays panel-service in the tests: publishes panels onto the panel-deltas topic with a plain producer, each as the
 * delta from the panel published before (changed rows and removed rows), in chunks of at most {@link #CHUNK_BYTES}
 * of row JSON, so a whole panel travels in several messages as a large version would. Versions increase across every test
 * class of the JVM, since they share one broker and one running model-service.
 */
final class PanelTopic {

    /** The bundled demo data set (128 cities), read with hazard-core's offline reader. */
    static final RawData DEMO = RawData.readDirectory(Path.of("..", "deploy", "local", "demo"));

    static final String STUDY = "health-code";
    /** Far below panel-service's 256 KB, so a whole demo panel (about 1 MB of row JSON) travels in several chunks. */
    static final int CHUNK_BYTES = 64 * 1024;

    private static final AtomicLong VERSIONS = new AtomicLong();
    private static final Map<PanelDelta.RowKey, PanelRow> LIVE = new HashMap<>();
    private static KafkaProducer<String, String> producer;

    private PanelTopic() {}

    /** The demo panel of the study's window, ending at {@code end} instead of 2020-03-31. */
    static Panel demoPanel(LocalDate end) {
        PanelSettings study = PanelSettings.study();
        return new PanelBuilder().build(DEMO, new PanelSettings(study.start(), end, study.lagDays()));
    }

    /** Publishes the panel as the next version and returns that version. */
    static synchronized long publish(Panel panel) {
        long version = VERSIONS.incrementAndGet();
        awaitSent(send(panel, version));
        return version;
    }

    /** Publishes several panels back to back (one flush at the end, so they reach the broker as one burst). */
    static synchronized List<Long> publishBurst(List<Panel> panels) {
        List<Long> versions = panels.stream()
                .map(p -> {
                    long version = VERSIONS.incrementAndGet();
                    send(p, version);
                    return version;
                })
                .toList();
        producer().flush();
        return versions;
    }

    /** Sends the delta from the live panel to {@code panel}; returns the last chunk's send. */
    private static Future<?> send(Panel panel, long version) {
        Map<PanelDelta.RowKey, PanelRow> next = new HashMap<>();
        List<PanelRow> changed = new ArrayList<>();
        for (PanelRow row : panel.rows()) {
            PanelDelta.RowKey key = new PanelDelta.RowKey(row.cityId(), row.day());
            next.put(key, row);
            if (!row.equals(LIVE.get(key))) {
                changed.add(row);
            }
        }
        List<PanelDelta.RowKey> removed =
                LIVE.keySet().stream().filter(k -> !next.containsKey(k)).toList();
        LIVE.clear();
        LIVE.putAll(next);

        LocalDate dataThrough = panel.rows().stream()
                .map(PanelRow::date)
                .max(LocalDate::compareTo)
                .orElse(null);
        PanelVersionCompleted totals = new PanelVersionCompleted(
                version,
                panel.rows().size(),
                panel.cities(),
                panel.events(),
                dataThrough,
                0,
                changed.size() + removed.size(),
                Instant.now());
        Future<?> last = null;
        for (String message : PanelDeltaChunks.write(
                STUDY, totals, changed.stream().map(EventJson::write).toList(), removed, CHUNK_BYTES)) {
            last = producer().send(new ProducerRecord<>(Topics.PANEL_DELTAS, STUDY, message));
        }
        return last;
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
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KafkaBrokerTestResource.broker().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            5),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }
}
