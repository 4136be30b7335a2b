package org.hazardstream.report.service;

import java.util.List;

import org.hazardstream.study.StudyDefinition;

/**
 * One study as {@code GET /api/v1/studies} lists it.
 *
 * @param version     the definition's version: 1 for a bundled definition (posted definitions will count up)
 * @param fingerprint SHA-256 of the definition's canonical JSON: two definitions with one fingerprint are the same
 * @param status      live (its data stream in and its estimates are served) or offline (bundled for the CLI)
 */
public record StudySummary(
        String id,
        String title,
        String unit,
        List<String> groups,
        String timeUnit,
        String start,
        String end,
        int lag,
        List<String> specs,
        int version,
        String fingerprint,
        StudyCatalog.Status status) {

    public static StudySummary of(StudyCatalog.Entry entry) {
        StudyDefinition d = entry.definition();
        return new StudySummary(
                d.id(),
                d.title(),
                d.unit().name(),
                d.unit().groups(),
                d.time().unit().id(),
                d.time().startText(),
                d.time().endText(),
                d.time().lag(),
                d.specs().stream().map(StudyDefinition.Spec::name).toList(),
                1,
                entry.fingerprint(),
                entry.status());
    }
}
