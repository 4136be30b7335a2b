package org.hazardstream.infra.kafka;

import java.util.List;
import java.util.Map;

import org.hazardstream.events.Topics;

/**
 * The topics of the system with their partitions and cleanup policies, as docker-compose and the Strimzi
 * KafkaTopic resources declare them; the embedded broker creates them the same way before anything runs.
 */
public final class TopicLayout {

    /** One topic: name, partition count and topic-level configuration. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {}

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

    public static final List<TopicSpec> TOPICS = List.of(
            new TopicSpec(Topics.RAW_RECORDS, 3, COMPACTED),
            // Small (one record per city) and read whole by every ingest replica: one partition is plenty.
            new TopicSpec(Topics.KNOWN_CITIES, 1, COMPACTED),
            new TopicSpec(Topics.RAW_RECORDS_DLQ, 1, Map.of("cleanup.policy", "delete", "retention.ms", "1209600000")),
            // Keyed by study: a study's deltas stay in order in one partition. Kept whole: replayed from the start.
            new TopicSpec(
                    Topics.PANEL_DELTAS,
                    3,
                    Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1")),
            new TopicSpec(Topics.FIT_RESULTS, 1, COMPACTED));

    private TopicLayout() {}
}
