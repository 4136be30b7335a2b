package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;
import org.junit.jupiter.api.Test;

/**
 * The Cox engine against R (survival 3.5-3) run to convergence, at relative 1e-8 ({@link RFixture#REL}), with R's
 * Newton-Raphson iteration count and R's warnings of a possibly infinite coefficient. Each test quotes the R call
 * (each fixture's call also has control = coxph.control(eps = 1e-11, iter.max = 100)); the expected values and the
 * data come from hazard-core/src/test/r/cox_fixtures.R (committed in src/test/resources/r/cox, the call is also the
 * first line of each .expected.csv).
 */
class CoxRFixtureTest {

    private static final List<String> HEART = List.of("age", "year", "surgery", "transplant");
    private static final List<String> VETERAN = List.of("trt", "karno", "diagtime", "age", "prior");
    private static final List<String> LUNG =
            List.of("age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal", "wt.loss");
    private static final List<String> CGD = List.of("treat", "sex", "age", "inherit", "steroids", "propylac");
    private static final List<String> PANEL = List.of(
            "gdp",
            "population",
            "distance",
            "beds",
            "coastal",
            "capital",
            "prior_policy",
            "media",
            "cases_log",
            "growth",
            "salience",
            "provincial",
            "weekend",
            "competition",
            "temperature",
            "day");

    private static FitOptions options(
            List<String> covariates,
            String start,
            String stop,
            String event,
            Integer eventCode,
            Ties ties,
            String cluster,
            String strata) {
        return new FitOptions(
                Model.COX,
                covariates,
                null,
                start,
                stop,
                event,
                eventCode,
                ties,
                false,
                cluster,
                strata,
                null,
                null,
                null);
    }

    private static FitResult check(String fixture, String data, FitOptions options, boolean robust) {
        RFixture expected = RFixture.expected(fixture);
        FitResult fit = CoxRegression.fit(RFixture.data(data), options);
        assertThat(fit.model()).isEqualTo("cox");
        assertThat(fit.converged()).as(fixture + " converged").isTrue();
        expected.assertMatches(fit, options.covariates(), robust);
        return fit;
    }

    /** coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart) */
    @Test
    void heartEfron() {
        check("heart_efron", "heart", options(HEART, "start", "stop", "event", null, Ties.EFRON, null, null), false);
    }

    /** coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart, ties = "breslow") */
    @Test
    void heartBreslow() {
        check(
                "heart_breslow",
                "heart",
                options(HEART, "start", "stop", "event", null, Ties.BRESLOW, null, null),
                false);
    }

    /** coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart, cluster = id) */
    @Test
    void heartEfronClusterRobust() {
        check(
                "heart_efron_cluster",
                "heart",
                options(HEART, "start", "stop", "event", null, Ties.EFRON, "id", null),
                true);
    }

    /**
     * coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart, ties = "exact", cluster = id).
     * R gives no cox.zph for this fit (its result loses the coxph class), so only the fit and robust SE are compared.
     */
    @Test
    void heartExactClusterRobust() {
        check(
                "heart_exact_cluster",
                "heart",
                options(HEART, "start", "stop", "event", null, Ties.EXACT, "id", null),
                true);
    }

    /** coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior + strata(celltype), data = veteran) */
    @Test
    void veteranEfronStrata() {
        check(
                "veteran_efron_strata",
                "veteran",
                options(VETERAN, "start", "time", "status", null, Ties.EFRON, null, "celltype"),
                false);
    }

    /**
     * coxph(Surv(years, status) ~ trt + karno + age): the veteran rows twice, durations in years computed two ways;
     * 128 distinct times that R's timefix (aeqSurv) ties to 101, and so must we.
     */
    @Test
    void timesThatDifferByFloatingPointNoiseAreTiedAsInR() {
        for (Ties ties : List.of(Ties.EFRON, Ties.BRESLOW)) {
            check(
                    "veteran_years_" + ties.name().toLowerCase(java.util.Locale.ROOT),
                    "veteran_years",
                    options(List.of("trt", "karno", "age"), "start", "years", "status", null, ties, null, null),
                    false);
        }
    }

    /** coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = veteran, ties = "breslow") */
    @Test
    void veteranBreslow() {
        check(
                "veteran_breslow",
                "veteran",
                options(VETERAN, "start", "time", "status", null, Ties.BRESLOW, null, null),
                false);
    }

    /**
     * coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = veteran, ties = "exact"), and its
     * cox.zph (which R computes with Breslow sums at the exact estimate).
     */
    @Test
    void veteranExact() {
        check(
                "veteran_exact",
                "veteran",
                options(VETERAN, "start", "time", "status", null, Ties.EXACT, null, null),
                false);
    }

    /**
     * coxph(Surv(time, event) ~ age + sex + ph.ecog + ph.karno + pat.karno + meal.cal + wt.loss, data = lung):
     * R drops the rows with a missing value (na.omit: 228 rows in the file, R's n used); so must we, and count them.
     */
    @Test
    void lungCompleteCases() {
        FitResult fit = check(
                "lung_efron", "lung", options(LUNG, "start", "time", "event", null, Ties.EFRON, null, null), false);
        assertThat(fit.excludedRows())
                .isEqualTo(228 - RFixture.expected("lung_efron").number("n").intValue());
    }

