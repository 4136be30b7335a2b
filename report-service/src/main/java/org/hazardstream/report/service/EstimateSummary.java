package org.hazardstream.report.service;

import java.time.Instant;

/** One line of GET /api/v1/estimates: a spec that has a result, and its latest one. */
public record EstimateSummary(String spec, Instant computedAt, long panelVersion) {
}
