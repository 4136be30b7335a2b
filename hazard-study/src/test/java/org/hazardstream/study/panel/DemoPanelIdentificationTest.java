package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.core.fit.Model;
import org.junit.jupiter.api.Test;

/** The identification verdict on the observed demo panel: the full window, and the first days of it. */
class DemoPanelIdentificationTest {

    @Test
    void theStandardCoxSpecOnTheDemoPanelIsIdentifiedAndFromOneDayNot() {
        RawData raw = RawData.readDirectory(Path.of("..", "deploy", "local", "demo"));
        List<String> all = PanelRow.COVARIATES;
        FitOptions cox = new FitOptions(
                Model.COX, all, "city_id", null, null, null, null, null, false, "city_id", null, null, null, null);
        PanelSettings study = PanelSettings.study();

        FitResult full = HazardModels.fit(new PanelBuilder().build(raw, study).toDataTable(), cox);
        assertThat(full.identified()).as("%s", full.warnings()).isTrue();
        assertThat(full.warnings()).noneSatisfy(w -> assertThat(w).contains("not identified"));

        // Observed through 3 February: a handful of adoptions for 15 estimable terms.
        FitResult early = HazardModels.fit(
                new PanelBuilder()
                        .build(raw, study.withThrough(study.start().plusDays(2)))
                        .toDataTable(),
                cox);
        assertThat(early.identified()).isFalse();
    }
}
