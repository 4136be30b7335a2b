package org.hazardstream.core.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitResult;

/**
 * Reads the committed R fixtures of hazard-core/src/test/r/cox_fixtures.R (and of the study scripts beside it, which
 * write the same keys) and compares a fit with them.
 */
public final class RFixture {

    /** Relative tolerance against R run to convergence (the fixtures' coxph.control(eps = 1e-11)). */
    static final double REL = 1e-8;

    final String name;
    final Map<String, String> values;

    private RFixture(String name, Map<String, String> values) {
        this.name = name;
        this.values = values;
    }

    static DataTable data(String file) {
        try (InputStream in = RFixture.class.getResourceAsStream("/r/cox/" + file + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture data " + file);
            }
            return DataTable.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file + ".csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RFixture expected(String name) {
        return at("/r/cox/" + name + ".expected.csv");
    }

    /** The expected values of a Cox fit in a test resource of this format. */
    public static RFixture at(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1).replace(".expected.csv", "");
        try (InputStream in = RFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            Map<String, String> map = new LinkedHashMap<>();
            try (CSVParser parser = CSVParser.parse(
                    reader,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get())) {
                for (CSVRecord r : parser) {
                    map.put(r.get("key"), r.get("value"));
                }
            }
            return new RFixture(name, map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String call() {
        return values.get("call");
    }

    Double number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(name + ": no key " + key);
        }
        return v.equals("NA") ? null : Double.parseDouble(v);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The terms R named in "Loglik converged before variable ...; beta may be infinite" (key infinite). */
    List<String> infiniteTerms() {
        String v = values.get("infinite");
        return v.equals("none") ? List.of() : List.of(v.split(","));
    }

    /** The terms a fit warns may be infinite, in coefficient order. */
    static List<String> infiniteTerms(FitResult fit) {
        return fit.coefficients().stream()
                .map(FitResult.Coefficient::term)
                .filter(t -> fit.warnings().stream()
                        .anyMatch(w -> w.startsWith(t + ": ") && w.contains("may be " + "infinite")))
                .toList();
    }

    static void close(String what, Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what + " (R: NA)").isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        double tol = REL * Math.max(Math.abs(expected), 1e-300);
        assertThat(actual).as(what + " vs R " + expected).isCloseTo(expected, within(tol));
    }

    /** Compares every value R gave with the fit: counts, likelihoods, tests, concordance, coefficients, zph. */
    public void assertMatches(FitResult fit, List<String> terms, boolean robust) {
        String at = name + " [" + call() + "]: ";
        assertThat(fit.n()).as(at + "n").isEqualTo(number("n").intValue());
        assertThat(fit.events()).as(at + "events").isEqualTo(number("events").intValue());
        assertThat(fit.iterations())
                .as(at + "Newton-Raphson iterations")
                .isEqualTo(number("iter").intValue());
        close(at + "loglik", fit.logLikelihood(), number("loglik"));
        close(at + "null loglik", fit.nullLogLikelihood(), number("loglik0"));
        close(at + "LR test", fit.tests().likelihoodRatio().statistic(), number("lr"));
        close(at + "Wald test", fit.tests().wald().statistic(), number("wald"));
        close(at + "score test", fit.tests().score().statistic(), number("score"));
        close(at + "concordance", fit.concordance(), number("concordance"));
        if (has("infinite")) {
            assertThat(infiniteTerms(fit))
                    .as(at + "terms warned as possibly infinite (R: " + values.get("warnings") + ")")
                    .isEqualTo(infiniteTerms());
        }
        for (String term : terms) {
            FitResult.Coefficient c = fit.coefficient(term);
            close(at + "coef " + term, c.estimate(), number("coef." + term));
            close(at + "se " + term, c.stdError(), number("se." + term));
            close(at + "robust se " + term, c.robustStdError(), robust ? number("robust." + term) : null);
        }
        if (number("zph.GLOBAL") == null) {
            return;
        }
        assertThat(fit.phTest()).as(at + "phTest").isNotNull();
        close(at + "zph GLOBAL", fit.phTest().global().chisq(), number("zph.GLOBAL"));
        for (FitResult.PhTerm t : fit.phTest().terms()) {
            close(at + "zph " + t.term(), t.chisq(), number("zph." + t.term()));
        }
        assertThat(fit.phTest().terms())
                .as(at + "zph terms")
                .hasSize((int) values.keySet().stream()
                                .filter(k -> k.startsWith("zph."))
                                .count()
                        - 1);
    }
}
