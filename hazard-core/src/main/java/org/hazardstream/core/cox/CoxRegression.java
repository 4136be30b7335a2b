package org.hazardstream.core.cox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.data.TiedTimes;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Ties;

/**
 * Cox proportional-hazards regression on counting-process (start, stop] data, equal to R's
 * {@code survival::coxph(Surv(start, stop, event) ~ ..., ties = ..., cluster = ..., strata(...), weights = ...)}.
 *
 * <p>Two entry points: {@link #fit(DataTable, FitOptions)} reads the columns of the fit contract, and
 * {@link #fit(CoxData, CoxSettings)} fits prepared data (the Fine-Gray model calls it with its censoring weights).
 *
 * <p>What a result holds, and where R's numbers come from:
 * <ul>
 * <li>estimate, stdError: coef and se(coef), from Newton-Raphson as agfit4 ({@link NewtonRaphson}) and the inverse
 * of the information at the estimate;</li>
 * <li>robustStdError (only with a cluster): sqrt of the diagonal of V (sum over clusters of s_c s_c') V, s_c the
 * weighted score residuals summed within cluster c, V the model-based variance (R: the dfbeta residuals collapsed by
 * cluster, crossprod);</li>
 * <li>z, pValue, confLow, confHigh use the robust standard error when there is one, as summary.coxph;</li>
 * <li>tests: likelihood ratio 2(l(beta) - l(0)); Wald beta' V^-1 beta with the robust V when clustered (R's
 * wald.test); score u(0)' I(0)^-1 u(0). Unlike R, which takes them at the initial values, the null log-likelihood
 * and the score test are always at beta = 0, so that a warm start gives the same result as a cold one.</li>
 * <li>concordance: R's concordance(fit); phTest: R's cox.zph(fit) (transform "km"), terms with estimate null left
 * out.</li>
 * </ul>
 *
 * <p>Exact ties ({@link Ties#EXACT}): the estimates, model-based SE and log-likelihoods are those of R's agexact /
 * coxexact (the same likelihood, computed by recursion instead of enumeration). For the rest this class does what
 * R 3.5-3 does for a ties = "exact" fit, checked against R: the robust SE uses Breslow score residuals at the exact
 * estimate times the exact-fit variance (R: residuals.coxph passes method == "efron", i.e. FALSE, to agscore);
 * cox.zph uses Breslow sums at the exact estimate (R: zph1/zph2 with method == "efron" FALSE; compared with R on
 * right-censored data, because R's cox.zph refuses a counting-process exact fit, whose result loses its "coxph"
 * class in survival 3.5-3). Case weights are refused as in R. Firth's penalty is available with Efron and Breslow.
 *
 * <p>Honest results: a term that is constant or collinear (a zero pivot of the rank-revealing decomposition with R's
 * toler.chol) gets estimate null and a warning; a coefficient that diverges (R's "Loglik converged before variable
 * ...; beta may be infinite", {@link #mayBeInfinite}) keeps its last value and gets a warning naming it (for the cox
 * model with how --firth gives a finite estimate) and makes converged false, as does running out of iterations.
 */
public final class CoxRegression {

    static final String MODEL = "cox";
    /** Firth: the Newton step (scaled covariates) at which the penalised fit counts as converged. */
    static final double FIRTH_STEP_TOLERANCE = 1e-10;
    /**
     * Firth: Newton with the information instead of the penalised Hessian converges linearly (on 6 rows it needs
     * about 35 iterations to reach a step of 1e-10), so the penalised fit gets at least this many iterations.
     */
    static final int FIRTH_MIN_ITERATIONS = 100;

    private CoxRegression() {}

