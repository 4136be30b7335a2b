package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.RawRecordEvent;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends raw-record events to the raw-records topic (acks=all, idempotent producer) and waits for every ack. */
@ApplicationScoped
public class RawRecordPublisher {

    private final Emitter<String> emitter;

    public RawRecordPublisher(@Channel("raw-records-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            Emitter<String> emitter) {
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
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (RawRecordEvent event : events) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            Message<String> message = Message.of(EventJson.write(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.topicKey()).build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
            acks.add(ack);
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka refused a record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge within " + timeout, e);
        }
    }

    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
