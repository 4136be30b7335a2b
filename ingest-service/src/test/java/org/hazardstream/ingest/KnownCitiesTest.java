package org.hazardstream.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.KnownCityEvent;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.hazardstream.ingest.messaging.KnownCities;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How ingest knows the cities: from the known-cities topic it writes after raw-records acknowledged a cities post,
 * read whole at start and tailed; never from raw-records. "Restart" below is a fresh {@link KnownCities} on the same
 * broker, which is what a restarted replica has: nothing in memory, the topic from its beginning.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class KnownCitiesTest {

    private static final String TOKEN = "Bearer test-token";
    private static final String CITY_HEADER = "city_id,city_name,province_id,population,gdp_per_capita,gdp_growth_q1,"
            + "internet_service,internet_penetration,data_agency,leader_experience,platform_type\n";
    private static final String DAILY_HEADER =
            "city_id,date,salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports\n";

    @Inject
    KnownCities knownCities;

    private static String newCityId() {
        return "K" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void postCity(String cityId, String provinceId) {
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(CITY_HEADER + cityId + ",Test City," + provinceId + ",8000000,1.5,-2.5,0.3,0.6,2,1,3\n")
                .when()
                .post("/api/v1/streams/cities")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
    }

    private static int postDaily(String cityId) {
        return given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(DAILY_HEADER + cityId + ",2020-02-01,0.5,1.2,300,10,4\n")
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .extract()
                .statusCode();
    }

    private static KnownCities restarted() {
        KnownCities fresh = new KnownCities(TopicReader.bootstrapServers());
        fresh.start();
        return fresh;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void anAcceptedCitiesPostIsPublishedAsKnownCitiesInTheGoldenShape() throws Exception {
        String city = newCityId();
        postCity(city, "420000");

        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Topics.KNOWN_CITIES, city::equals);
        assertThat(records).hasSize(1);
        KnownCityEvent event = EventJson.read(records.get(0).value(), KnownCityEvent.class);
        assertThat(event).isEqualTo(new KnownCityEvent(KnownCityEvent.SCHEMA_VERSION, event.eventId(), city, "420000"));
        assertThat(event.eventId()).isNotBlank();
        // Same fields in the same order as the committed sample that consumers are tested against.
        JsonNode golden = EventJson.mapper().readTree(GoldenSamples.read(GoldenSamples.KNOWN_CITY));
        JsonNode written = EventJson.mapper().readTree(records.get(0).value());
        assertThat(fieldNames(written)).isEqualTo(fieldNames(golden));
        assertThat(written.get("schemaVersion")).isEqualTo(golden.get("schemaVersion"));
    }

    @Test
    void theGoldenSampleWrittenByAnotherReplicaIsLearnedByTheTail() {
        String golden = GoldenSamples.read(GoldenSamples.KNOWN_CITY);
        KnownCityEvent event = EventJson.read(golden, KnownCityEvent.class);

        TopicReader.write(Topics.KNOWN_CITIES, List.of(Map.entry(event.topicKey(), golden)));

        await().atMost(Duration.ofSeconds(10)).until(() -> knownCities.contains(event.cityId()));
        assertThat(postDaily(event.cityId())).isEqualTo(202);
    }

    @Test
    void aCityAnotherReplicaPublishedJustBeforeIsKnownOnTheFirstPost() {
        // The other replica answered 202 once this record was acknowledged; the next post must not get a 400,
        // however far behind the tail is: a miss reads the topic to its end before refusing.
        String city = newCityId();
        TopicReader.write(
                Topics.KNOWN_CITIES,
                List.of(Map.entry(
                        city,
                        EventJson.write(KnownCityEvent.of(UUID.randomUUID().toString(), city, "420000")))));

        assertThat(postDaily(city)).isEqualTo(202);
    }

    @Test
    void aCityPostedBeforeARestartIsStillKnownAfterIt() {
        String city = newCityId();
        postCity(city, "420000");
        assertThat(postDaily(city)).isEqualTo(202);

        KnownCities afterRestart = restarted();
        try {
            assertThat(afterRestart.contains(city)).isTrue();
            assertThat(afterRestart.contains(newCityId())).isFalse();
        } finally {
            afterRestart.close();
        }
    }

    @Test
    void theRawRecordsTopicIsNeverRead() {
        // Many raw records that are not cities, as a county-scale study would have.
        String city = newCityId();
        List<Map.Entry<String, String>> daily = new ArrayList<>();
        for (int day = 0; day < 5000; day++) {
            String key = city + "|day" + day;
            daily.add(Map.entry(
                    RawRecordEvent.topicKey("daily", key),
                    EventJson.write(new RawRecordEvent(
                            UUID.randomUUID().toString(), "daily", key, Map.of("city_id", city), "b", Instant.now()))));
        }
        TopicReader.write(Topics.RAW_RECORDS, daily);
        long knownCityRecords = TopicReader.endOffsetSum(Topics.KNOWN_CITIES);
        assertThat(TopicReader.endOffsetSum(Topics.RAW_RECORDS)).isGreaterThan(knownCityRecords + 4000);

        KnownCities afterRestart = restarted();
        try {
            assertThat(afterRestart.assignment())
                    .extracting(TopicPartition::topic)
                    .containsOnly(Topics.KNOWN_CITIES);
            assertThat(afterRestart.recordsRead()).isLessThanOrEqualTo(knownCityRecords);
            assertThat(afterRestart.contains(city)).isFalse();
        } finally {
            afterRestart.close();
        }
        // The running application's reader too, after a miss made it catch up.
        assertThat(postDaily(city)).isEqualTo(400);
        assertThat(knownCities.assignment()).extracting(TopicPartition::topic).containsOnly(Topics.KNOWN_CITIES);
    }
}
