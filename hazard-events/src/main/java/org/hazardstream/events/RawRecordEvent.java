package org.hazardstream.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hazardstream.study.panel.RawRecord;
import org.hazardstream.study.panel.RawStream;

/**
 * One raw input row as accepted by the ingest service.
 *
 * @param eventId    unique id of this event (idempotence: a redelivered event has the same id)
 * @param stream     cities, daily, national, provinces or adoptions
 * @param key        the record's natural key within the stream (for daily: {@code city_id|date})
 * @param fields     the row, column name to text value; an empty or missing value is a missing value
 * @param batchId    the id of the HTTP post that brought it
 * @param receivedAt when the ingest service accepted it
 */
public record RawRecordEvent(
        String eventId, String stream, String key, Map<String, String> fields, String batchId, Instant receivedAt) {

    public RawRecordEvent {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The Kafka key: records of the same stream and natural key land in the same partition, in order. */
    public String topicKey() {
        return topicKey(stream, key);
    }

    public static String topicKey(String stream, String key) {
        return stream + "|" + key;
    }

    public RawRecord toRawRecord() {
        return new RawRecord(
                RawStream.byId(stream).orElseThrow(() -> new IllegalArgumentException("unknown stream: " + stream)),
                fields);
    }
}
