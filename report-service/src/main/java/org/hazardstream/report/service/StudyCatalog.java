package org.hazardstream.report.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hazardstream.report.config.ReportSettings;
import org.hazardstream.study.StudyDefinition;
import org.hazardstream.study.StudyDefinitions;

/**
 * The study definitions this report-service knows: the bundled ones ({@code report.studies}), read once at start-up;
 * an invalid one stops the service with every error at its JSON pointer. One of them is live ({@code
 * hazard.live-study}, as for every service's study-scoped paths): its data stream through the services and its estimates are served; the others can be built
 * and fitted offline with the command line ({@code hazard-cli panel --study}).
 */
@ApplicationScoped
public class StudyCatalog {

    /** What the system does with a study. */
    public enum Status {
        /** its data stream in and its estimates are served */
        live,
        /** its definition and raw data are bundled for offline use; the services do not take its data yet */
        offline
    }

    /** A known study and what the system does with it. */
    public record Entry(StudyDefinition definition, String fingerprint, Status status) {}

    private final Map<String, Entry> studies = new LinkedHashMap<>();
    private final String liveStudy;

    @Inject
    public StudyCatalog(
            ReportSettings settings,
            @ConfigProperty(name = "hazard.live-study", defaultValue = "health-code") String liveStudy) {
        this(settings.studies(), liveStudy);
    }

    StudyCatalog(List<String> locations, String liveStudy) {
        for (String location : locations) {
            StudyDefinition definition;
            try {
                definition = StudyDefinitions.load(location);
            } catch (RuntimeException e) {
                throw new IllegalStateException("report.studies: " + e.getMessage(), e);
            }
            if (studies.containsKey(definition.id())) {
                throw new IllegalStateException("report.studies: two definitions of study '" + definition.id() + "'");
            }
            studies.put(
                    definition.id(),
                    new Entry(
                            definition,
                            StudyDefinitions.fingerprint(definition),
                            definition.id().equals(liveStudy) ? Status.live : Status.offline));
        }
        if (!studies.containsKey(liveStudy)) {
            throw new IllegalStateException("hazard.live-study: '" + liveStudy + "' is not one of report.studies ("
                    + String.join(", ", studies.keySet()) + ")");
        }
        this.liveStudy = liveStudy;
    }

    /** Every known study, in configured order. */
    public List<Entry> all() {
        return List.copyOf(studies.values());
    }

    public Optional<Entry> byId(String id) {
        return Optional.ofNullable(studies.get(id));
    }

    /** The study whose estimates this service serves. */
    public StudyDefinition live() {
        return studies.get(liveStudy).definition();
    }
}
