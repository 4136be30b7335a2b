package org.hazardstream.report.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.Topics;
import org.hazardstream.study.panel.PanelRow;

/**
 * A small panel published to the panel-deltas topic as panel-service would: six cities in two provinces over a
 * 12-day window, in two versions. Version 1 travels in two chunks; version 2 corrects city 320200's adoption from
 * day 8 to day 6 (row 6 gets the event, rows 7 and 8 leave the risk set).
 *
 * <pre>
 * city    province  adoption (version 2)
 * 110100  110000    2020-02-05 self-built
 * 110200  110000    2020-02-10 provincial
 * 110300  110000    never
 * 320100  320000    2020-02-03 provincial
 * 320200  320000    2020-02-06 self-built (version 1: 2020-02-08)
 * 320300  320000    never
 * </pre>
 * The topic is shared by every test class of the JVM, so only this fixture writes to it, once.
 */
public final class PanelFixture {

    public static final LocalDate START = LocalDate.parse("2020-02-01");
    public static final int DAYS = 12;
    public static final LocalDate DATA_THROUGH = LocalDate.parse("2020-02-09");

    private static boolean published;

    private PanelFixture() {}

    public static synchronized void publishOnce(String bootstrapServers) {
        if (published) {
            return;
        }
        try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrapServers)) {
            List<PanelRow> first = new ArrayList<>();
            first.addAll(city("110100", "110000", 5, 1));
            first.addAll(city("110200", "110000", 10, 2));
            first.addAll(city("110300", "110000", 0, 0));
            int firstChunk = first.size();
            first.addAll(city("320100", "320000", 3, 2));
            first.addAll(city("320200", "320000", 8, 1));
            first.addAll(city("320300", "320000", 0, 0));
            int rows = first.size();
            PanelVersionCompleted one = new PanelVersionCompleted(
                    1, rows, 6, 4, DATA_THROUGH.minusDays(1), 100, rows, Instant.parse("2026-03-01T09:00:00Z"));
            send(
                    producer,
                    new PanelDelta(
                            1, "health-code/1/0", "health-code", one, 0, 2, first.subList(0, firstChunk), List.of()));
            send(
                    producer,
                    new PanelDelta(
                            1,
                            "health-code/1/1",
                            "health-code",
                            one,
                            1,
                            2,
                            first.subList(firstChunk, rows),
                            List.of()));

            PanelVersionCompleted two = new PanelVersionCompleted(
                    2, rows - 2, 6, 4, DATA_THROUGH, 1, 3, Instant.parse("2026-03-01T10:00:00Z"));
            send(
                    producer,
                    new PanelDelta(
                            1,
                            "health-code/2/0",
                            "health-code",
                            two,
                            0,
                            1,
                            List.of(row("320200", "320000", 6, 1)),
                            List.of(new PanelDelta.RowKey("320200", 7), new PanelDelta.RowKey("320200", 8))));
        }
        published = true;
    }

    /** The rows of one city (adoption day 0 = never adopts). */
    private static List<PanelRow> city(String cityId, String provinceId, int adoptionDay, int mode) {
        int last = adoptionDay == 0 ? DAYS : adoptionDay;
        List<PanelRow> rows = new ArrayList<>();
        for (int day = 1; day <= last; day++) {
            rows.add(row(cityId, provinceId, day, day == adoptionDay ? mode : 0));
        }
        return rows;
    }

    private static PanelRow row(String cityId, String provinceId, int day, int event) {
        List<Double> covariates = new ArrayList<>(Collections.nCopies(PanelRow.COVARIATES.size(), 1.0));
        return new PanelRow(cityId, provinceId, day, START.plusDays(day - 1), day - 1, day, event, covariates);
    }

    private static void send(KafkaProducer<String, String> producer, PanelDelta delta) {
        TestEvents.send(producer, Topics.PANEL_DELTAS, delta.study(), TestEvents.json(delta));
    }
}
