package org.hazardstream.report.service;

import java.time.Instant;

/**
 * One line of GET /api/v1/estimates: a spec that has a result, and its latest one.
 *
 * @param optionsFingerprint the option set the latest result was fitted with (null when it carries no provenance)
 * @param identified         whether the data identify its terms (null when the result does not say)
 */
public record EstimateSummary(
        String spec, Instant computedAt, long panelVersion, String optionsFingerprint, Boolean identified) {}