    /**
     * coxph(Surv(tstart, tstop, status) ~ treat + sex + age + inherit + steroids + propylac + strata(hos.cat),
     * data = cgd, cluster = id)
     */
    @Test
    void cgdStrataCluster() {
        check(
                "cgd_efron_strata_cluster",
                "cgd",
                options(CGD, "tstart", "tstop", "status", null, Ties.EFRON, "id", "hos.cat"),
                true);
    }

    /** coxph(Surv(start, stop, event > 0) ~ gdp + ... + day, data = panel) */
    @Test
    void panelEfron() {
        check("panel_efron", "panel", options(PANEL, "start", "stop", "event", null, Ties.EFRON, null, null), false);
    }

    /** coxph(Surv(start, stop, event > 0) ~ gdp + ... + day, data = panel, ties = "breslow") */
    @Test
    void panelBreslow() {
        check(
                "panel_breslow",
                "panel",
                options(PANEL, "start", "stop", "event", null, Ties.BRESLOW, null, null),
                false);
    }

    /** coxph(Surv(start, stop, event > 0) ~ gdp + ... + day, data = panel, cluster = id) */
    @Test
    void panelEfronCluster() {
        check(
                "panel_efron_cluster",
                "panel",
                options(PANEL, "start", "stop", "event", null, Ties.EFRON, "id", null),
                true);
    }

    /** coxph(Surv(start, stop, event > 0) ~ gdp + ... + day + strata(region), ties = "breslow", cluster = id) */
    @Test
    void panelBreslowStrataCluster() {
        check(
                "panel_breslow_strata_cluster",
                "panel",
                options(PANEL, "start", "stop", "event", null, Ties.BRESLOW, "id", "region"),
                true);
    }

    /** coxph(Surv(start, stop, event == 1) ~ gdp + ... + day, data = panel, cluster = id): cause-specific, code 1 */
    @Test
    void panelCauseSpecific() {
        check(
                "panel_cause1_efron_cluster",
                "panel",
                options(PANEL, "start", "stop", "event", 1, Ties.EFRON, "id", null),
                true);
    }

    /**
     * coxph(Surv(start, stop, event > 0) ~ gdp + ... + day, data = panel_half, ties = "exact", cluster = id), on the
     * first 64 subjects: R's agexact enumerates the subsets of each risk set and cannot do the whole panel in
     * reasonable time. R 3.5-3 computes the robust SE of this fit (Breslow score residuals at the exact estimate,
     * times the exact variance); its cox.zph refuses the fit, so R gives no phTest to compare.
     */
    @Test
    void panelExactCluster() {
        check(
                "panel_half_exact_cluster",
                "panel_half",
                options(PANEL, "start", "stop", "event", null, Ties.EXACT, "id", null),
                true);
    }

    /**
     * The exact fit of the whole study-like panel (about 3,500 rows, ties up to 8 a day) converges and lands near
     * the Efron fit. How long it takes is the benchmark's business, not a test's.
     */
    @Test
    void exactFitOfTheWholePanelConverges() {
        DataTable table = RFixture.data("panel");
        FitOptions o = options(PANEL, "start", "stop", "event", null, Ties.EXACT, "id", null);
        FitResult fit = CoxRegression.fit(table, o);
        assertThat(fit.converged()).isTrue();
        // the exact and Efron estimates are close on these data (few ties relative to the risk sets)
        FitResult efron =
                CoxRegression.fit(table, options(PANEL, "start", "stop", "event", null, Ties.EFRON, "id", null));
        assertThat(fit.coefficient("prior_policy").estimate())
                .isCloseTo(efron.coefficient("prior_policy").estimate(), org.assertj.core.api.Assertions.within(0.1));
    }

    /**
     * coxph(Surv(start, stop, event > 0) ~ gdp + ... + day, data = panel, weights = w, cluster = id), through the
     * low-level entry with case weights (the one the Fine-Gray model uses).
     */
    @Test
    void panelWeightsThroughCoxData() {
        DataTable t = RFixture.data("panel");
        double[] code = t.numeric("event");
        boolean[] event = new boolean[code.length];
        for (int i = 0; i < code.length; i++) {
            event[i] = code[i] > 0;
        }
        double[][] x = new double[PANEL.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = t.numeric(PANEL.get(j));
        }
        double[] id = t.numeric("id");
        int[] cluster = new int[id.length];
        for (int i = 0; i < id.length; i++) {
            cluster[i] = (int) id[i] - 1;
        }
        CoxData data =
                new CoxData(PANEL, t.numeric("start"), t.numeric("stop"), event, x, t.numeric("w"), null, cluster);
        FitResult fit = CoxRegression.fit(data, CoxSettings.defaults());
        RFixture.expected("panel_efron_weights_cluster").assertMatches(fit, PANEL, true);
    }

