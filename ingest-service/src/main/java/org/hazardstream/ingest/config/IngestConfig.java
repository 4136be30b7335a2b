package org.hazardstream.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ingest service (prefix {@code ingest}). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** The bearer token every write needs (env INGEST_API_TOKEN in production). */
    String apiToken();

    /** How long a post waits for Kafka to acknowledge all of its records before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** At most this many row errors are listed in a 400 answer (a wholly wrong file would list every row). */
    @WithDefault("200")
    int maxReportedErrors();
}
