package org.hazardstream.ingest.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends keyed JSON values through an emitter, in order, and returns once Kafka acknowledged every one of them. */
final class AcknowledgedSends {

    /** One Kafka record to send: its key and its JSON value. */
    record Keyed(String key, String json) {}

    private AcknowledgedSends() {}

    /**
     * @throws PublishFailedException when a send is refused or the acks do not arrive within {@code timeout}; some
     *                                records may then be published already
     */
    static void sendAll(Emitter<String> emitter, List<Keyed> records, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (Keyed record : records) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            Message<String> message = Message.of(record.json())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(record.key())
                            .build())
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
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(
                    "Kafka refused a record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge within " + timeout, e);
        }
    }
}
