package org.hazardstream.model.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.PanelEvent;
import org.hazardstream.events.PanelRowChanged;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.model.service.PanelReplica;
import org.hazardstream.model.service.RefitScheduler;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies the panel topic to the replica. The channel reads from the beginning with a fresh consumer group on every
 * start (see application.properties), so the replica is rebuilt from the compacted topic. The topic has one
 * partition: every row change of version v precedes v's marker, so at a marker the replica is exactly version v.
 *
 * <p>Records come as whole {@link ConsumerRecord}s: a tombstone has a null value, which a payload parameter could
 * not carry, and its key says which row left the risk set.
 */
@ApplicationScoped
public class PanelConsumer {

    private static final Logger LOG = Logger.getLogger(PanelConsumer.class);

    private final PanelReplica replica;
    private final RefitScheduler scheduler;
    private final MeterRegistry registry;

    public PanelConsumer(PanelReplica replica, RefitScheduler scheduler, MeterRegistry registry) {
        this.replica = replica;
        this.scheduler = scheduler;
        this.registry = registry;
        registry.gauge("model.panel.replica.rows", replica, PanelReplica::size);
    }

    /** One poll's records, in topic order (batch mode: a replay of the whole topic goes at the speed of polling). */
    @Incoming("panel")
    public void consume(ConsumerRecords<String, String> records) {
        long began = System.nanoTime();
        for (ConsumerRecord<String, String> record : records) {
            apply(record);
        }
        LOG.debugf("applied %d panel messages in %.1f ms", Integer.valueOf(records.count()),
                Double.valueOf((System.nanoTime() - began) / 1e6));
    }

    void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (record.value() == null) {
            if (key != null && key.startsWith("row|")) {
                replica.remove(key);
            }
            return;
        }
        PanelEvent event;
        try {
            event = EventJson.read(record.value(), PanelEvent.class);
        } catch (RuntimeException e) {
            // One unreadable message must not stop the replica; the next version marker still makes it consistent.
            registry.counter("model.panel.messages.unreadable").increment();
            LOG.errorf("panel message at offset %d (key %s) is not a panel event: %s", record.offset(), key,
                    e.getMessage());
            return;
        }
        if (event instanceof PanelRowChanged changed) {
            replica.upsert(rowKey(key, changed), changed.row());
        } else if (event instanceof PanelVersionCompleted version) {
            scheduler.versionCompleted(replica.snapshot(version));
        }
    }

    /** The topic key identifies the row (a tombstone only has the key); rebuilt from the row if a producer left it out. */
    private static String rowKey(String key, PanelRowChanged changed) {
        return key != null ? key : PanelEvent.rowKey(changed.row().cityId(), changed.row().day());
    }
}
