package org.hazardstream.model.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hazardstream.core.fit.FitResultJson;
import org.hazardstream.events.FitResultEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes fit results to the fit-results topic, keyed by spec (compacted: the latest result of each spec wins). */
@ApplicationScoped
public class FitResultPublisher {

    /**
     * The event's JSON: ISO instants and dates like every event, and the result in the fit contract's form
     * (field order, a non-finite number as null) so the report-service serves exactly what the CLI prints.
     */
    private static final ObjectMapper MAPPER = FitResultJson.configure(JsonMapper.builder())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final MutinyEmitter<String> emitter;

    public FitResultPublisher(@Channel("fit-results") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends and waits for the broker's acknowledgement (acks=all); throws when the send fails. */
    public void publish(FitResultEvent event) {
        Message<String> message = Message.of(toJson(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.spec())
                        .build());
        emitter.sendMessageAndAwait(message);
    }

    static String toJson(FitResultEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fit result event not serialisable", e);
        }
    }
}
