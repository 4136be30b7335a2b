package org.hazardstream.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.events.KnownCityEvent;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.ingest.config.IngestConfig;
import org.hazardstream.ingest.messaging.KnownCities;
import org.hazardstream.ingest.messaging.KnownCityPublisher;
import org.hazardstream.ingest.messaging.RawRecordPublisher;
import org.hazardstream.study.panel.RawStream;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Validates a whole post and publishes it as raw-record events, or refuses it whole. An accepted cities post is also
 * published as known-city events, which is how every replica learns which cities daily and adoption posts may name.
 */
@ApplicationScoped
public class IngestService {

    private final BodyReader reader;
    private final BodyValidator validator;
    private final KnownCities knownCities;
    private final RawRecordPublisher publisher;
    private final KnownCityPublisher knownCityPublisher;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public IngestService(
            BodyReader reader,
            BodyValidator validator,
            KnownCities knownCities,
            RawRecordPublisher publisher,
            KnownCityPublisher knownCityPublisher,
            IngestConfig config,
            MeterRegistry metrics) {
        this.reader = reader;
        this.validator = validator;
        this.knownCities = knownCities;
        this.publisher = publisher;
        this.knownCityPublisher = knownCityPublisher;
        this.config = config;
        this.metrics = metrics;
    }

    public IngestResult ingest(RawStream stream, String body, boolean json) {
        ParsedBody parsed = json ? reader.readJson(body) : reader.readCsv(body);
        List<RowError> errors = validator.validate(stream, parsed, cityIndex(stream, parsed));
        if (errors.stream()
                .anyMatch(e -> "city_id".equals(e.column()) && e.message().startsWith("unknown city"))) {
            // Another replica may have published the city since we last looked: read on and check again.
            knownCities.catchUp();
            errors = validator.validate(stream, parsed, cityIndex(stream, parsed));
        }
        if (!errors.isEmpty()) {
            metrics.counter("ingest.posts.refused", "stream", stream.id()).increment();
            return new IngestResult.Refused(errors.subList(0, Math.min(errors.size(), config.maxReportedErrors())));
        }
        String batchId = UUID.randomUUID().toString();
        Instant receivedAt = Instant.now();
        List<RawRecordEvent> events = new ArrayList<>(parsed.rows().size());
        for (ParsedBody.Row row : parsed.rows()) {
            events.add(new RawRecordEvent(
                    UUID.randomUUID().toString(),
                    stream.id(),
                    stream.key(row.fields()),
                    trimmed(row.fields()),
                    batchId,
                    receivedAt));
        }
        Instant deadline = receivedAt.plus(config.publishTimeout());
        publisher.publishAll(events, Duration.between(Instant.now(), deadline));
        if (stream == RawStream.CITIES) {
            // Order: raw-records first, known-cities only once raw-records acknowledged every record. A crash (or a
            // failed send) between the two leaves cities that panel-service has but ingest does not know: posts
            // naming them are refused (400), never accepted for a city panel-service lacks, and the client, who got
            // no 202, posts the cities again, which publishes both anew (same keys, compacted topics). The other
            // order could leave a known city that never reached raw-records, whose daily rows ingest would accept
            // and panel-service would silently drop.
            List<KnownCityEvent> known = events.stream()
                    .map(e -> KnownCityEvent.of(
                            UUID.randomUUID().toString(),
                            e.fields().get("city_id"),
                            e.fields().get("province_id")))
                    .toList();
            knownCityPublisher.publishAll(known, Duration.between(Instant.now(), deadline));
            knownCities.addAll(known.stream().map(KnownCityEvent::cityId).toList());
        }
        metrics.counter("ingest.records.accepted", "stream", stream.id()).increment(events.size());
        return new IngestResult.Accepted(stream.id(), events.size());
    }

    private Set<String> cityIndex(RawStream stream, ParsedBody parsed) {
        if (stream != RawStream.CITIES) {
            return knownCities.cities();
        }
        Set<String> cities = new HashSet<>(knownCities.cities());
        parsed.rows()
                .forEach(r ->
                        cities.add(String.valueOf(r.fields().get("city_id")).trim()));
        return cities;
    }

    private static java.util.Map<String, String> trimmed(java.util.Map<String, String> fields) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, v == null ? "" : v.trim()));
        return copy;
    }
}
