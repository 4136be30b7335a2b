package org.hazardstream.ingest.service;

import java.util.List;

/** The outcome of one post: accepted (every record acknowledged by Kafka) or refused with its row errors. */
public sealed interface IngestResult {

    record Accepted(String stream, int accepted) implements IngestResult {}

    record Refused(List<RowError> errors) implements IngestResult {}
}
