package org.hazardstream.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.study.panel.FieldError;
import org.hazardstream.study.panel.RawStream;

/**
 * Checks every row of a body against its stream's rules (hazard-core's {@link RawStream#validate}) and, for daily and
 * adoption rows, that the city exists: in the cities ever accepted, or in the same post when that post is of cities.
 */
@ApplicationScoped
public class BodyValidator {

    public List<RowError> validate(RawStream stream, ParsedBody body, Set<String> knownCities) {
        List<RowError> errors = new ArrayList<>(body.errors());
        boolean needsKnownCity = stream == RawStream.DAILY || stream == RawStream.ADOPTIONS;
        for (ParsedBody.Row row : body.rows()) {
            List<FieldError> fieldErrors = stream.validate(row.fields());
            for (FieldError e : fieldErrors) {
                errors.add(new RowError(row.number(), e.column(), e.message()));
            }
            if (needsKnownCity && fieldErrors.stream().noneMatch(e -> e.column().equals("city_id"))) {
                String cityId = row.fields().get("city_id").trim();
                if (!knownCities.contains(cityId)) {
                    errors.add(new RowError(
                            row.number(),
                            "city_id",
                            "unknown city '" + cityId + "' (post it to the cities stream first)"));
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        return errors;
    }
}
