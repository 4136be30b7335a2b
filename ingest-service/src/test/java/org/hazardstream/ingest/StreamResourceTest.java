package org.hazardstream.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.GoldenSamples;
import org.hazardstream.events.RawRecordEvent;
import org.hazardstream.events.Topics;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class StreamResourceTest {

    private static final String TOKEN = "Bearer test-token";
    private static final String CITY_HEADER = "city_id,city_name,province_id,population,gdp_per_capita,gdp_growth_q1,"
            + "internet_service,internet_penetration,data_agency,leader_experience,platform_type\n";
    private static final String DAILY_HEADER =
            "city_id,date,salience,intra_city_travel,inbound_migration,cumulative_cases,media_reports\n";

    /** A city id no other test uses, so records read back from the shared topic are this test's own. */
    private static String newCityId() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String cityRow(String cityId) {
        return cityId + ",Test City,420000,8000000,1.5,-2.5,0.3,0.6,2,1,3\n";
    }

    private static void postCities(String... cityIds) {
        StringBuilder csv = new StringBuilder(CITY_HEADER);
        for (String id : cityIds) {
            csv.append(cityRow(id));
        }
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(csv.toString())
                .when()
                .post("/api/v1/streams/cities")
                .then()
                .statusCode(202)
                .body("stream", equalTo("cities"))
                .body("accepted", equalTo(cityIds.length));
    }

    private static List<RawRecordEvent> published(String cityId) {
        return TopicReader.readAll(Topics.RAW_RECORDS, key -> key.contains(cityId)).stream()
                .map(r -> {
                    RawRecordEvent e = EventJson.read(r.value(), RawRecordEvent.class);
                    assertThat(r.key()).isEqualTo(e.topicKey());
                    return e;
                })
                .toList();
    }

    @Test
    void theLiveStudysStreamsAlsoTakeDataUnderItsPathAndOtherStudiesDoNot() {
        String city = newCityId();
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(CITY_HEADER + cityRow(city))
                .when()
                .post("/api/v1/studies/health-code/streams/cities")
                .then()
                .statusCode(202)
                .body("stream", equalTo("cities"))
                .body("accepted", equalTo(1));
        assertThat(published(city)).hasSize(1);
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(CITY_HEADER + cityRow(newCityId()))
                .when()
                .post("/api/v1/studies/stay-at-home/streams/cities")
                .then()
                .statusCode(404)
                .body("error", org.hamcrest.Matchers.containsString("study 'stay-at-home' does not stream here"));
    }

    @Test
    void validCsvIsPublishedWithItsKeys() {
        String city = newCityId();
        postCities(city);
        String daily = DAILY_HEADER + city + ",2020-02-01,0.5,1.2,300,10,4\n" + city + ",2020-02-02,,1.3,310,12,\n";
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(daily)
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .statusCode(202)
                .body("stream", equalTo("daily"))
                .body("accepted", equalTo(2));

        List<ConsumerRecord<String, String>> records =
                TopicReader.readAll(Topics.RAW_RECORDS, key -> key.contains(city));
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(
                        "cities|" + city, "daily|" + city + "|2020-02-01", "daily|" + city + "|2020-02-02");
        List<RawRecordEvent> events = published(city);
        RawRecordEvent second = events.stream()
                .filter(e -> e.key().endsWith("2020-02-02"))
                .findFirst()
                .orElseThrow();
        assertThat(second.stream()).isEqualTo("daily");
        assertThat(second.fields()).containsEntry("salience", "").containsEntry("cumulative_cases", "12");
        RawRecordEvent first = events.stream()
                .filter(e -> e.key().endsWith("2020-02-01"))
                .findFirst()
                .orElseThrow();
        assertThat(first.batchId()).isEqualTo(second.batchId());
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        String golden = GoldenSamples.read(GoldenSamples.RAW_RECORD);
        assertThat(records)
                .allSatisfy(r -> assertThat(GoldenSamples.sameShape(r.value(), golden, "/fields"))
                        .as("a raw record has the golden sample's shape: " + r.value())
                        .isTrue());
    }

    @Test
    void validJsonIsPublishedWithItsKeys() {
        String city = newCityId();
        postCities(city);
        String json = "[{\"city_id\":\"" + city + "\",\"date\":\"2020-02-05\",\"mode\":2}]";
        given().header("Authorization", TOKEN)
                .contentType("application/json")
                .body(json)
                .when()
                .post("/api/v1/streams/adoptions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));

        List<RawRecordEvent> adoptions = published(city).stream()
                .filter(e -> e.stream().equals("adoptions"))
                .toList();
        assertThat(adoptions).hasSize(1);
        assertThat(adoptions.get(0).topicKey()).isEqualTo("adoptions|" + city);
        assertThat(adoptions.get(0).fields())
                .containsEntry("date", "2020-02-05")
                .containsEntry("mode", "2");
    }

    @Test
    void anInvalidRowRefusesTheWholeBody() {
        String city = newCityId();
        postCities(city);
        String daily = DAILY_HEADER
                + city + ",2020-02-01,0.5,1.2,300,10,4\n"
                + city + ",2020-02-31,0.5,1.2,300,10,4\n"
                + city + ",2020-02-03,0.5,1.2,300,-1,4\n";
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(daily)
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .statusCode(400)
                .body("errors.size()", equalTo(2))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("date"))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].column", equalTo("cumulative_cases"));

        assertThat(published(city)).extracting(RawRecordEvent::stream).containsExactly("cities");
    }

    @Test
    void duplicateAndUnknownColumnsAreRefused() {
        String city = newCityId();
        postCities(city);
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body("date,central_policy,central_policy\n2020-02-01,1,1\n")
                .when()
                .post("/api/v1/streams/national")
                .then()
                .statusCode(400)
                .body("errors[0].row", equalTo(0))
                .body("errors[0].column", equalTo("central_policy"));
        given().header("Authorization", TOKEN)
                .contentType("application/json")
                .body("[{\"province_id\":\"420000\",\"platform_launch_date\":\"\",\"colour\":\"red\"}]")
                .when()
                .post("/api/v1/streams/provinces")
                .then()
                .statusCode(400)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("colour"));
    }

    @Test
    void aDailyOrAdoptionOfAnUnknownCityIsRefused() {
        String known = newCityId();
        String unknown = newCityId();
        postCities(known);
        String daily =
                DAILY_HEADER + known + ",2020-02-01,0.5,1.2,300,10,4\n" + unknown + ",2020-02-01,0.5,1.2,300,10,4\n";
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(daily)
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("city_id"));
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body("city_id,date,mode\n" + unknown + ",2020-02-09,1\n")
                .when()
                .post("/api/v1/streams/adoptions")
                .then()
                .statusCode(400)
                .body("errors[0].column", equalTo("city_id"));
        assertThat(published(unknown)).isEmpty();
        assertThat(published(known)).extracting(RawRecordEvent::stream).containsExactly("cities");

        // Once the city is posted, the same body is accepted.
        postCities(unknown);
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(daily)
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2));
    }

    @Test
    void writesWithoutTheRightTokenAreUnauthorizedAndPublishNothing() {
        String city = newCityId();
        given().contentType("text/csv")
                .body(CITY_HEADER + cityRow(city))
                .when()
                .post("/api/v1/streams/cities")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer wrong")
                .contentType("text/csv")
                .body(CITY_HEADER + cityRow(city))
                .when()
                .post("/api/v1/streams/cities")
                .then()
                .statusCode(401);
        assertThat(published(city)).isEmpty();
    }

    @Test
    void anUnknownStreamIsNotFound() {
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body("a,b\n1,2\n")
                .when()
                .post("/api/v1/streams/weather")
                .then()
                .statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        // %test limit is 256K (application.properties); this body is about 400 KB of valid-looking rows.
        String city = newCityId();
        StringBuilder body = new StringBuilder(DAILY_HEADER);
        while (body.length() < 400 * 1024) {
            body.append(city).append(",2020-02-01,0.5,1.2,300,10,4\n");
        }
        given().header("Authorization", TOKEN)
                .contentType("text/csv")
                .body(body.toString())
                .when()
                .post("/api/v1/streams/daily")
                .then()
                .statusCode(413);
        assertThat(published(city)).isEmpty();
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ingest_records_accepted"));
    }
}
