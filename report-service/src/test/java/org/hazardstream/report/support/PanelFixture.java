package org.hazardstream.report.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.hazardstream.core.panel.PanelRow;
import org.hazardstream.events.PanelEvent;
import org.hazardstream.events.PanelRowChanged;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.Topics;

/**
 * A small panel published to the panel topic as panel-service would: six cities in two provinces over a 12-day
 * window, in two versions. Version 2 corrects city 320200's adoption from day 8 to day 6 (row 6 gets the event,
 * rows 7 and 8 leave the risk set as tombstones).
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
 * The panel topic is shared by every test class of the JVM, so only this fixture writes to it, once.
 */
public final class PanelFixture {

    public static final LocalDate START = LocalDate.parse("2020-02-01");
    public static final int DAYS = 12;
    public static final LocalDate DATA_THROUGH = LocalDate.parse("2020-02-09");

    private static boolean published;

    private PanelFixture() {
    }

    public static synchronized void publishOnce(String bootstrapServers) {
        if (published) {
            return;
        }
        try (KafkaProducer<String, String> producer = TestEvents.producer(bootstrapServers)) {
            int rows = 0;
            rows += city(producer, "110100", "110000", 5, 1);
            rows += city(producer, "110200", "110000", 10, 2);
            rows += city(producer, "110300", "110000", 0, 0);
            rows += city(producer, "320100", "320000", 3, 2);
            rows += city(producer, "320200", "320000", 8, 1);
            rows += city(producer, "320300", "320000", 0, 0);
            marker(producer, new PanelVersionCompleted(1, rows, 6, 4, DATA_THROUGH.minusDays(1), 100, rows,
                    Instant.parse("2026-03-01T09:00:00Z")));

            TestEvents.send(producer, Topics.PANEL, PanelEvent.rowKey("320200", 6),
                    TestEvents.json(new PanelRowChanged(2, row("320200", "320000", 6, 1))));
            TestEvents.send(producer, Topics.PANEL, PanelEvent.rowKey("320200", 7), null);
            TestEvents.send(producer, Topics.PANEL, PanelEvent.rowKey("320200", 8), null);
            marker(producer, new PanelVersionCompleted(2, rows - 2, 6, 4, DATA_THROUGH, 1, 3,
                    Instant.parse("2026-03-01T10:00:00Z")));
        }
        published = true;
    }

    /** Publishes the rows of one city (adoption day 0 = never adopts) and returns how many. */
    private static int city(KafkaProducer<String, String> producer, String cityId, String provinceId, int adoptionDay, int mode) {
        int last = adoptionDay == 0 ? DAYS : adoptionDay;
        for (int day = 1; day <= last; day++) {
            int event = day == adoptionDay ? mode : 0;
            TestEvents.send(producer, Topics.PANEL, PanelEvent.rowKey(cityId, day),
                    TestEvents.json(new PanelRowChanged(1, row(cityId, provinceId, day, event))));
        }
        return last;
    }

    private static PanelRow row(String cityId, String provinceId, int day, int event) {
        List<Double> covariates = new ArrayList<>(Collections.nCopies(PanelRow.COVARIATES.size(), 1.0));
        return new PanelRow(cityId, provinceId, day, START.plusDays(day - 1), day - 1, day, event, covariates);
    }

    private static void marker(KafkaProducer<String, String> producer, PanelVersionCompleted marker) {
        TestEvents.send(producer, Topics.PANEL, PanelEvent.VERSION_KEY, TestEvents.json(marker));
    }
}
