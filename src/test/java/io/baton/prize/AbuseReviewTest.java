package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Anti-abuse as an operator meets it: a block-listed number wins nothing, a fast sender, a sink
 * recipient, a closed ring and a burst from one number range each have their wins held with the
 * rule and reason, an allow-listed number is never held; operators approve (the SMS goes out) or
 * reject (the prize goes back to stock), the audit log says who did what, a hold that ends
 * without a decision confirms, and a win not claimed in time is forfeited back to stock.
 */
@QuarkusTest
class AbuseReviewTest {

    static final String CAMPAIGN = "prize-abuse";
    static final byte[] IMAGE = EventFixtures.image(1620);
    static final String VELOCITY = "8615201000001";
    static final String ALLOWED = "8615202000001";
    static final String BLOCKED = "8615209900001";
    static final String SINK = "8615390000000";

    @Inject
    PrizeReviews reviews;

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, "10651620", IMAGE, "#prize-abuse#") + """
                prizes:
                  budget: 100000
                  tiers:
                    - {id: topup, name: "10 yuan", unitCost: 10, quantity: 1000}
                  instant:
                    - {tier: topup, pacing: none}
                  review: {holdHours: 48}
                  abuse:
                    block: ["861520990*"]
                    allow: ["%s"]
                    velocity:
                      perSender: {max: 5, per: PT1H}
                      perRecipient: {max: 3, per: P1D}
                    rings: {maxSize: 4, minForwards: 6}
                    bursts: {prefixDigits: 9, maxNewSenders: 4, per: PT1H}
                """.formatted(ALLOWED);
    }

    private int n;

    private void forward(List<Map<String, Object>> events, String sender, String recipient, String at) {
        String id = "ab-" + n++;
        events.add(submit("nj-1", id, sender, recipient, at, List.of(part("image/jpeg", IMAGE))));
        events.add(delivery("nj-1", id, recipient, "retrieved", at.replace(":00+08:00", ":30+08:00")));
    }

    private static String at(int day, int minute) {
        return String.format("2008-06-%02dT10:%02d:00+08:00", day, minute);
    }

    static List<Map<String, Object>> wins(String msisdn) {
        return Api.admin().queryParam("msisdn", msisdn).get("/api/v1/campaigns/" + CAMPAIGN + "/wins").then()
                .statusCode(200).extract().jsonPath().getList("wins");
    }

    static List<Map<String, Object>> reviewList(String state) {
        return Api.admin().queryParam("campaign", CAMPAIGN).queryParam("state", state).get("/api/v1/admin/reviews")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    static int given() {
        return RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().statusCode(200).extract().jsonPath()
                .getInt("tiers[0].given");
    }

    @Test
    void flaggedWinsWaitForAnOperator() {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        List<Map<String, Object>> events = new ArrayList<>();
        // a fast sender: 7 forwards within 7 minutes; the 6th and 7th are over 5 an hour
        for (int k = 0; k < 7; k++) {
            forward(events, VELOCITY, String.format("86153010%05d", k), at(1, k));
        }
        // the same pattern from an allow-listed number: never held
        for (int k = 0; k < 7; k++) {
            forward(events, ALLOWED, String.format("86153020%05d", k), at(2, k));
        }
        // a block-listed number: serials, but no prize
        forward(events, BLOCKED, "8615309900001", at(3, 0));
        forward(events, BLOCKED, "8615309900002", at(3, 1));
        // a sink: five senders (each in its own number range) forward to one recipient in a day
        for (int k = 0; k < 5; k++) {
            forward(events, String.format("86152%d6000001", k), SINK, at(4, k));
        }
        // a ring of four passing the torch among themselves, every pair both ways
        List<String> ring = List.of("8615203000001", "8615203000002", "8615203000003", "8615203000004");
        int minute = 0;
        for (String from : ring) {
            for (String to : ring) {
                if (!from.equals(to)) {
                    forward(events, from, to, at(5, minute++));
                }
            }
        }
        // a burst: six new senders from one range within an hour; the 5th and 6th are over 4
        for (int k = 0; k < 6; k++) {
            forward(events, String.format("86152040000%02d", k), String.format("86153040%05d", k), at(6, k));
        }
        // one forward at a time, as they happen: a rule judges a win by what was credited before it
        // (events processed out of order across partitions would see less of the pattern)
        for (int i = 0; i < events.size(); i += 2) {
            int forwards = i / 2 + 1;
            Api.postEvents(events.subList(i, i + 2)).statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(forwards));
        }

        assertThat(states(VELOCITY)).containsExactly("confirmed", "confirmed", "confirmed", "confirmed", "confirmed",
                "held", "held");
        assertThat(states(ALLOWED)).hasSize(7).containsOnly("confirmed");
        assertThat(wins(BLOCKED)).isEmpty();
        assertThat(Api.serials(CAMPAIGN, BLOCKED)).as("a blocked number still relays").hasSize(2);
        // the ring's last forward: a group of 4 with 12 forwards inside and none across its edge
        assertThat(states(ring.get(3))).last().isEqualTo("held");

        List<Map<String, Object>> pending = reviewList("pending");
        assertThat(pending).extracting(r -> r.get("rule")).containsOnly("velocity-sender", "velocity-recipient",
                "ring", "burst");
        assertThat(pending.stream().filter(r -> r.get("rule").equals("velocity-sender"))).hasSize(2)
                .allSatisfy(r -> assertThat((String) r.get("reason")).contains("more than 5"))
                .allSatisfy(r -> assertThat(r.get("msisdn")).isEqualTo("8615201****01"));
        assertThat(pending.stream().filter(r -> r.get("rule").equals("velocity-recipient"))).hasSize(2);
        assertThat(pending.stream().filter(r -> r.get("rule").equals("burst"))).hasSize(2)
                .allSatisfy(r -> assertThat((String) r.get("reason")).contains("starting 861520400"));
        assertThat(pending.stream().filter(r -> r.get("rule").equals("ring")))
                .allSatisfy(r -> assertThat((String) r.get("reason")).contains("a group of 4"));

        List<Map<String, Object>> decisions = Api.admin().queryParam("campaign", CAMPAIGN)
                .get("/api/v1/admin/abuse").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(decisions.stream().filter(d -> "blocked".equals(d.get("action")))).hasSize(2)
                .allSatisfy(d -> assertThat(d.get("rule")).isEqualTo("block"));
        assertThat(decisions.stream().filter(d -> "allowed".equals(d.get("action")))).hasSize(2)
                .allSatisfy(d -> assertThat((String) d.get("reason")).contains("overrides velocity-sender"));

        // a held win sends nothing until it is confirmed
        long prizeSms = prizeSms(VELOCITY);
        assertThat(prizeSms).isEqualTo(5);

        List<Map<String, Object>> fast = pending.stream().filter(r -> r.get("rule").equals("velocity-sender"))
                .toList();
        long approve = ((Number) fast.get(0).get("id")).longValue();
        long reject = ((Number) fast.get(1).get("id")).longValue();
        decide(reject, Map.of("decision", "maybe", "reason", "x")).statusCode(400);
        decide(reject, Map.of("decision", "reject")).statusCode(400);
        int before = given();
        decide(approve, Map.of("decision", "approve", "reason", "a school teacher sending to her class"))
                .statusCode(200).body("state", equalTo("approved")).body("winState", equalTo("confirmed"))
                .body("decidedBy", equalTo("admin"));
        decide(reject, Map.of("decision", "reject", "reason", "numbers bought in bulk")).statusCode(200)
                .body("state", equalTo("rejected")).body("winState", equalTo("rejected"));
        decide(reject, Map.of("decision", "approve", "reason", "changed my mind")).statusCode(409);
        assertThat(given()).as("the rejected prize is back in stock").isEqualTo(before - 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> prizeSms(VELOCITY) == 6);
        assertThat(states(VELOCITY)).containsExactlyInAnyOrder("confirmed", "confirmed", "confirmed", "confirmed",
                "confirmed", "confirmed", "rejected");
        assertThat(Api.admin().queryParam("campaign", CAMPAIGN).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("action")).containsExactly("review-reject", "review-approve");

        // the hold ends without a decision for the rest: confirmed by Baton
        int rest = reviewList("pending").size();
        assertThat(reviews.endHolds(CAMPAIGN, OffsetDateTime.now().plusHours(47))).isZero();
        assertThat(reviews.endHolds(CAMPAIGN, OffsetDateTime.now().plusHours(49))).isEqualTo(rest);
        assertThat(reviewList("pending")).isEmpty();
        assertThat(reviewList("approved")).hasSize(rest + 1)
                .filteredOn(r -> "baton".equals(r.get("decidedBy"))).hasSize(rest);

        // nobody claims: after the deadline every win is forfeited and its prize back in stock (the
        // wins confirmed when the hold ended may be claimed for 14 days from then)
        int confirmed = given();
        assertThat(reviews.forfeitUnclaimed(CAMPAIGN, OffsetDateTime.now().plusDays(15))).isEqualTo(confirmed - rest);
        assertThat(reviews.forfeitUnclaimed(CAMPAIGN, OffsetDateTime.now().plusDays(20))).isEqualTo(rest);
        assertThat(given()).isZero();
        assertThat(RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().extract().jsonPath()
                .getInt("spent")).isZero();
        assertThat(states(VELOCITY)).containsOnly("forfeited", "rejected");
    }

    private static List<Object> states(String msisdn) {
        return wins(msisdn).stream().sorted((a, b) -> ((String) a.get("serial")).compareTo((String) b.get("serial")))
                .map(w -> w.get("state")).toList();
    }

    private static long prizeSms(String msisdn) {
        return Api.allSms(msisdn).stream().filter(s -> "prize".equals(s.get("kind"))).count();
    }

    private static io.restassured.response.ValidatableResponse decide(long id, Map<String, String> body) {
        return Api.admin().contentType("application/json").body(body).post("/api/v1/admin/reviews/" + id).then();
    }
}
