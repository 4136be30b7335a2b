package org.hazardstream.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.hazardstream.core.fit.FitResult;

/**
 * A model spec fitted on one panel version; published to {@link Topics#FIT_RESULTS} keyed by spec.
 *
 * @param eventId       unique id (report-service stores each event once)
 * @param fitDurationMs wall time of the fit
 * @param lineage       the data it was fitted on
 * @param provenance    what was fitted, and by which engine: two results with different fingerprints are results of
 *                      different models, even under one spec name
 */
public record FitResultEvent(
        String eventId,
        String spec,
        Instant computedAt,
        long fitDurationMs,
        Lineage lineage,
        Provenance provenance,
        FitResult result) {

    /** The data a result was fitted on. */
    public record Lineage(long panelVersion, int rows, int events, LocalDate dataThrough) {}

    /**
     * How a result was made.
     *
     * @param study              the study whose panel was fitted
     * @param options            the spec's options as configured (command-line names without dashes), by name
     * @param optionsFingerprint SHA-256 of the options (hex): equal fingerprints, same model
     * @param engine             the engine that fitted it ({@code org.hazardstream.core.Engine#VERSION})
     */
    public record Provenance(String study, Map<String, String> options, String optionsFingerprint, String engine) {

        public Provenance {
            options = Collections.unmodifiableMap(new TreeMap<>(options));
        }

        /** The provenance of a fit of these options by this engine; the fingerprint computed here. */
        public static Provenance of(String study, Map<String, String> options, String engine) {
            return new Provenance(study, options, fingerprint(options), engine);
        }

        /** SHA-256 (hex) of the options as {@code name=value} lines sorted by name, values trimmed. */
        public static String fingerprint(Map<String, String> options) {
            StringBuilder canonical = new StringBuilder();
            new TreeMap<>(options)
                    .forEach((k, v) ->
                            canonical.append(k).append('=').append(v.trim()).append('\n'));
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
    }
}
