package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.RawRecordEvent;

/** Sends raw-record events to the raw-records topic (acks=all, idempotent producer) and waits for every ack. */
@ApplicationScoped
public class RawRecordPublisher {

    private final Emitter<String> emitter;

    public RawRecordPublisher(
            @Channel("raw-records-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Publishes the events in order and returns once Kafka acknowledged all of them.
     *
     * @throws PublishFailedException when a send is refused or the acks do not arrive in time; some events may
     *                                then be published already, which a retry of the whole post makes harmless
     *                                (same keys, the topic is compacted, the panel is idempotent per key)
     */
    public void publishAll(List<RawRecordEvent> events, Duration timeout) {
        AcknowledgedSends.sendAll(
                emitter,
                events.stream()
                        .map(e -> new AcknowledgedSends.Keyed(e.topicKey(), EventJson.write(e)))
                        .toList(),
                timeout);
    }
}
