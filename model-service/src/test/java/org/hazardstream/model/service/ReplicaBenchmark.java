package org.hazardstream.model.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.core.fit.HazardModels;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a version costs model-service before any fit, at county scale (2,844 units, 350 days: about a million rows):
 * applying a day's delta to the columnar replica and taking its snapshot (the fitters' table), beside building the
 * same table from row objects as the replica did before ({@code Panel.toDataTable}); then the three Cox-family fits
 * on one table beside each on its own. Prints medians; a benchmark, not
 * a test: {@code mvn -B verify -pl model-service -am -Dtest=ReplicaBenchmark -Dbenchmarks.excluded=
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ReplicaBenchmark {

    private static final int UNITS = 2844;
    private static final int DAYS = 350;
    private static final int ROUNDS = 7;

    @Test
    void aDaysDeltaAndTheSnapshotAtCountyScale() {
        Random random = new Random(2844);
        long empty = usedHeap();
        PanelReplica replica = new PanelReplica();
        for (int day = 1; day <= DAYS; day++) {
            List<PanelRow> delta = new ArrayList<>(UNITS);
            for (int unit = 0; unit < UNITS; unit++) {
                delta.add(row(unit, day, random));
            }
            replica.apply(new CompleteVersion("county", version(day), delta, List.of()));
        }
        long withReplica = usedHeap();
        // The same panel as row objects, as the replica held it before (one PanelRow per unit-day).
        random = new Random(2844);
        List<PanelRow> all = new ArrayList<>(UNITS * DAYS);
        for (int day = 1; day <= DAYS; day++) {
            for (int unit = 0; unit < UNITS; unit++) {
                all.add(row(unit, day, random));
            }
        }
        long withRows = usedHeap();
        System.out.printf(
                "heap after GC for %d rows: columnar replica %d MiB; the same rows as row objects %d MiB%n",
                replica.size(), (withReplica - empty) >> 20, (withRows - withReplica) >> 20);
        long[] apply = new long[ROUNDS];
        long[] snapshot = new long[ROUNDS];
        long[] fromRows = new long[ROUNDS];
        int rows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int day = DAYS + 1 + round;
            List<PanelRow> delta = new ArrayList<>(UNITS);
            for (int unit = 0; unit < UNITS; unit++) {
                delta.add(row(unit, day, random));
            }
            all.addAll(delta);
            long t0 = System.nanoTime();
            replica.apply(new CompleteVersion("county", version(day), delta, List.of()));
            long t1 = System.nanoTime();
            rows = replica.snapshot().table().rowCount();
            long t2 = System.nanoTime();
            rows = Math.min(rows, new Panel(all, List.of()).toDataTable().rowCount());
            long t3 = System.nanoTime();
            apply[round] = t1 - t0;
            snapshot[round] = t2 - t1;
            fromRows[round] = t3 - t2;
        }
        System.out.printf(
                "replica at %d rows (%d units), median of %d rounds: apply a day's delta (%d rows) %.1f ms, "
                        + "snapshot table %.1f ms; the same table from row objects %.1f ms%n",
                rows, UNITS, ROUNDS, UNITS, median(apply), median(snapshot), median(fromRows));
        coxFamilyOnOneTable(replica);
    }

    /**
     * cox, cs-self and cs-provincial (the demo's specs, on two covariates) on one snapshot's table, which shares one
     * sort of the intervals among them, beside the same three fits each on a table of its own.
     */
    private static void coxFamilyOnOneTable(PanelReplica replica) {
        List<Map<String, String>> specs = List.of(
                Map.of("model", "cox", "covariates", "salience,competition", "id", "city_id", "cluster", "city_id"),
                Map.of("model", "cox", "covariates", "salience,competition", "id", "city_id", "event-code", "1"),
                Map.of("model", "cox", "covariates", "salience,competition", "id", "city_id", "event-code", "2"));
        long[] shared = new long[4];
        long[] own = new long[4];
        for (int round = 0; round < shared.length; round++) {
            // Alternate which goes first, so neither always runs on the warmer JVM.
            if (round % 2 == 0) {
                shared[round] = fitOnOneTable(replica, specs);
                own[round] = fitEachOnItsOwnTable(replica, specs);
            } else {
                own[round] = fitEachOnItsOwnTable(replica, specs);
                shared[round] = fitOnOneTable(replica, specs);
            }
        }
        System.out.printf(
                "cox, cs-self and cs-provincial at %d rows, median of %d rounds: on one table (one sort "
                        + "of its intervals) %.0f ms; each on a table of its own %.0f ms%n",
                replica.size(), shared.length, median(shared), median(own));
    }

    private static long fitOnOneTable(PanelReplica replica, List<Map<String, String>> specs) {
        DataTable table = replica.snapshot().table();
        long began = System.nanoTime();
        specs.forEach(options -> HazardModels.fit(table, FitOptionsParser.parse(options)));
        return System.nanoTime() - began;
    }

    private static long fitEachOnItsOwnTable(PanelReplica replica, List<Map<String, String>> specs) {
        long nanos = 0;
        for (Map<String, String> options : specs) {
            DataTable table = replica.snapshot().table();
            long began = System.nanoTime();
            HazardModels.fit(table, FitOptionsParser.parse(options));
            nanos += System.nanoTime() - began;
        }
        return nanos;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static PanelRow row(int unit, int day, Random random) {
        List<Double> covariates = new ArrayList<>(PanelRow.COVARIATES.size());
        for (int c = 0; c < PanelRow.COVARIATES.size(); c++) {
            covariates.add(Math.round(random.nextGaussian() * 1000) / 100.0);
        }
        int event = random.nextInt(1500) == 0 ? 1 + random.nextInt(2) : 0; // both causes, a few a day
        return new PanelRow(
                Integer.toString(100000 + unit),
                Integer.toString(unit % 31),
                day,
                LocalDate.of(2020, 1, 1).plusDays(day - 1),
                day - 1,
                day,
                event,
                covariates);
    }

    private static PanelVersionCompleted version(long v) {
        return new PanelVersionCompleted(v, 0, 0, 0, null, 0, 0, Instant.EPOCH);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
