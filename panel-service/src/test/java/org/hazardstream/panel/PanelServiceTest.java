package org.hazardstream.panel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hazardstream.events.DeadLetter;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.infra.test.PostgresTestResource;
import org.hazardstream.panel.messaging.OutboxRelay;
import org.hazardstream.panel.service.BatchOutcome;
import org.hazardstream.panel.service.PanelProcessor;
import org.hazardstream.study.panel.Panel;
import org.hazardstream.study.panel.PanelRow;
import org.hazardstream.study.panel.RawRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * panel-service on a real broker and a real PostgreSQL. The oracle of every test is hazard-core's offline builder on
 * all records this JVM sent (tests share one application, so the panel holds every test's data).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PanelServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    PanelProcessor processor;

    @Inject
    OutboxRelay relay;

    private static String servedPanel() {
        return given().when()
                .get("/api/v1/panel")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private void awaitPanelEqualsOfflineBuilder() {
        String[] last = new String[2];
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = servedPanel();
                last[1] = KafkaFixture.expectedPanelCsv(processor.settings());
                return last[0].equals(last[1]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertThat(last[0]).as("served panel vs offline builder").isEqualTo(last[1]);
        }
    }

    @Test
    void aStreamedDataSetGivesTheOfflineBuildersPanel() {
        long appliedBefore = given().when()
                .get("/api/v1/panel/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("recordsApplied");
        List<RawRecord> records = new RawDataGenerator(11, "A").generate(20, 4);
        KafkaFixture.send(records);
        awaitPanelEqualsOfflineBuilder();

        Panel expected = new org.hazardstream.study.panel.PanelBuilder()
                .build(KafkaFixture.expectedRawData(), processor.settings());
        JsonPath status = given().when()
                .get("/api/v1/panel/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getLong("panelVersion")).isPositive();
        assertThat(status.getInt("rows")).isEqualTo(expected.rows().size()).isPositive();
        assertThat(status.getInt("cities")).isEqualTo(expected.cities());
        assertThat(status.getInt("events")).isEqualTo(expected.events());
        assertThat(status.getString("dataThrough")).isEqualTo("2020-03-31");
        assertThat(status.getLong("recordsApplied")).isEqualTo(appliedBefore + records.size());
    }

    @Test
    void anyArrivalOrderWithCorrectionsAndRedeliveriesGivesTheSamePanel() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            RawDataGenerator generator = new RawDataGenerator(seed, "R" + seed + "-");
            List<RawRecord> records = new ArrayList<>(generator.generate(12, 3));
            List<RawRecord> corrections = new ArrayList<>();
            for (RawRecord r : records) {
                if (random.nextDouble() < 0.25) {
                    corrections.add(generator.correct(r));
                }
            }
            records.addAll(corrections);
            Collections.shuffle(records, random);
            // Several sends, so the service sees several batches with records of all streams mixed.
            int chunk = 1 + records.size() / 4;
            for (int from = 0; from < records.size(); from += chunk) {
                KafkaFixture.send(records.subList(from, Math.min(records.size(), from + chunk)));
            }
            awaitPanelEqualsOfflineBuilder();
        }

        // Redelivery: every message of raw-records again, as after a crash before the offset commit.
        String before = servedPanel();
        long version = processor.snapshot().version();
        List<ConsumerRecord<String, String>> all = KafkaFixture.readAll(Topics.RAW_RECORDS).stream()
                .filter(r -> r.value() != null && r.value().startsWith("{\"eventId\""))
                .toList();
        BatchOutcome outcome = processor.apply(all);
        assertThat(outcome.applied()).isZero();
        assertThat(outcome.duplicates() + outcome.deadLetters()).isEqualTo(all.size());
        assertThat(outcome.duplicates()).isPositive();
        assertThat(processor.snapshot().version()).isEqualTo(version);
        assertThat(servedPanel()).isEqualTo(before);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        List<RawRecord> data = new RawDataGenerator(21, "D").generate(3, 1);
        KafkaFixture.sendPoison("daily|D-x|2020-02-01", "this is not json");
        KafkaFixture.sendPoison(
                "daily|D0000|2020-02-31",
                "{\"eventId\":\"e1\",\"stream\":\"daily\",\"key\":\"D0000|2020-02-31\","
                        + "\"fields\":{\"city_id\":\"D0000\",\"date\":\"2020-02-31\"},\"batchId\":\"b\",\"receivedAt\":null}");
        KafkaFixture.sendPoison("weather|x", "{\"eventId\":\"e2\",\"stream\":\"weather\",\"key\":\"x\",\"fields\":{}}");
        // The golden raw record (a daily record of a city this panel does not have) is applied, not set aside.
        RawRecordEvent golden = EventJson.read(GoldenSamples.read(GoldenSamples.RAW_RECORD), RawRecordEvent.class);
        KafkaFixture.sendAsWritten(GoldenSamples.read(GoldenSamples.RAW_RECORD));
        KafkaFixture.send(data);
        awaitPanelEqualsOfflineBuilder();

        await().atMost(PATIENCE)
                .until(() -> KafkaFixture.readAll(Topics.RAW_RECORDS_DLQ).size() >= 3);
        List<DeadLetter> letters = KafkaFixture.readAll(Topics.RAW_RECORDS_DLQ).stream()
                .map(r -> EventJson.read(r.value(), DeadLetter.class))
                .toList();
        assertThat(letters).anySatisfy(l -> {
            assertThat(l.key()).isEqualTo("daily|D-x|2020-02-01");
            assertThat(l.value()).isEqualTo("this is not json");
            assertThat(l.reason()).contains("not a RawRecordEvent");
        });
        assertThat(letters).anySatisfy(l -> {
            assertThat(l.key()).isEqualTo("daily|D0000|2020-02-31");
            assertThat(l.reason()).contains("date");
            assertThat(l.topic()).isEqualTo(Topics.RAW_RECORDS);
        });
        assertThat(letters).anySatisfy(l -> assertThat(l.reason()).contains("unknown stream 'weather'"));
        assertThat(letters).noneSatisfy(l -> assertThat(l.key()).isEqualTo(golden.topicKey()));
        String sample = GoldenSamples.read(GoldenSamples.DEAD_LETTER);
        assertThat(KafkaFixture.readAll(Topics.RAW_RECORDS_DLQ))
                .allSatisfy(r -> assertThat(GoldenSamples.sameShape(r.value(), sample))
                        .as("dead letter shape: " + r.value())
                        .isTrue());
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("panel_dead_letters_total"));
    }

    @Test
    void thePanelDeltasTopicReplaysToTheServedPanel() {
        KafkaFixture.send(new RawDataGenerator(31, "K").generate(6, 2));
        awaitPanelEqualsOfflineBuilder();
        await().atMost(PATIENCE).until(() -> relay.pending() == 0);
        assertPanelTopicReplaysToServedPanel();
    }

    @Test
    void aCrashBetweenCommitAndSendOrBeforeTheOffsetCommitLosesNothing() {
        KafkaFixture.send(new RawDataGenerator(41, "S").generate(5, 2));
        awaitPanelEqualsOfflineBuilder();
        await().atMost(PATIENCE).until(() -> relay.pending() == 0);

        // "Crash" after the database commit, before the panel messages are sent: they stay in the outbox.
        relay.suspend();
        try {
            long before = processor.snapshot().version();
            List<RawRecord> more = new ArrayList<>(new RawDataGenerator(42, "S2-").generate(5, 2));
            KafkaFixture.send(more.subList(0, more.size() / 2));
            KafkaFixture.send(more.subList(more.size() / 2, more.size()));
            awaitPanelEqualsOfflineBuilder();
            assertThat(processor.snapshot().version()).isGreaterThan(before);
            assertThat(relay.pending()).isPositive();
            assertThat(lastMarker().panelVersion())
                    .isLessThan(processor.snapshot().version());

            // "Restart": the in-memory state is rebuilt from the database, then every record is redelivered.
            processor.reload();
            assertThat(servedPanel()).isEqualTo(KafkaFixture.expectedPanelCsv(processor.settings()));
            List<ConsumerRecord<String, String>> all = KafkaFixture.readAll(Topics.RAW_RECORDS).stream()
                    .filter(r -> r.value() != null
                            && r.value().startsWith("{\"eventId\"")
                            && !r.key().startsWith("weather"))
                    .toList();
            BatchOutcome redelivered = processor.apply(all);
            assertThat(redelivered.applied()).isZero();
            assertThat(redelivered.rowsChanged()).isZero();
        } finally {
            relay.resume();
        }
        // The relay sends what the crash left behind; the topic again replays to the served panel.
        await().atMost(PATIENCE).until(() -> relay.pending() == 0);
        assertPanelTopicReplaysToServedPanel();
    }

    /** The newest version whose every chunk is on the topic. */
    private static PanelVersionCompleted lastMarker() {
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        PanelVersionCompleted last = null;
        for (ConsumerRecord<String, String> m : KafkaFixture.readAll(Topics.PANEL_DELTAS)) {
            var complete = assembler.accept(EventJson.read(m.value(), PanelDelta.class));
            if (complete.isPresent()) {
                last = complete.get().version();
            }
        }
        return last;
    }

    /**
     * Replays the panel-deltas topic as model-service does: the rows after the last complete version must be the
     * served panel; versions follow each other one by one, every message is keyed by the study, under the broker's
     * message limit, and each version's totals match the rows.
     */
    private void assertPanelTopicReplaysToServedPanel() {
        TreeMap<String, PanelRow> rows = new TreeMap<>();
        PanelDeltaAssembler assembler = new PanelDeltaAssembler();
        PanelVersionCompleted last = null;
        for (ConsumerRecord<String, String> m : KafkaFixture.readAll(Topics.PANEL_DELTAS)) {
            assertThat(m.key()).isEqualTo("health-code");
            assertThat(m.serializedValueSize()).isLessThan(1 << 20);
            assertThat(GoldenSamples.sameShape(m.value(), GoldenSamples.read(GoldenSamples.PANEL_DELTA)))
                    .as("shape of the golden sample: %s", m.value())
                    .isTrue();
            PanelDelta chunk = EventJson.read(m.value(), PanelDelta.class);
            assertThat(chunk.eventId())
                    .isEqualTo(PanelDelta.eventId("health-code", chunk.version().panelVersion(), chunk.chunk()));
            var complete = assembler.accept(chunk);
            if (complete.isEmpty()) {
                continue;
            }
            PanelVersionCompleted version = complete.get().version();
            if (last != null) {
                assertThat(version.panelVersion()).isEqualTo(last.panelVersion() + 1);
            }
            complete.get().removed().forEach(k -> rows.remove(k.cityId() + "|" + k.day()));
            complete.get().rows().forEach(r -> rows.put(r.cityId() + "|" + r.day(), r));
            assertThat(version.rows()).isEqualTo(rows.size());
            assertThat(version.rowsChanged())
                    .isEqualTo(complete.get().rows().size()
                            + complete.get().removed().size());
            last = version;
        }
        assertThat(last).isNotNull();
        assertThat(last.panelVersion()).isEqualTo(processor.snapshot().version());
        assertThat(new Panel(new ArrayList<>(rows.values()), List.of()).toCsv()).isEqualTo(servedPanel());
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("panel_records_applied_total"))
                .body(org.hamcrest.Matchers.containsString("panel_versions_total"))
                .body(org.hamcrest.Matchers.containsString("panel_rows_changed_total"))
                .body(org.hamcrest.Matchers.containsString("panel_consumer_lag"))
                .body(org.hamcrest.Matchers.containsString("panel_outbox_pending"));
    }
}
