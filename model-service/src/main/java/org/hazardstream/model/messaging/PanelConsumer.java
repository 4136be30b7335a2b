package org.hazardstream.model.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.hazardstream.model.service.PanelReplica;
import org.hazardstream.model.service.RefitScheduler;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies the panel-deltas topic to the replica. The channel reads from the beginning with a fresh consumer group on
 * every start (see application.properties), so the replica is rebuilt from the topic. A version is applied once all
 * of its chunks are in ({@link PanelDeltaAssembler}), so the replica only ever holds whole versions; the scheduler
 * gets the newest version of each poll (a replay at start hands over one snapshot, not one per version).
 */
@ApplicationScoped
public class PanelConsumer {

    private static final Logger LOG = Logger.getLogger(PanelConsumer.class);

    private final PanelReplica replica;
    private final RefitScheduler scheduler;
    private final MeterRegistry registry;
    private final Map<String, PanelDeltaAssembler> assemblers = new HashMap<>();

    public PanelConsumer(PanelReplica replica, RefitScheduler scheduler, MeterRegistry registry) {
        this.replica = replica;
        this.scheduler = scheduler;
        this.registry = registry;
        registry.gauge("model.panel.replica.rows", replica, PanelReplica::size);
    }

    /** One poll's records, in topic order. */
    @Incoming("panel-deltas")
    public void consume(ConsumerRecords<String, String> records) {
        long began = System.nanoTime();
        boolean completed = false;
        for (ConsumerRecord<String, String> record : records) {
            completed |= apply(record);
        }
        if (completed) {
            scheduler.versionCompleted(replica.snapshot());
        }
        LOG.debugf(
                "applied %d panel delta messages in %.1f ms",
                Integer.valueOf(records.count()), Double.valueOf((System.nanoTime() - began) / 1e6));
    }

    /** True when the message completed a version. */
    boolean apply(ConsumerRecord<String, String> record) {
        PanelDelta chunk;
        try {
            chunk = EventJson.read(record.value(), PanelDelta.class);
            return assemblers
                    .computeIfAbsent(chunk.study(), s -> new PanelDeltaAssembler())
                    .accept(chunk)
                    .map(complete -> {
                        replica.apply(complete);
                        return true;
                    })
                    .orElse(false);
        } catch (RuntimeException e) {
            // An unreadable chunk leaves its version incomplete: the replica keeps the last whole version.
            registry.counter("model.panel.messages.unreadable").increment();
            LOG.errorf(
                    "panel delta at offset %d (key %s) cannot be applied: %s",
                    record.offset(), record.key(), e.getMessage());
            return false;
        }
    }
}
