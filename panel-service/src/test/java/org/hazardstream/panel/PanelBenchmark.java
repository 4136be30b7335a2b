package org.hazardstream.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.panel.messaging.OutboxRelay;
import org.hazardstream.panel.service.PanelProcessor;
import org.hazardstream.study.panel.PanelBuilder;
import org.hazardstream.study.panel.RawData;
import org.hazardstream.study.panel.RawRecord;
import org.hazardstream.study.panel.RawStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Prints figures, asserts only correctness: the demo data set (128 cities, 67 days of daily data) streamed through
 * a real broker into a real PostgreSQL. Excluded from the default run; run it alone (fresh panel):
 * {@code mvn -B verify -pl panel-service -Dtest=PanelBenchmark -Dbenchmarks.excluded=}
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PanelBenchmark {

    private static final Path DEMO = Path.of("..", "deploy", "local", "demo");
    /** The last days are held back and sent one day (128 records) at a time. */
    private static final List<LocalDate> DAILY_BATCH_DAYS = List.of(
            LocalDate.of(2020, 3, 28), LocalDate.of(2020, 3, 29), LocalDate.of(2020, 3, 30), LocalDate.of(2020, 3, 31));

    private static final int CORRECTION_ROUNDS = 10;

    @Inject
    PanelProcessor processor;

    @Inject
    OutboxRelay relay;

    @Test
    void fullStudyLoadAndSingleDailyBatches() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "demo data set not found at " + DEMO.toAbsolutePath());
        RawData demo = RawData.readDirectory(DEMO);
        List<RawRecord> initial = new ArrayList<>();
        Map<LocalDate, List<RawRecord>> heldBack = new LinkedHashMap<>();
        DAILY_BATCH_DAYS.forEach(d -> heldBack.put(d, new ArrayList<>()));
        demo.records().forEach(r -> {
            LocalDate date = r.stream() == RawStream.DAILY ? LocalDate.parse(r.get("date")) : null;
            (date != null && heldBack.containsKey(date) ? heldBack.get(date) : initial).add(r);
        });

        long start = System.nanoTime();
        long applied = processor.snapshot().recordsApplied();
        KafkaFixture.send(initial);
        long sent = System.nanoTime();
        awaitApplied(applied + initial.size());
        long full = System.nanoTime();
        System.out.printf(
                "%n[benchmark] full load: %d records (128 cities) -> panel version %d with %d rows: "
                        + "%.0f ms (send %.0f ms, apply + publish %.0f ms)%n",
                initial.size(),
                processor.snapshot().version(),
                processor.snapshot().panel().rows().size(),
                ms(full - start),
                ms(sent - start),
                ms(full - sent));

        List<Double> dayTimes = new ArrayList<>();
        for (Map.Entry<LocalDate, List<RawRecord>> day : heldBack.entrySet()) {
            dayTimes.add(timeBatch(day.getValue()));
        }
        // Corrections of a whole day that moves covariates of every city: the worst single daily batch.
        List<RawRecord> correctedDay = heldBack.get(DAILY_BATCH_DAYS.get(0));
        List<Double> correctionTimes = new ArrayList<>();
        for (int round = 1; round <= CORRECTION_ROUNDS; round++) {
            int bump = round;
            correctionTimes.add(
                    timeBatch(correctedDay.stream().map(r -> corrected(r, bump)).toList()));
        }
        System.out.printf(
                "[benchmark] new daily batch of 128 records -> new panel version published: %s ms%n",
                summary(dayTimes));
        System.out.printf(
                "[benchmark] corrected daily batch of 128 records (rows change in every city): %s ms%n%n",
                summary(correctionTimes));

        String expected = KafkaFixture.expectedPanelCsv(processor.settings());
        assertThat(processor.snapshot().panel().toCsv()).isEqualTo(expected);
        assertThat(new PanelBuilder().build(demo, processor.settings()).rows())
                .hasSize(processor.snapshot().panel().rows().size());
    }

    /** Sends one batch and returns the time until its panel version is committed and published. */
    private double timeBatch(List<RawRecord> batch) {
        long before = processor.snapshot().recordsApplied();
        long version = processor.snapshot().version();
        long t0 = System.nanoTime();
        KafkaFixture.send(batch);
        awaitApplied(before + batch.size());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(2))
                .until(() -> relay.pending() == 0);
        assertThat(processor.snapshot().version()).isGreaterThan(version);
        return ms(System.nanoTime() - t0);
    }

    private void awaitApplied(long records) {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(2))
                .until(() -> processor.snapshot().recordsApplied() >= records);
    }

    private static RawRecord corrected(RawRecord daily, int bump) {
        Map<String, String> fields = new LinkedHashMap<>(daily.fields());
        String cases = fields.get("cumulative_cases");
        fields.put(
                "cumulative_cases",
                cases.isEmpty() ? Integer.toString(bump) : Long.toString(Long.parseLong(cases) + bump));
        return new RawRecord(RawStream.DAILY, fields);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String summary(List<Double> times) {
        double[] sorted =
                times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                "n=%d median %.0f, min %.0f, max %.0f (each: %s)",
                sorted.length,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                Arrays.toString(times.stream().mapToLong(Math::round).toArray()));
    }
}
