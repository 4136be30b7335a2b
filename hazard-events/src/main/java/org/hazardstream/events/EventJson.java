package org.hazardstream.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.hazardstream.core.fit.FitResultJson;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of all events: the fit contract's field order, ISO dates and instants, non-finite numbers as
 * null (JSON has no NaN), unknown fields ignored (consumers may lag producers).
 */
public final class EventJson {

    // The fit contract's settings (field order, non-finite numbers as null) hold inside events too.
    private static final ObjectMapper MAPPER = FitResultJson.configure(JsonMapper.builder())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON of a {@link PanelDelta} whose rows are already written as JSON: the same text as {@link #write} of
     * the delta, without writing each row a second time (panel-service stores each changed row's JSON and announces
     * it; a first panel of a million rows is announced in chunks).
     */
    public static String writeDelta(PanelDelta header, List<String> rowJsons) {
        return write(new DeltaJson(
                header.schemaVersion(),
                header.eventId(),
                header.study(),
                header.version(),
                header.chunk(),
                header.chunks(),
                "[" + String.join(",", rowJsons) + "]",
                header.removed()));
    }

    /** PanelDelta as written, its rows as the JSON they already are. */
    private record DeltaJson(
            int schemaVersion,
            String eventId,
            String study,
            PanelVersionCompleted version,
            int chunk,
            int chunks,
            @JsonRawValue String rows,
            List<PanelDelta.RowKey> removed) {}

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
