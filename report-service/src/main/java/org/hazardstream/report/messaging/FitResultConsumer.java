package org.hazardstream.report.messaging;

import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.service.FitResultArchive;
import org.hazardstream.report.service.ReportMetrics;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * Stores every message of the fit-results topic. The message is acknowledged (and its offset becomes
 * committable) only when this method returns, that is after the database transaction committed: a crash before
 * that redelivers it, and the eventId makes the second delivery a no-op. The dashboards hear of a stored result
 * from the archive's notification (every replica's listener), not from here: this replica alone sees the message.
 */
@ApplicationScoped
public class FitResultConsumer {

    private static final Logger LOG = Logger.getLogger(FitResultConsumer.class);

    private final FitResultArchive archive;
    private final ReportMetrics metrics;

    public FitResultConsumer(FitResultArchive archive, ReportMetrics metrics) {
        this.archive = archive;
        this.metrics = metrics;
    }

    @Incoming("fit-results")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone only asks compaction to drop the key; what report-service stored stays.
            return;
        }
        FitResultEvent event;
        try {
            event = EventJson.read(record.value(), FitResultEvent.class);
            requireComplete(event);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // Retrying cannot fix a malformed message: count it, say where it is, and go on with the next one.
            metrics.rejected();
            LOG.errorf("skipped fit-results offset %d (key %s): %s", record.offset(), record.key(), e.getMessage());
            return;
        }
        switch (archive.store(event, record.value())) {
            case STORED -> metrics.stored(event.spec(), event.lineage().panelVersion());
            case DUPLICATE -> metrics.duplicate();
        }
    }

    private static void requireComplete(FitResultEvent event) {
        if (event.eventId() == null
                || event.eventId().isBlank()
                || event.spec() == null
                || event.spec().isBlank()
                || event.computedAt() == null
                || event.lineage() == null
                || event.result() == null) {
            throw new IllegalArgumentException("eventId, spec, computedAt, lineage and result are required");
        }
    }
}
