package org.hazardstream.report.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.hazardstream.report.service.AdoptionCurves;
import org.hazardstream.report.service.AdoptionView;
import org.hazardstream.report.service.DashboardUpdates;
import org.hazardstream.report.service.ReportMetrics;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * Feeds the panel-deltas topic, replayed from its beginning at every start, into the adoption view: one whole
 * version at a time, the dashboard told once per poll about the newest.
 */
@ApplicationScoped
public class PanelConsumer {

    private static final Logger LOG = Logger.getLogger(PanelConsumer.class);

    private final AdoptionView adoption;
    private final ReportMetrics metrics;
    private final DashboardUpdates updates;
    private final Map<String, PanelDeltaAssembler> assemblers = new HashMap<>();

    public PanelConsumer(AdoptionView adoption, ReportMetrics metrics, DashboardUpdates updates) {
        this.adoption = adoption;
        this.metrics = metrics;
        this.updates = updates;
    }

    /** One poll's records, in topic order. */
    @Incoming("panel-deltas")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        AdoptionCurves newest = null;
        for (ConsumerRecord<String, String> record : records) {
            AdoptionCurves curves = apply(record);
            newest = curves != null ? curves : newest;
        }
        if (newest != null) {
            metrics.panelVersion(newest.panelVersion());
            updates.publish(new DashboardUpdates.Update("panel", null, newest.panelVersion()));
        }
    }

    /** The new curves when the message completed a version, else null. */
    private AdoptionCurves apply(ConsumerRecord<String, String> record) {
        try {
            PanelDelta chunk = EventJson.read(record.value(), PanelDelta.class);
            return assemblers
                    .computeIfAbsent(chunk.study(), s -> new PanelDeltaAssembler())
                    .accept(chunk)
                    .map(adoption::apply)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.errorf("skipped panel delta at offset %d (key %s): %s", record.offset(), record.key(), e.getMessage());
            return null;
        }
    }
}
