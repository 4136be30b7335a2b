package org.hazardstream.report.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored result's estimate of one term (GET /api/v1/estimates/{spec}/history?term=NAME). The estimate is on
 * the coefficient scale; hazardRatio, confLow and confHigh are exp(estimate) and its 95% interval, as in the fit
 * contract. All the numbers are null when that result did not estimate the term. identified is the result's (false:
 * the data could not identify its terms yet; null: the result does not say).
 */
public record TermHistoryPoint(
        long panelVersion,
        Instant computedAt,
        LocalDate dataThrough,
        String eventId,
        Double estimate,
        Double stdError,
        Double robustStdError,
        Double pValue,
        Double hazardRatio,
        Double confLow,
        Double confHigh,
        Boolean identified) {}
