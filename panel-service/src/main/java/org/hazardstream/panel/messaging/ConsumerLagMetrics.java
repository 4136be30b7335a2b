package org.hazardstream.panel.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * {@code panel.consumer.lag}: records of raw-records not yet fetched by this service, summed over its partitions, as
 * the Kafka consumer knows it from its last fetch (asked on the consumer's own polling thread, which is the only
 * thread allowed to touch it). NaN until the consumer has partitions.
 */
@ApplicationScoped
public class ConsumerLagMetrics {

    private final KafkaClientService kafka;

    public ConsumerLagMetrics(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("panel.consumer.lag", this, ConsumerLagMetrics::lag)
                .description("raw-records messages behind the end of the topic")
                .register(registry);
    }

    double lag() {
        try {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer("raw-records");
            if (consumer == null) {
                return Double.NaN;
            }
            Long lag = consumer.runOnPollingThread(c -> {
                        if (c.assignment().isEmpty()) {
                            return -1L;
                        }
                        long sum = 0;
                        for (TopicPartition partition : c.assignment()) {
                            sum += c.currentLag(partition).orElse(0L);
                        }
                        return sum;
                    })
                    .await()
                    .atMost(Duration.ofSeconds(2));
            return lag < 0 ? Double.NaN : lag;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
