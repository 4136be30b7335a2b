package org.hazardstream.report.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hazardstream.core.fit.FitResult;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.study.panel.PanelRow;

/**
 * Fit results shaped like the study's specs (term names of the contract, a null central_policy for the Cox-type
 * models, NAME@k terms for pce, an intercept and period dummy for logit) with seeded pseudo-random numbers: the
 * dashboard test only needs plausible values, and computes what it expects from what it published.
 */
public final class DashboardFixture {

    private DashboardFixture() {}

    public static FitResult result(String model, long seed) {
        Random random = new Random(seed);
        List<FitResult.Coefficient> coefficients = new ArrayList<>();
        if (model.equals("logit")) {
            coefficients.add(TestEvents.coefficient("(Intercept)", -4.2, 0.4));
            coefficients.add(TestEvents.coefficient("period2", 0.6, 0.25));
        }
        for (String term : PanelRow.COVARIATES) {
            if (model.equals("pce") && PanelRow.COVARIATES.indexOf(term) >= 8) {
                coefficients.add(TestEvents.coefficient(
                        term + "@1", 0.3 * random.nextGaussian(), 0.1 + 0.2 * random.nextDouble()));
                coefficients.add(TestEvents.coefficient(
                        term + "@2", 0.3 * random.nextGaussian(), 0.1 + 0.2 * random.nextDouble()));
            } else if (term.equals("central_policy") && (model.equals("cox") || model.equals("finegray"))) {
                coefficients.add(TestEvents.notEstimable(term));
            } else {
                coefficients.add(
                        TestEvents.coefficient(term, 0.3 * random.nextGaussian(), 0.08 + 0.2 * random.nextDouble()));
            }
        }
        FitResult cox = TestEvents.coxResult(3626, 118, coefficients);
        return new FitResult(
                model,
                cox.n(),
                cox.events(),
                0,
                true,
                6,
                -401.25 - seed,
                -460.5,
                840.0 - seed,
                cox.tests(),
                model.equals("cox") || model.equals("finegray") ? 0.8 : null,
                null,
                cox.warnings(),
                coefficients,
                List.of());
    }

    public static FitResultEvent event(String spec, String model, long panelVersion, long seed) {
        return event(spec, panelVersion, seed, result(model, seed));
    }

    /** A result the data cannot identify: identified false, with hazard-core's warning of a term constant among the events. */
    public static FitResultEvent notIdentifiedEvent(
            String spec, String model, long panelVersion, long seed, String term) {
        return event(
                spec,
                panelVersion,
                seed,
                result(model, seed)
                        .withIdentification(
                                false,
                                List.of(
                                        "not identified: " + term
                                                + " takes one value in every event row, so the likelihood cannot settle on a coefficient")));
    }

    private static FitResultEvent event(String spec, long panelVersion, long seed, FitResult result) {
        Instant computedAt = Instant.parse("2026-03-10T10:00:00Z").plusSeconds(60 * panelVersion + seed % 60);
        LocalDate dataThrough = LocalDate.parse("2020-03-01").plusDays(panelVersion);
        return TestEvents.event(spec, panelVersion, computedAt, dataThrough, result);
    }
}
