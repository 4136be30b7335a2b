package org.hazardstream.report.messaging;

import java.io.UncheckedIOException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelEvent;
import org.hazardstream.report.service.AdoptionCurves;
import org.hazardstream.report.service.AdoptionView;
import org.hazardstream.report.service.DashboardUpdates;
import org.hazardstream.report.service.ReportMetrics;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Feeds the panel topic, replayed from its beginning at every start, into the adoption view. */
@ApplicationScoped
public class PanelConsumer {

    private static final Logger LOG = Logger.getLogger(PanelConsumer.class);

    private final AdoptionView adoption;
    private final ReportMetrics metrics;
    private final DashboardUpdates updates;

    public PanelConsumer(AdoptionView adoption, ReportMetrics metrics, DashboardUpdates updates) {
        this.adoption = adoption;
        this.metrics = metrics;
        this.updates = updates;
    }

    /**
     * One poll's records, in topic order. Batches, because a day's data changes thousands of panel rows (every later
     * day of a city carries the new values forward): one hand-over per poll, not per row.
     */
    @Incoming("panel")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            apply(record);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        PanelEvent event;
        try {
            event = record.value() == null ? null : EventJson.read(record.value(), PanelEvent.class);
        } catch (UncheckedIOException e) {
            LOG.errorf("skipped panel offset %d (key %s): %s", record.offset(), record.key(), e.getMessage());
            return;
        }
        AdoptionCurves completed = adoption.apply(record.key(), event);
        if (completed != null) {
            metrics.panelVersion(completed.panelVersion());
            updates.publish(new DashboardUpdates.Update("panel", null, completed.panelVersion()));
        }
    }
}
