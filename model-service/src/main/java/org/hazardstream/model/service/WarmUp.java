package org.hazardstream.model.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelRow;
import org.jboss.logging.Logger;

/**
 * Fits every spec a few times on a synthetic panel before the first real fit, so that the first estimates after a
 * start come from compiled code rather than the interpreter: on the demo stream the first fits of a cold JVM took
 * several times as long as warm ones, and the first Cox estimates of a new deployment came seconds late. Nothing is
 * published. A spec that cannot be fitted on the synthetic panel (it names a column the panel does not have) is
 * skipped; warming up is best effort and never stops the service.
 */
final class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 2, 1);

    private WarmUp() {}

    /** Fits each spec {@code rounds} times on {@link #syntheticPanel}; returns the number of fits that ran. */
    static int run(List<ModelSpec> specs, int rounds) {
        if (rounds <= 0 || specs.isEmpty()) {
            return 0;
        }
        long began = System.nanoTime();
        int fits = 0;
        for (int round = 0; round < rounds; round++) {
            DataTable panel = syntheticPanel(20200201L + round).toDataTable();
            for (ModelSpec spec : specs) {
                try {
                    HazardModels.fit(panel, spec.fitOptions());
                    fits++;
                } catch (RuntimeException e) {
                    LOG.debugf("warm-up fit of spec %s skipped: %s", spec.name(), e.getMessage());
                }
            }
        }
        LOG.infof(
                "warmed up: %d fits of %d specs on a synthetic panel in %d ms",
                fits, specs.size(), (System.nanoTime() - began) / 1_000_000);
        return fits;
    }

    /**
     * A panel shaped like the study's: 120 cities in 12 provinces over 60 days, every covariate of the contract,
     * adoptions of both modes at about 1.5% a day (a little more with higher salience), so every standard spec has
     * events of each cause to fit.
     */
    static Panel syntheticPanel(long seed) {
        Random random = new Random(seed);
        List<PanelRow> rows = new ArrayList<>();
        int days = 60;
        for (int city = 0; city < 120; city++) {
            String cityId = Integer.toString(110000 + city * 100);
            String provinceId = Integer.toString(110000 + (city % 12) * 10000);
            double[] statics = new double[PanelRow.STATIC_COVARIATES.size()];
            for (int i = 0; i < statics.length; i++) {
                statics[i] = random.nextGaussian();
            }
            for (int day = 1; day <= days; day++) {
                List<Double> covariates = new ArrayList<>(PanelRow.COVARIATES.size());
                for (double value : statics) {
                    covariates.add(value);
                }
                double salience = random.nextGaussian();
                covariates.add(salience);
                for (int i = 1; i < PanelRow.DAILY_COVARIATES.size(); i++) {
                    covariates.add(random.nextGaussian());
                }
                covariates.add((double) (day / 20)); // central_policy: national, a step every 20 days
                covariates.add((double) random.nextInt(4)); // competition
                covariates.add(day > 30 ? 1.0 : 0.0); // provincial_platform
                boolean adopts = random.nextDouble() < 0.015 * Math.exp(0.3 * salience);
                int event = adopts ? 1 + random.nextInt(2) : 0;
                rows.add(new PanelRow(
                        cityId, provinceId, day, FIRST_DAY.plusDays(day - 1L), day - 1, day, event, covariates));
                if (adopts) {
                    break;
                }
            }
        }
        return new Panel(rows, List.of());
    }
}
