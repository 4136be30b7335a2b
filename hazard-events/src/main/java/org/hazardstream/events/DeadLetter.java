package org.hazardstream.events;

import java.time.Instant;

/** A raw record that could not be applied, with the reason; published to {@link Topics#RAW_RECORDS_DLQ}. */
public record DeadLetter(
        String topic, int partition, long offset, String key, String value, String reason, Instant failedAt) {}
