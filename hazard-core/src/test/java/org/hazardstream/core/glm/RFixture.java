package org.hazardstream.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.data.DataTable;

/**
 * Expected values written by the committed R scripts (hazard-core/src/test/r): one line per value with its key,
 * the value to 17 significant digits and the R expression that produced it. Also loads the data sets.
 */
public final class RFixture {

    /** Relative tolerance against R run to convergence (glm.control(epsilon = 1e-14), coxph eps = 1e-11). */
    public static final double RELATIVE = 1e-8;

    private final String name;
    private final Map<String, Double> values;
    private final Map<String, String> calls;
    /** key prefixes compared at a looser relative tolerance (see {@link #loosened}) */
    private final Map<String, Double> looser;

    private RFixture(String name) {
        this(name, new HashMap<>(), new HashMap<>(), Map.of());
    }

    private RFixture(String name, Map<String, Double> values, Map<String, String> calls, Map<String, Double> looser) {
        this.name = name;
        this.values = values;
        this.calls = calls;
        this.looser = looser;
    }

    /**
     * The same fixture with the values whose key starts with one of the prefixes compared at the given relative
     * tolerance: for values that R and the engine cannot agree on to {@link #RELATIVE}; the caller says why.
     */
    public RFixture loosened(double relative, String... keyPrefixes) {
        Map<String, Double> more = new HashMap<>(looser);
        for (String prefix : keyPrefixes) {
            more.put(prefix, relative);
        }
        return new RFixture(name, values, calls, Map.copyOf(more));
    }

    private double relative(String key) {
        return looser.entrySet().stream()
                .filter(e -> key.startsWith(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(RELATIVE);
    }

    public static RFixture load(String resource) {
        RFixture fixture = new RFixture(resource);
        try (Reader reader = open(resource)) {
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                String v = record.get("value");
                fixture.values.put(record.get("key"), v.equals("NA") ? Double.NaN : Double.parseDouble(v));
                fixture.calls.put(record.get("key"), record.get("r"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    public static DataTable table(String resource) {
        try (Reader reader = open(resource)) {
            return DataTable.parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String resource) {
        var stream = RFixture.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no expected value " + key);
        }
        return v;
    }

    /** Asserts actual equals R's value at relative {@link #RELATIVE}, naming the key and the R call on failure. */
    public void assertClose(String key, Double actual) {
        double expected = get(key);
        assertThat(actual).as("%s (R: %s)", key, calls.get(key)).isNotNull();
        assertThat(actual)
                .as("%s (R: %s)", key, calls.get(key))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(relative(key) * Math.abs(expected) + 1e-12));
    }
}