    /**
     * coxph(Surv(start, stop, event > 0) ~ gdp + constant + population + combo + salience, data = panel_collinear),
     * combo = gdp + 2 population: R gives NA for constant and combo; so do we, with a warning naming each.
     */
    @Test
    void constantAndCollinearTermsAreNotEstimable() {
        List<String> terms = List.of("gdp", "constant", "population", "combo", "salience");
        FitResult fit = check(
                "panel_collinear",
                "panel_collinear",
                options(terms, "start", "stop", "event", null, Ties.EFRON, null, null),
                false);
        assertThat(fit.tests().likelihoodRatio().df()).isEqualTo(3);
        assertThat(fit.warnings())
                .containsExactly(
                        "constant: not estimable (collinear with the baseline or other covariates); estimate null",
                        "combo: not estimable (collinear with the baseline or other covariates); estimate null");
        FitResult.Coefficient combo = fit.coefficient("combo");
        assertThat(combo.stdError()).isNull();
        assertThat(combo.hazardRatio()).isNull();
        assertThat(fit.phTest().terms())
                .extracting(FitResult.PhTerm::term)
                .containsExactly("gdp", "population", "salience");
    }

    /**
     * coxph(Surv(start, stop, event) ~ x + z, data = monotone, control = coxph.control(eps = 1e-11, iter.max = 100)):
     * R warns "Loglik converged before variable 1; beta may be infinite" (agreg.fit's rule, |u V| > toler.inf
     * (1 + |beta|)); so do we, for x only, after as many iterations, and say how to get a finite estimate. x is
     * where the iterations stopped, about 26 (each step adds about 1 to a coefficient that has no maximum); the other
     * coefficient, the log-likelihoods and the tests that do not involve x agree with R.
     */
    @Test
    void monotoneLikelihoodWarnsForTheTermsRNamesAndSuggestsFirth() {
        RFixture r = RFixture.expected("monotone");
        FitResult fit = CoxRegression.fit(
                RFixture.data("monotone"),
                options(List.of("x", "z"), "start", "stop", "event", null, Ties.EFRON, null, null));
        assertMonotone(r, fit);
        assertThat(fit.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("x: ")
                        .contains("Loglik converged before variable 1")
                        .endsWith("--firth gives a finite estimate"));
    }

    /**
     * The same with ties = "exact": R's agexact.fit has its own rule, |u V| > eps and |u V| > toler.inf |beta|, and
     * names x too. Firth's penalty is only available with efron or breslow ties, and the warning says so.
     */
    @Test
    void monotoneLikelihoodWithExactTiesUsesAgexactsRule() {
        RFixture r = RFixture.expected("monotone_exact");
        FitResult fit = CoxRegression.fit(
                RFixture.data("monotone"),
                options(List.of("x", "z"), "start", "stop", "event", null, Ties.EXACT, null, null));
        assertMonotone(r, fit);
        assertThat(fit.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("x: ")
                        .endsWith("--firth (with --ties efron or breslow) gives a finite estimate"));
    }

    private static void assertMonotone(RFixture r, FitResult fit) {
        assertThat(r.infiniteTerms()).containsExactly("x");
        assertThat(RFixture.infiniteTerms(fit)).isEqualTo(r.infiniteTerms());
        // R says only that the log-likelihood converged; the fit contract wants a diverging fit to say it did not
        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations())
                .as("Newton-Raphson iterations")
                .isEqualTo(r.number("iter").intValue());
        assertThat(fit.coefficient("x").estimate()).isCloseTo(r.number("coef.x"), within(1e-3));
        RFixture.close("coef z", fit.coefficient("z").estimate(), r.number("coef.z"));
        RFixture.close("se z", fit.coefficient("z").stdError(), r.number("se.z"));
        RFixture.close("loglik", fit.logLikelihood(), r.number("loglik"));
        RFixture.close("loglik0", fit.nullLogLikelihood(), r.number("loglik0"));
        RFixture.close("score", fit.tests().score().statistic(), r.number("score"));
        RFixture.close("concordance", fit.concordance(), r.number("concordance"));
    }

    /** A fit of the cox model through Fine-Gray's entry (CoxData) names the term but suggests no option. */
    @Test
    void theLowLevelEntrySuggestsNoOption() {
        DataTable t = RFixture.data("monotone");
        double[] code = t.numeric("event");
        boolean[] event = new boolean[code.length];
        for (int i = 0; i < code.length; i++) {
            event[i] = code[i] > 0;
        }
        CoxData data = new CoxData(
                List.of("x", "z"),
                t.numeric("start"),
                t.numeric("stop"),
                event,
                new double[][] {t.numeric("x"), t.numeric("z")},
                null,
                null,
                null);
        FitResult fit = CoxRegression.fit(data, CoxSettings.defaults());
        assertThat(RFixture.infiniteTerms(fit)).containsExactly("x");
        assertThat(fit.warnings()).noneSatisfy(w -> assertThat(w).contains("--firth"));
    }
}
