package org.hazardstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.panel.PanelRow;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void panelEventsTravelAsTypedJsonAndComeBackEqual() {
        Double[] covariates = new Double[PanelRow.COVARIATES.size()];
        covariates[0] = 8_000_000.0;
        PanelRow row = new PanelRow("420100", "420000", 3, LocalDate.parse("2020-02-03"), 2, 3, 0,
                Arrays.asList(covariates));
        PanelEvent change = new PanelRowChanged(7, row);
        PanelEvent marker = new PanelVersionCompleted(7, 3626, 128, 118, LocalDate.parse("2020-03-31"), 128, 12,
                Instant.parse("2020-04-01T00:00:00Z"));

        String changeJson = EventJson.write(change);
        assertThat(changeJson).contains("\"type\":\"row\"").contains("\"date\":\"2020-02-03\"");
        assertThat(EventJson.read(changeJson, PanelEvent.class)).isEqualTo(change);
        assertThat(EventJson.read(EventJson.write(marker), PanelEvent.class)).isEqualTo(marker);
    }

    @Test
    void aRowChangeWrittenFromTheRowsJsonIsTheSameTextAsTheEventWrittenWhole() {
        Double[] covariates = new Double[PanelRow.COVARIATES.size()];
        covariates[0] = 8_000_000.0;
        covariates[8] = 0.125;
        covariates[12] = 1e-7;
        PanelRow row = new PanelRow("420100", "420000", 3, LocalDate.parse("2020-02-03"), 2, 3, 2,
                Arrays.asList(covariates));

        String json = EventJson.writeRowChanged(41, EventJson.write(row));

        assertThat(json).isEqualTo(EventJson.write(new PanelRowChanged(41, row)));
        assertThat(EventJson.read(json, PanelEvent.class)).isEqualTo(new PanelRowChanged(41, row));
    }

    @Test
    void aNonFiniteNumberIsWrittenAsNullSinceJsonHasNoNaN() {
        FitResult result = new FitResult("cox", 10, 2, 0, false, 20, Double.NEGATIVE_INFINITY, -5.0, null, null, null,
                null, List.of("did not converge"), List.of(new FitResult.Coefficient("x", Double.NaN, null, null, null,
                        null, null, null, null)), List.of());
        FitResultEvent event = new FitResultEvent("e1", "cox", Instant.parse("2020-04-01T00:00:00Z"), 12,
                new FitResultEvent.Lineage(3, 10, 2, LocalDate.parse("2020-02-10")), result);

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
}
