package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.KnownCityEvent;

/** Sends known-city events to the known-cities topic (acks=all, idempotent producer) and waits for every ack. */
@ApplicationScoped
public class KnownCityPublisher {

    private final Emitter<String> emitter;

    public KnownCityPublisher(
            @Channel("known-cities-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Publishes the events, keyed by city id, and returns once Kafka acknowledged all of them.
     *
     * @throws PublishFailedException when a send is refused or the acks do not arrive in time; a retry of the
     *                                cities post publishes them again (same keys, compacted topic)
     */
    public void publishAll(List<KnownCityEvent> events, Duration timeout) {
        AcknowledgedSends.sendAll(
                emitter,
                events.stream()
                        .map(e -> new AcknowledgedSends.Keyed(e.topicKey(), EventJson.write(e)))
                        .toList(),
                timeout);
    }
}
