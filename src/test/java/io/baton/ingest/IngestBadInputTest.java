package io.baton.ingest;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input over HTTP gets the documented error, and good events beside it are still accepted. */
@QuarkusTest
class IngestBadInputTest {

    static final String CAMPAIGN = "bad-input";
    static final byte[] IMAGE = EventFixtures.image(7001);

    @BeforeEach
    void campaign() {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10650701", IMAGE, "#badinput#"))
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    @Test
    void refusesBodyThatIsNotJsonWithProblemJson() {
        given().header("Authorization", "Bearer " + Api.TOKEN).contentType("application/json")
                .body("[{\"type\":\"submit\", ").post("/api/v1/mmsc/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://baton.dev/problems/malformed-body"))
                .body("detail", containsString("not valid JSON"))
                .body("instance", startsWith("urn:baton:request:"));
        given().header("Authorization", "Bearer " + Api.TOKEN).contentType("application/json")
                .body("42").post("/api/v1/mmsc/events").then().statusCode(400);
    }

    @Test
    void refusesMissingOrWrongToken() {
        given().contentType("application/json").body("[]").post("/api/v1/mmsc/events").then()
                .statusCode(401).contentType("application/problem+json");
        Api.postEvents("not-a-token", List.of()).statusCode(401)
                .body("type", equalTo("https://baton.dev/problems/unauthenticated"));
    }

    @Test
    void refusesBatchOverTheLimitWhole() {
        List<Map<String, Object>> huge = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            huge.add(delivery("nj-1", "huge-" + i, "8615000000001", "retrieved", "2008-03-01T10:00:00+08:00"));
        }
        Api.postEvents(huge).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10000"));
    }

    @Test
    void acceptsGoodEventsBesideBadOnesWithAnErrorPerIndex() {
        String sender = "8615000000101";
        String recipient = "8615100000102";
        List<Object> batch = new ArrayList<>();
        batch.add(submit("nj-1", "bad-1", sender, recipient, "2008-03-01T10:00:00+08:00",
                List.of(part("image/jpeg", IMAGE))));                                       // 0 good
        Map<String, Object> wrongType = new HashMap<>(delivery("nj-1", "x", recipient, "retrieved",
                "2008-03-01T10:00:00+08:00"));
        wrongType.put("messageId", 12345);
        batch.add(wrongType);                                                                  // 1
        batch.add(delivery("nj-1", "bad-2", "abc-not-a-number", "retrieved", "2008-03-01T10:00:00+08:00")); // 2
        batch.add(delivery("nj-1", "bad-3", recipient, "delivered-ish", "2008-03-01T10:00:00+08:00"));   // 3
        Map<String, Object> unknownType = new HashMap<>(delivery("nj-1", "bad-4", recipient, "retrieved",
                "2008-03-01T10:00:00+08:00"));
        unknownType.put("type", "read-report");
        batch.add(unknownType);                                                                // 4
        batch.add("just a string");                                                            // 5
        batch.add(delivery("nj-1", "bad-5", recipient, "retrieved", "yesterday"));             // 6
        batch.add(delivery("sz-2", "bad-1", recipient, "retrieved", "2008-03-01T10:00:05+08:00")); // 7 good
        given().header("Authorization", "Bearer " + Api.TOKEN).contentType("application/json").body(batch)
                .post("/api/v1/mmsc/events").then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", hasSize(6))
                .body("rejected.index", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5, 6))
                .body("rejected[0].error", containsString("messageId"))
                .body("rejected[1].error", containsString("to: not an MSISDN"))
                .body("rejected[2].error", containsString("status"))
                .body("rejected[3].error", containsString("type"))
                .body("rejected[4].error", containsString("object"))
                .body("rejected[5].error", containsString("at:"));
        // the good pair was durably accepted and credited
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Api.serials(CAMPAIGN, sender)).hasSize(1));
    }

    @Test
    void acceptsNdjsonWithBrokenLinesRefusedAtTheirIndex() {
        String body = "{\"type\":\"delivery\",\"messageId\":\"nd-1\",\"to\":\"8615000000201\",\"status\":\"retrieved\","
                + "\"at\":\"2008-03-01T10:00:00+08:00\"}\n"
                + "{\"type\":\"delivery\", broken\n"
                + "\n"
                + "{\"type\":\"delivery\",\"messageId\":\"nd-2\",\"to\":\"+86 150 0000 0202\",\"status\":\"expired\","
                + "\"at\":\"2008-03-01T10:00:00+08:00\"}\n";
        given().header("Authorization", "Bearer " + Api.TOKEN).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/mmsc/events").then()
                .statusCode(202).body("accepted", equalTo(2)).body("rejected[0].index", equalTo(1));
    }

    @Test
    void refusesUnknownCampaignAndBadParametersOnReads() {
        given().get("/api/v1/campaigns/no-such-campaign/stats").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/campaigns/no-such-campaign").then().statusCode(404);
        given().queryParam("by", "planet").get("/api/v1/campaigns/" + CAMPAIGN + "/leaderboard").then()
                .statusCode(400);
        Api.admin().queryParam("to", "not-a-number").get("/api/v1/admin/sms").then().statusCode(400)
                .body("detail", containsString("not an MSISDN"));
    }

    @Test
    void guardsAdminCallsWithBasicAuthAndRoles() {
        given().queryParam("to", "8615000000101").get("/api/v1/admin/sms").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "wrong").queryParam("to", "8615000000101")
                .get("/api/v1/admin/sms").then().statusCode(401);
        Api.viewer().queryParam("to", "8615000000101").get("/api/v1/admin/sms").then().statusCode(200);
        Api.viewer().contentType("application/yaml").body("id: x").put("/api/v1/campaigns/x").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void moWithBadSenderIsRefusedButAnyTextIsAccepted() {
        Api.mo("hello", "10650701", "2008", "2008-03-01T10:00:00+08:00").statusCode(400);
        Api.mo("8615000000301", "10650701", "\u0000\uFFFF garbage", "2008-03-01T10:00:00+08:00").statusCode(202)
                .body("outcome", equalTo("help_sent"));
        Api.mo("8615000000301", "10650701", "2008", "+10000-03-01T10:00:00+08:00").statusCode(400)
                .body("detail", equalTo("at: outside the years Baton stores (1970 to 9999)"));
    }
}
