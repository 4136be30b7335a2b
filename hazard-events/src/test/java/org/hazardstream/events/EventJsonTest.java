package org.hazardstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.fit.FitResult;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void thePanelDeltaGoldenSampleReadsAndWritesBackTheSameJson() {
        String golden = GoldenSamples.read(GoldenSamples.PANEL_DELTA);
        PanelDelta delta = EventJson.read(golden, PanelDelta.class);

        assertThat(delta.schemaVersion()).isEqualTo(PanelDelta.SCHEMA_VERSION);
        assertThat(delta.version().dataThrough()).isEqualTo(LocalDate.parse("2020-02-07"));
        assertThat(delta.rows()).hasSize(2);
        assertThat(delta.rows().get(0).covariate("cumulative_cases")).isEqualTo(1e-7);
        assertThat(delta.rows().get(0).covariate("provincial_platform")).isNull();
        assertThat(delta.removed()).containsExactly(new PanelDelta.RowKey("420300", 7));
        assertThat(GoldenSamples.sameJson(EventJson.write(delta), golden))
                .as(EventJson.write(delta))
                .isTrue();
    }

    @Test
    void aDeltaWrittenFromItsRowsJsonIsTheSameTextAsTheDeltaWrittenWhole() {
        PanelDelta delta = EventJson.read(GoldenSamples.read(GoldenSamples.PANEL_DELTA), PanelDelta.class);
        PanelDelta header = new PanelDelta(
                delta.schemaVersion(),
                delta.eventId(),
                delta.study(),
                delta.version(),
                delta.chunk(),
                delta.chunks(),
                List.of(),
                delta.removed());

        String json = EventJson.writeDelta(
                header, delta.rows().stream().map(EventJson::write).toList());

        assertThat(json).isEqualTo(EventJson.write(delta));
    }

    @Test
    void aNonFiniteNumberIsWrittenAsNullSinceJsonHasNoNaN() {
        FitResult result = new FitResult(
                "cox",
                10,
                2,
                0,
                false,
                20,
                Double.NEGATIVE_INFINITY,
                -5.0,
                null,
                null,
                null,
                null,
                List.of("did not converge"),
                List.of(new FitResult.Coefficient("x", Double.NaN, null, null, null, null, null, null, null)),
                List.of());
        FitResultEvent event = new FitResultEvent(
                "e1",
                "cox",
                Instant.parse("2020-04-01T00:00:00Z"),
                12,
                new FitResultEvent.Lineage(3, 10, 2, LocalDate.parse("2020-02-10")),
                FitResultEvent.Provenance.of("health-code", Map.of("model", "cox"), "hazard-core test"),
                result);

        String json = EventJson.write(event);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"logLikelihood\":null");
        FitResultEvent back = EventJson.read(json, FitResultEvent.class);
        assertThat(back.result().coefficient("x").estimate()).isNull();
        assertThat(back.lineage().dataThrough()).isEqualTo(LocalDate.parse("2020-02-10"));
    }

    @Test
    void aKnownCityIsWrittenAsTheGoldenSampleAndReadBackEqual() {
        KnownCityEvent event = KnownCityEvent.of(GoldenSamples.KNOWN_CITY_EVENT_ID, "420100", "420000");
        String golden = GoldenSamples.read(GoldenSamples.KNOWN_CITY);

        assertThat(EventJson.write(event)).isEqualTo(golden);
        assertThat(EventJson.read(golden, KnownCityEvent.class)).isEqualTo(event);
        assertThat(event.topicKey()).isEqualTo("420100");
    }

    @Test
    void aKnownCityWithAFieldAddedLaterStillReads() {
        String later = GoldenSamples.read(GoldenSamples.KNOWN_CITY).replace("}", ",\"cityName\":\"Wuhan\"}");

        assertThat(EventJson.read(later, KnownCityEvent.class).cityId()).isEqualTo("420100");
    }

    @Test
    void everyGoldenSampleReadsIntoItsRecordAndWritesBackTheSameJson() {
        Map<String, Class<?>> samples = Map.of(
                GoldenSamples.RAW_RECORD,
                RawRecordEvent.class,
                GoldenSamples.DEAD_LETTER,
                DeadLetter.class,
                GoldenSamples.FIT_RESULT,
                FitResultEvent.class,
                GoldenSamples.PANEL_DELTA,
                PanelDelta.class,
                GoldenSamples.KNOWN_CITY,
                KnownCityEvent.class);
        samples.forEach((name, type) -> {
            String golden = GoldenSamples.read(name);
            assertThat(GoldenSamples.sameJson(EventJson.write(EventJson.read(golden, type)), golden))
                    .as(name)
                    .isTrue();
        });
    }

    @Test
    void theGoldenFitResultSaysWhatItIs() {
        FitResultEvent event = EventJson.read(GoldenSamples.read(GoldenSamples.FIT_RESULT), FitResultEvent.class);

        assertThat(event.provenance().study()).isEqualTo("health-code");
        assertThat(event.provenance().optionsFingerprint())
                .isEqualTo(
                        FitResultEvent.Provenance.fingerprint(event.provenance().options()));
        assertThat(event.provenance().options()).containsEntry("model", "cox").containsEntry("ties", "efron");
        assertThat(event.result().identified()).isTrue();
        assertThat(event.lineage().panelVersion()).isEqualTo(42);
    }

    @Test
    void theOptionsFingerprintIgnoresOrderAndSurroundingSpaceButNotValues() {
        String a = FitResultEvent.Provenance.fingerprint(Map.of("model", "cox", "ties", "efron"));

        assertThat(FitResultEvent.Provenance.fingerprint(
                        new java.util.LinkedHashMap<>(Map.of("ties", " efron ", "model", "cox"))))
                .isEqualTo(a);
        assertThat(FitResultEvent.Provenance.fingerprint(Map.of("model", "cox", "ties", "breslow")))
                .isNotEqualTo(a);
        assertThat(a).hasSize(64);
    }
}
