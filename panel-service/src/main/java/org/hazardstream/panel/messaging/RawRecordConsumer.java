package org.hazardstream.panel.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hazardstream.panel.service.PanelProcessor;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes raw-records in batches (group panel-service). The batch is acknowledged, so its offsets committed, only
 * after this method returns, that is after the batch's transaction committed. A failure fails the channel (health
 * goes down and the service is restarted); it resumes from the last committed offsets, and the stored positions make
 * the redelivered records no-ops. The outbox relay sends the batch's panel messages on its own thread.
 */
@ApplicationScoped
public class RawRecordConsumer {

    private final PanelProcessor processor;
    private final OutboxRelay relay;

    public RawRecordConsumer(PanelProcessor processor, OutboxRelay relay) {
        this.processor = processor;
        this.relay = relay;
    }

    @Incoming("raw-records")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        processor.apply(batch);
        relay.relaySoon();
    }
}
