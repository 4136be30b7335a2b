package org.hazardstream.report.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;

/** Builds fit results by hand and publishes events to the broker with a plain producer, as model-service would. */
public final class TestEvents {

    private TestEvents() {}

    /** A coefficient row with the contract's derived fields computed from estimate and SE (z test, 95% interval). */
    public static FitResult.Coefficient coefficient(String term, double estimate, double se) {
        double z = estimate / se;
        double p = 2
                * (1
                        - new org.apache.commons.math3.distribution.NormalDistribution()
                                .cumulativeProbability(Math.abs(z)));
        return new FitResult.Coefficient(
                term,
                estimate,
                se,
                null,
                z,
                p,
                Math.exp(estimate),
                Math.exp(estimate - 1.959963984540054 * se),
                Math.exp(estimate + 1.959963984540054 * se));
    }

    /** A coefficient that could not be estimated (collinear): every number null. */
    public static FitResult.Coefficient notEstimable(String term) {
        return new FitResult.Coefficient(term, null, null, null, null, null, null, null, null);
    }

    public static FitResult coxResult(int n, int events, List<FitResult.Coefficient> coefficients) {
        FitResult.TestStatistic lr = new FitResult.TestStatistic(12.5, coefficients.size(), 0.002);
        List<String> warnings = new ArrayList<>();
        coefficients.stream()
                .filter(c -> c.estimate() == null)
                .forEach(c -> warnings.add(c.term() + ": not estimable (collinear with the baseline); estimate null"));
        return new FitResult(
                "cox",
                n,
                events,
                0,
                true,
                5,
                -401.25,
                -460.5,
                810.5,
                new FitResult.Tests(lr, lr, lr),
                0.81,
                null,
                warnings,
                coefficients,
                List.of());
    }

    public static FitResultEvent event(
            String spec, long panelVersion, Instant computedAt, LocalDate dataThrough, FitResult result) {
        return event(spec, panelVersion, computedAt, dataThrough, result, Map.of("model", result.model()));
    }

    /** A result of the spec fitted with these options. */
    public static FitResultEvent event(
            String spec,
            long panelVersion,
            Instant computedAt,
            LocalDate dataThrough,
            FitResult result,
            Map<String, String> options) {
        return new FitResultEvent(
                UUID.randomUUID().toString(),
                spec,
                computedAt,
                42,
                new FitResultEvent.Lineage(panelVersion, result.n(), result.events(), dataThrough),
                FitResultEvent.Provenance.of("health-code", options, "hazard-core test"),
                result);
    }

    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public static String json(Object event) {
        return EventJson.write(event);
    }
}
