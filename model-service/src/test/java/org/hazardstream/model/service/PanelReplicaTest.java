package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelRow;
import org.junit.jupiter.api.Test;

/**
 * The replica reads the committed golden sample of the panel-deltas topic, applies versions whole, and its snapshot
 * is the table the CLI reads from the same rows.
 */
class PanelReplicaTest {

    private static final PanelDelta GOLDEN =
            EventJson.read(GoldenSamples.read(GoldenSamples.PANEL_DELTA), PanelDelta.class);

    @Test
    void theGoldenDeltaGivesItsRowsInContractOrderAndItsTotals() {
        PanelReplica replica = new PanelReplica();
        replica.apply(new PanelDeltaAssembler().accept(GOLDEN).orElseThrow());

        PanelSnapshot snapshot = replica.snapshot();
        assertThat(snapshot.panelVersion()).isEqualTo(7);
        assertThat(snapshot.table().text("city_id")).containsExactly("420100", "420200");
        assertThat(snapshot.version().dataThrough()).isEqualTo(GOLDEN.version().dataThrough());
        assertThat(snapshot.study()).isEqualTo(GOLDEN.study());
        assertThat(replica.size()).isEqualTo(2);
        assertSameTable(snapshot.table(), new Panel(GOLDEN.rows(), List.of()).toDataTable());
    }

    @Test
    void aLaterVersionReplacesChangedRowsAndRemovesTheRowsItRemoves() {
        PanelReplica replica = new PanelReplica();
        PanelRow a = GOLDEN.rows().get(0);
        PanelRow b = GOLDEN.rows().get(1);
        replica.apply(
                new PanelDeltaAssembler.CompleteVersion(GOLDEN.study(), GOLDEN.version(), List.of(b, a), List.of()));
        PanelSnapshot before = replica.snapshot();
        PanelRow changed =
                new PanelRow(a.cityId(), a.provinceId(), a.day(), a.date(), a.start(), a.stop(), 1, a.covariates());
        replica.apply(new PanelDeltaAssembler.CompleteVersion(
                GOLDEN.study(),
                GOLDEN.version(),
                List.of(changed),
                List.of(new PanelDelta.RowKey(b.cityId(), b.day()), new PanelDelta.RowKey("nowhere", 1))));

        PanelSnapshot after = replica.snapshot();
        assertSameTable(after.table(), new Panel(List.of(changed), List.of()).toDataTable());
        assertThat(after.rows()).isEqualTo(1);
        assertThat(after.events()).isEqualTo(1);
        assertThat(replica.size()).isEqualTo(1);
        // A snapshot is the panel as it was: the later version did not change it.
        assertSameTable(before.table(), new Panel(List.of(a, b), List.of()).toDataTable());
    }

    @Test
    void anyMixOfAppendedCorrectedAndRemovedDaysGivesTheTableOfTheRowsThatRemainAndLeavesEarlierSnapshotsAlone() {
        Random random = new Random(20200201);
        PanelReplica replica = new PanelReplica();
        TreeMap<String, PanelRow> expected = new TreeMap<>();
        PanelSnapshot previous = null;
        Panel previousPanel = null;
        for (int v = 1; v <= 60; v++) {
            TreeMap<String, PanelRow> put = new TreeMap<>(); // one row per key and version, as panel-service sends
            List<PanelDelta.RowKey> removed = new ArrayList<>();
            for (int k = 0; k < 25; k++) {
                String city = "C" + random.nextInt(12);
                int day = 1 + random.nextInt(v);
                if (random.nextInt(6) == 0) {
                    removed.add(new PanelDelta.RowKey(city, day));
                    expected.remove(key(city, day));
                } else {
                    put.put(key(city, day), row(city, day, random));
                }
            }
            // A version removes first, then puts: a row both removed and put in one version stays.
            expected.putAll(put);
            List<PanelRow> rows = new ArrayList<>(put.values());
            Collections.shuffle(rows, random);
            replica.apply(new PanelDeltaAssembler.CompleteVersion("s", version(v), rows, removed));

            Panel panel = new Panel(new ArrayList<>(expected.values()), List.of());
            if (previous != null) {
                // Taken before this version, its table built only now: what it showed then.
                assertSameTable(previous.table(), previousPanel.toDataTable());
            }
            PanelSnapshot snapshot = replica.snapshot();
            assertSameTable(snapshot.table(), panel.toDataTable());
            assertThat(snapshot.events()).isEqualTo(panel.events());
            assertThat(replica.size()).isEqualTo(expected.size());
            // Every other snapshot's table is left to be built after the next version.
            previous = v % 2 == 0 ? replica.snapshot() : null;
            previousPanel = panel;
        }
    }

    /** Contract order: city id as text, then day (zero-padded, after a separator below every character). */
    private static String key(String city, int day) {
        return city + "\u0000" + String.format("%04d", day);
    }

    private static PanelRow row(String city, int day, Random random) {
        List<Double> covariates = new ArrayList<>();
        for (int c = 0; c < PanelRow.COVARIATES.size(); c++) {
            covariates.add(random.nextInt(10) == 0 ? null : Math.round(random.nextGaussian() * 1000) / 100.0);
        }
        return new PanelRow(
                city,
                "P" + city.length(),
                day,
                LocalDate.of(2020, 1, 31).plusDays(day),
                day - 1,
                day,
                random.nextInt(20) == 0 ? 1 + random.nextInt(2) : 0,
                covariates);
    }

    private static PanelVersionCompleted version(long v) {
        return new PanelVersionCompleted(v, 0, 0, 0, null, 0, 0, java.time.Instant.EPOCH);
    }

    private static void assertSameTable(DataTable actual, DataTable expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (String column : expected.columns()) {
            assertThat(actual.text(column)).as(column).containsExactly(expected.text(column));
            if (!column.equals("date") && !column.equals("city_id") && !column.equals("province_id")) {
                assertThat(actual.numeric(column)).as(column).containsExactly(expected.numeric(column));
            }
        }
    }
}