    /** Fits the Cox model named by the options to a long-format table. */
    public static FitResult fit(DataTable table, FitOptions options) {
        CoxInput input = CoxInput.read(table, options);
        CoxSettings settings = CoxSettings.of(options.ties(), options.firth(), options.initialEstimates());
        // the cox model has --firth (with efron or breslow ties); Fine-Gray, the other caller, has none
        String firthHint = options.firth()
                ? null
                : options.ties() == Ties.EXACT
                        ? "--firth (with --ties efron or breslow) gives a finite estimate"
                        : "--firth gives a finite estimate";
        FitResult r = fit(input.data(), settings, firthHint);
        return new FitResult(
                r.model(),
                r.n(),
                r.events(),
                input.excludedRows(),
                r.converged(),
                r.iterations(),
                r.logLikelihood(),
                r.nullLogLikelihood(),
                r.aic(),
                r.tests(),
                r.concordance(),
                r.phTest(),
                r.warnings(),
                r.coefficients(),
                r.baseline());
    }

    /** Fits prepared data; the result is complete (model "cox", n = rows, events = rows with the event). */
    public static FitResult fit(CoxData data, CoxSettings settings) {
        return fit(data, settings, null);
    }

    /** @param firthHint how to get a finite estimate, added to a diverging coefficient's warning, or null */
    private static FitResult fit(CoxData data, CoxSettings settings, String firthHint) {
        validate(data);
        int n = data.rows();
        int events = 0;
        for (boolean e : data.event()) {
            if (e) {
                events++;
            }
        }
        if (events == 0) {
            throw new BadInputException("no events: a Cox model needs at least one row with the event");
        }
        if (settings.firth() && settings.ties() == Ties.EXACT) {
            throw new BadInputException(
                    "option --firth: Firth's penalty is available with efron or breslow ties, " + "not exact");
        }
        if (settings.ties() == Ties.EXACT && data.weights() != null) {
            for (double w : data.weights()) {
                if (w != 1.0) {
                    throw new BadInputException("case weights are not supported with exact ties "
                            + "(as R: \"Case weights are not supported for the exact method\")");
                }
            }
        }
        List<String> terms = data.terms();
        int p = terms.size();
        CoxProblem problem = new CoxProblem(data);
        PartialLikelihood likelihood = settings.ties() == Ties.EXACT
                ? new ExactLikelihood(problem)
                : new CountingProcessLikelihood(problem, settings.ties() == Ties.EFRON);
        double[] scale = problem.scale;
        double logScaleDet = 0;
        for (double s : scale) {
            logScaleDet += Math.log(s);
        }
        // The penalty on the original scale: log det I_orig = log det I_scaled + 2 sum log scale.
        final double penaltyConstant = logScaleDet;
        NewtonRaphson.Objective objective = settings.firth()
                ? beta -> firthPenalised(likelihood.evaluate(beta, true), p, settings.cholTolerance(), penaltyConstant)
                : beta -> likelihood.evaluate(beta, false);

        // beta = 0: the null log-likelihood and the score test
        double[] zero = new double[p];
        PartialLikelihood.Evaluation atZero = objective.evaluate(zero);
        SymmetricLdl ldlZero = new SymmetricLdl(atZero.info(), p, settings.cholTolerance());
        double[] solvedZero = ldlZero.solve(atZero.score());
        double scoreTest = 0;
        for (int i = 0; i < p; i++) {
            scoreTest += atZero.score()[i] * solvedZero[i];
        }

        double[] init = new double[p];
        for (int j = 0; j < p; j++) {
            Double v = settings.initialEstimates().get(terms.get(j));
            init[j] = v == null ? 0 : v / scale[j];
        }
        NewtonRaphson.Outcome outcome = p == 0
                ? new NewtonRaphson.Outcome(init, atZero, ldlZero, atZero.logLik(), 0, true)
                : NewtonRaphson.maximise(
                        objective,
                        init,
                        isZero(init) ? atZero : null,
                        settings.firth()
                                ? Math.max(settings.maxIterations(), FIRTH_MIN_ITERATIONS)
                                : settings.maxIterations(),
                        settings.epsilon(),
                        settings.cholTolerance(),
                        settings.firth() ? FIRTH_STEP_TOLERANCE : 0);

        double[] betaScaled = outcome.beta().clone();
        double[] varScaled = outcome.lastLdl().inverse();
        boolean rankDeficient = outcome.lastLdl().rank() < p;
        boolean[] kept = new boolean[p];
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            kept[j] = !(rankDeficient && varScaled[j * p + j] == 0);
            if (!kept[j]) {
                betaScaled[j] = 0;
                warnings.add(terms.get(j)
                        + ": not estimable (collinear with the baseline or other covariates); estimate null");
            }
        }
        double[] beta = new double[p];
        double[] var = new double[p * p];
        double[] score = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = betaScaled[i] * scale[i];
            score[i] = outcome.last().score()[i] / scale[i];
            for (int j = 0; j < p; j++) {
                var[i * p + j] = varScaled[i * p + j] * scale[i] * scale[j];
            }
        }
        // fit-contract.md: a fit whose coefficient diverges says so with converged: false (R reports only that the
        // log-likelihood converged, with its warning).
        boolean diverging = false;
        if (!outcome.converged()) {
            warnings.add("did not converge in " + settings.maxIterations()
                    + " iterations (R: Ran out of iterations and did not converge); estimates are the last values");
        } else if (settings.maxIterations() > 1) {
            for (int j = 0; j < p; j++) {
                if (kept[j] && mayBeInfinite(j, score, var, beta, settings)) {
                    diverging = true;
                    warnings.add(terms.get(j) + ": the log-likelihood converged before this coefficient did: it "
                            + "may be infinite (monotone likelihood; R: \"Loglik converged before variable " + (j + 1)
                            + "; beta may be infinite\"); the estimate is where the iterations stopped"
                            + (firthHint == null ? "" : "; " + firthHint));
                }
            }
        }

        double[] robustVar = null;
        if (data.cluster() != null && p > 0) {
            robustVar = robustVariance(data, problem, betaScaled, varScaled, settings.ties() == Ties.EFRON, scale);
        }
        double[] waldVar = robustVar != null ? robustVar : var;
        int df = 0;
        for (boolean k : kept) {
            if (k) {
                df++;
            }
        }
        double wald = waldStatistic(beta, waldVar, kept, settings.cholTolerance());
        double logLik = outcome.last().logLik();
        double nullLogLik = atZero.logLik();
        double lr = 2 * (logLik - nullLogLik);
        FitResult.Tests tests = new FitResult.Tests(
                new FitResult.TestStatistic(lr, df, CoxStatistics.chiSquareUpper(lr, df)),
                new FitResult.TestStatistic(wald, df, CoxStatistics.chiSquareUpper(wald, df)),
                new FitResult.TestStatistic(scoreTest, df, CoxStatistics.chiSquareUpper(scoreTest, df)));

        double[] eta = linearPredictor(problem, betaScaled);
        Double concordance = Concordance.compute(problem, eta);
        FitResult.PhTest phTest = null;
        if (df > 0) {
            try {
                phTest = ProportionalHazardsTest.compute(
                        data, problem, betaScaled, kept, settings.ties() == Ties.EFRON, terms);
            } catch (RuntimeException singular) {
                warnings.add(
                        "phTest: the proportional-hazards test could not be computed (" + singular.getMessage() + ")");
            }
        }

        List<FitResult.Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (!kept[j]) {
                coefficients.add(
                        new FitResult.Coefficient(terms.get(j), null, null, null, null, null, null, null, null));
                continue;
            }
            double se = Math.sqrt(var[j * p + j]);
            Double robust = robustVar == null ? null : Math.sqrt(robustVar[j * p + j]);
            double useSe = robust != null ? robust : se;
            double z = beta[j] / useSe;
            coefficients.add(new FitResult.Coefficient(
                    terms.get(j),
                    beta[j],
                    se,
                    robust,
                    z,
                    CoxStatistics.twoSidedNormal(z),
                    Math.exp(beta[j]),
                    Math.exp(beta[j] - CoxStatistics.Z_975 * useSe),
                    Math.exp(beta[j] + CoxStatistics.Z_975 * useSe)));
        }
        double aic = -2 * logLik + 2 * df;
        return new FitResult(
                MODEL,
                n,
                events,
                0,
                outcome.converged() && !diverging,
                outcome.iterations(),
                logLik,
                nullLogLik,
                aic,
                tests,
                concordance,
                phTest,
                warnings,
                coefficients,
                List.of());
    }

    /**
     * R's test, once the log-likelihood has converged, for coefficient j running off to infinity: infs = |(u V)_j|,
     * u the score and V the variance at the estimate (what the next Newton step would still move beta_j), as
     * survival 3.5-3 writes it for the fitter coxph calls on (start, stop] data:
     * <ul>
     * <li>agreg.fit (efron, breslow): {@code !is.finite(u) | infs > toler.inf * (1 + abs(coef))};</li>
     * <li>agexact.fit (exact): {@code (infs > eps) & infs > toler.inf * abs(coef)}.</li>
     * </ul>
     * (coxph.fit, R's fitter for right-censored Surv(time, status), uses the exact fitter's rule or a non-finite u.)
     */
    private static boolean mayBeInfinite(int j, double[] score, double[] var, double[] beta, CoxSettings settings) {
        int p = beta.length;
        double uv = 0;
        for (int i = 0; i < p; i++) {
            uv += score[i] * var[i * p + j];
        }
        double infs = Math.abs(uv);
        if (settings.ties() == Ties.EXACT) {
            return infs > settings.epsilon() && infs > settings.infTolerance() * Math.abs(beta[j]);
        }
        return !Double.isFinite(score[j]) || infs > settings.infTolerance() * (1 + Math.abs(beta[j]));
    }

    /**
     * Firth's penalised partial likelihood (Heinze and Schemper 2001): l*(beta) = l(beta) + 1/2 log det I(beta),
     * score u*_r = u_r + 1/2 trace(I^-1 dI/dbeta_r); the Newton step uses I itself, as coxphf does.
     * R's coxphf is not installed here, so this is checked against a hand-derived case and against finite
     * estimates under separation (see CoxFirthTest), not against R.
     */
    private static PartialLikelihood.Evaluation firthPenalised(
            PartialLikelihood.Evaluation ev, int p, double tol, double logScaleDet) {
        SymmetricLdl ldl = new SymmetricLdl(ev.info(), p, tol);
        double[] inv = ldl.inverse();
        double[] score = ev.score().clone();
        double[] dI = ev.dInfo();
        for (int r = 0; r < p; r++) {
            double trace = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    trace += inv[a * p + b] * dI[(r * p + b) * p + a];
                }
            }
            score[r] += 0.5 * trace;
        }
        double value = ev.logLik() + 0.5 * (ldl.logDeterminant() - 2 * logScaleDet);
        return new PartialLikelihood.Evaluation(value, score, ev.info(), dI);
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] linearPredictor(CoxProblem problem, double[] betaScaled) {
        int p = problem.vars;
        double[] eta = new double[problem.rows];
        for (int k = 0; k < problem.rows; k++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                z += betaScaled[j] * problem.x[k * p + j];
            }
            eta[k] = z;
        }
        return eta;
    }

    /** V (sum_c s_c s_c') V on the original scale; s_c the weighted score residuals of cluster c. */
    private static double[] robustVariance(
            CoxData data, CoxProblem problem, double[] betaScaled, double[] varScaled, boolean efron, double[] scale) {
        int p = problem.vars;
        double[] resid = ScoreResiduals.weighted(problem, betaScaled, efron);
        int clusters = 0;
        for (int c : data.cluster()) {
            clusters = Math.max(clusters, c + 1);
        }
        double[] sums = new double[clusters * p];
        for (int k = 0; k < problem.rows; k++) {
            int c = data.cluster()[problem.dataRow[k]];
            for (int j = 0; j < p; j++) {
                sums[c * p + j] += resid[k * p + j];
            }
        }
        double[] meat = new double[p * p];
        for (int c = 0; c < clusters; c++) {
            for (int i = 0; i < p; i++) {
                double si = sums[c * p + i];
                for (int j = 0; j < p; j++) {
                    meat[i * p + j] += si * sums[c * p + j];
                }
            }
        }
        double[] tmp = multiply(varScaled, meat, p);
        double[] robustScaled = multiply(tmp, varScaled, p);
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i * p + j] = robustScaled[i * p + j] * scale[i] * scale[j];
            }
        }
        return out;
    }

    private static double[] multiply(double[] a, double[] b, int p) {
        double[] c = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double aik = a[i * p + k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    c[i * p + j] += aik * b[k * p + j];
                }
            }
        }
        return c;
    }

    /** beta' V^-1 beta over the kept terms, with R's coxph.wtest (cholesky2 of V, then solve). */
    private static double waldStatistic(double[] beta, double[] var, boolean[] kept, double tol) {
        int[] idx = java.util.stream.IntStream.range(0, kept.length)
                .filter(i -> kept[i])
                .toArray();
        int m = idx.length;
        if (m == 0) {
            return 0;
        }
        double[] v = new double[m * m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = beta[idx[i]];
            for (int j = 0; j < m; j++) {
                v[i * m + j] = var[idx[i] * kept.length + idx[j]];
            }
        }
        double[] solved = new SymmetricLdl(v, m, tol).solve(b);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += b[i] * solved[i];
        }
        return s;
    }

    private static void validate(CoxData data) {
        int n = data.rows();
        if (data.start().length != n
                || data.event().length != n
                || (data.weights() != null && data.weights().length != n)
                || (data.strata() != null && data.strata().length != n)
                || (data.cluster() != null && data.cluster().length != n)) {
            throw new IllegalArgumentException("CoxData arrays differ in length");
        }
        for (double[] column : data.covariates()) {
            if (column.length != n) {
                throw new IllegalArgumentException(
                        "CoxData covariate column of length " + column.length + " for " + n + " rows");
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(data.stop()[i] > data.start()[i])) {
                throw new BadInputException("row " + (i + 1) + ": stop (" + data.stop()[i]
                        + ") must be greater than start (" + data.start()[i] + ")");
            }
            if (data.weights() != null && !(data.weights()[i] >= 0 && Double.isFinite(data.weights()[i]))) {
                throw new BadInputException(
                        "row " + (i + 1) + ": weight " + data.weights()[i] + " is not a finite non-negative number");
            }
        }
    }

    /** The CoxData read from a table, and how many rows were left out for a missing value. */
    record CoxInput(CoxData data, int excludedRows) {

        static CoxInput read(DataTable table, FitOptions o) {
            double[] start = table.numeric(o.startColumn());
            double[] stop = table.numeric(o.stopColumn());
            double[] code = table.numeric(o.eventColumn());
            List<String> covariates = o.covariates();
            double[][] cov = new double[covariates.size()][];
            for (int j = 0; j < cov.length; j++) {
                cov[j] = table.numeric(covariates.get(j));
            }
            String[] strata = o.strataColumn() == null ? null : table.text(o.strataColumn());
            String[] cluster = o.clusterColumn() == null ? null : table.text(o.clusterColumn());
            int rows = table.rowCount();
            boolean[] keep = new boolean[rows];
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                boolean ok = !Double.isNaN(start[r])
                        && !Double.isNaN(stop[r])
                        && !Double.isNaN(code[r])
                        && !missing(strata, r)
                        && !missing(cluster, r);
                for (int j = 0; ok && j < cov.length; j++) {
                    ok = !Double.isNaN(cov[j][r]);
                }
                keep[r] = ok;
                if (ok) {
                    kept++;
                    if (!(stop[r] > start[r])) {
                        throw new BadInputException(table.source() + ": row " + (r + 1) + ": stop (" + format(stop[r])
                                + ") must be greater than start (" + format(start[r]) + ")");
                    }
                    // The same rule as the other models' frame: 0.5 is no event code, for Cox neither.
                    if (code[r] != Math.rint(code[r]) || code[r] < 0) {
                        throw new BadInputException(table.source() + ": row " + (r + 1) + ", column '" + o.eventColumn()
                                + "': event code " + code[r] + " is not a whole number >= 0");
                    }
                }
            }
            boolean complete = kept == rows;
            double[] s = complete ? start : new double[kept];
            double[] t = complete ? stop : new double[kept];
            boolean[] e = new boolean[kept];
            // complete data (the usual case) keeps the parsed columns instead of copying them
            double[][] x = complete ? cov : new double[cov.length][kept];
            String[] st = strata == null ? null : new String[kept];
            String[] cl = cluster == null ? null : new String[kept];
            for (int r = 0, k = 0; r < rows; r++) {
                if (!keep[r]) {
                    continue;
                }
                s[k] = start[r];
                t[k] = stop[r];
                e[k] = o.eventCode() == null ? code[r] > 0 : code[r] == o.eventCode();
                if (!complete) {
                    for (int j = 0; j < cov.length; j++) {
                        x[j][k] = cov[j][r];
                    }
                }
                if (st != null) {
                    st[k] = strata[r];
                }
                if (cl != null) {
                    cl[k] = cluster[r];
                }
                k++;
            }
            int[] strataIndex = index(st);
            // Every spec that reads the same intervals of the same rows (the all-cause and the cause-specific fits of
            // one panel) shares one sort of them. With every row kept that is any spec with these time and strata
            // columns; otherwise which rows are kept depends on every column read here.
            String keptRows = complete
                    ? "every row"
                    : String.join(
                            "\u0000", o.eventColumn(), String.valueOf(o.clusterColumn()), String.join(",", covariates));
            String rowsAndTimes = String.join(
                    "\u0000", "cox-times", o.startColumn(), o.stopColumn(), String.valueOf(o.strataColumn()), keptRows);
            // R's timefix: times that differ only by floating-point noise are one time
            TiedTimes.Intervals merged = table.derived(
                    rowsAndTimes + "\u0000timefix", TiedTimes.Intervals.class, () -> TiedTimes.merge(s, t));
            SortedTimes times = table.derived(
                    rowsAndTimes, SortedTimes.class, () -> SortedTimes.of(merged.start(), merged.stop(), strataIndex));
            CoxData data =
                    new CoxData(covariates, merged.start(), merged.stop(), e, x, null, strataIndex, index(cl), times);
            return new CoxInput(data, rows - kept);
        }

        private static boolean missing(String[] column, int r) {
            return column != null && (column[r] == null || column[r].equals("NA"));
        }

        /** Each distinct value (numbers by value, text by text) gets an index, in sorted order as R's factor. */
        private static int[] index(String[] values) {
            if (values == null) {
                return null;
            }
            boolean numeric = true;
            for (String v : values) {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException ex) {
                    numeric = false;
                    break;
                }
            }
            if (numeric) {
                TreeMap<Double, Integer> byValue = new TreeMap<>();
                for (String v : values) {
                    byValue.putIfAbsent(Double.parseDouble(v), 0);
                }
                int next = 0;
                for (Map.Entry<Double, Integer> en : byValue.entrySet()) {
                    en.setValue(next++);
                }
                int[] out = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = byValue.get(Double.parseDouble(values[i]));
                }
                return out;
            }
            TreeMap<String, Integer> sorted = new TreeMap<>();
            for (String v : values) {
                sorted.putIfAbsent(v, 0);
            }
            int next = 0;
            for (Map.Entry<String, Integer> en : sorted.entrySet()) {
                en.setValue(next++);
            }
            int[] out = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = sorted.get(values[i]);
            }
            return out;
        }

        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
