package org.hazardstream.core.report;

import java.util.List;

import org.hazardstream.core.fit.FitResult;

/** Hand-made fit results for the renderer tests. */
final class Fits {

    private Fits() {}

    static FitResult cox() {
        return new FitResult(
                "cox",
                3626,
                118,
                2,
                true,
                5,
                -401.2345,
                -460.1,
                834.469,
                new FitResult.Tests(
                        new FitResult.TestStatistic(117.7, 16, 1e-17),
                        new FitResult.TestStatistic(98.12, 16, 2.5e-14),
                        new FitResult.TestStatistic(120.3, 16, 0.0004)),
                0.8123,
                null,
                List.of("central_policy: not estimable (collinear with the baseline); estimate null"),
                List.of(
                        new FitResult.Coefficient(
                                "salience", 0.41, 0.12, 0.13, 3.153846, 0.0016123, 1.506818, 1.167, 1.944),
                        new FitResult.Coefficient(
                                "cumulative_cases",
                                -0.0000123,
                                0.0000456,
                                0.00005,
                                -0.246,
                                0.8057,
                                0.9999877,
                                0.99989,
                                1.000086),
                        new FitResult.Coefficient("central_policy", null, null, null, null, null, null, null, null)),
                List.of());
    }

    static FitResult logit() {
        return new FitResult(
                "logit",
                3626,
                118,
                0,
                true,
                7,
                -500.5,
                -560.25,
                1017.0,
                new FitResult.Tests(new FitResult.TestStatistic(119.5, 3, 1e-25), null, null),
                null,
                null,
                List.of(),
                List.of(
                        new FitResult.Coefficient("(Intercept)", -4.2, 0.3, null, -14.0, 1e-40, 0.015, 0.0083, 0.027),
                        new FitResult.Coefficient("salience", 0.35, 0.1, null, 3.5, 0.000465, 1.419, 1.166, 1.726),
                        new FitResult.Coefficient("period2", 0.2, 0.15, null, 1.333, 0.0825, 1.2214, 0.91, 1.64)),
                List.of());
    }

    static FitResult pce() {
        return new FitResult(
                "pce",
                3626,
                118,
                0,
                true,
                6,
                -480.0,
                -520.0,
                970.0,
                new FitResult.Tests(new FitResult.TestStatistic(80.0, 2, 4.2e-18), null, null),
                null,
                null,
                List.of(),
                List.of(
                        new FitResult.Coefficient("competition@1", 0.3, 0.1, null, 3.0, 0.0027, 1.35, 1.11, 1.64),
                        new FitResult.Coefficient("competition@2", 0.1, 0.12, null, 0.83, 0.40, 1.105, 0.87, 1.4)),
                List.of(new FitResult.BaselinePiece(1, 0, 28, -4.25), new FitResult.BaselinePiece(2, 28, 60, -3.5)));
    }
}
