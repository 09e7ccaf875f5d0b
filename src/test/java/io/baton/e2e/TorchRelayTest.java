package io.baton.e2e;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.baton.support.EventFixtures.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.serial.domain.SerialNumber;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reference campaign end to end through HTTP: a seed asked for by keyword, forwards in three
 * cities, deliveries out of order and from another MMSC, a handset re-send, a re-posted batch,
 * a self-send and failed deliveries → exact stats, serials, notices and leaderboard.
 */
@QuarkusTest
class TorchRelayTest {

    static final String CAMPAIGN = "olympic-torch-2008";
    static final String A = "8613905000001"; // Nanjing
    static final String B = "8613906000002"; // Suzhou
    static final String C = "8613907000003"; // Wuxi
    static final String D = "8613705000004"; // Nanjing (second prefix)
    static final String G = "8613909000006"; // Zhenjiang
    static final String E = "8613908000005"; // Changzhou

    @Test
    void relaysTheTorchAndCreditsExactlyTheSuccessfulForwards() throws IOException {
        byte[] torch = Files.readAllBytes(Path.of("campaigns/torch.jpg"));
        String seedText = "奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。#火炬接力2008#";
        List<Map<String, Object>> seed = List.of(part("image/jpeg", torch), text(seedText));

        // a subscriber asks for the seed by keyword (twice the same day: one seed)
        Api.mo("+86 139 0500 0009", "10658000", "2008", "2008-01-11T09:00:00+08:00").statusCode(202)
                .body("outcome", equalTo("seed_queued"));
        Api.mo("8613905000009", "10658000", " 2008 ", "2008-01-11T18:00:00+08:00").statusCode(202)
                .body("outcome", equalTo("seed_already_sent_today"));
        Api.mo("8613905000009", "10658000", "hello?", "2008-01-11T18:00:00+08:00").statusCode(202)
                .body("outcome", equalTo("help_sent"));

        // the delivery report of A→B arrives first, from another MMSC with its own token
        Api.postEvents(Api.OTHER_MMSC_TOKEN, List.of(
                delivery("sz-2", "m-1", B, "retrieved", "2008-01-12T12:00:07+08:00")))
                .statusCode(202).body("accepted", equalTo(1));

        // The relay is posted hop by hop, each hop once the one before it is credited: relay depth is
        // computed when a forward is credited (README, "Relay depth"), so only a causal order gives
        // fixed depths. Inside each hop, submits and deliveries still arrive in any order.
        List<Map<String, Object>> hopAB = List.of(
                submit("nj-1", "m-1", "tel:+8613905000001", B, "2008-01-12T12:00:00+08:00", seed),
                // the handset re-sends A→B with a new message id
                submit("nj-1", "m-4", A, B, "2008-01-12T12:03:00+08:00", seed),
                delivery("sz-2", "m-4", B, "retrieved", "2008-01-12T12:03:07+08:00"),
                // self-send
                submit("nj-1", "m-5", A, A, "2008-01-12T15:00:00+08:00", seed),
                delivery("nj-1", "m-5", A, "retrieved", "2008-01-12T15:00:03+08:00"),
                // failed delivery
                submit("nj-1", "m-6", A, E, "2008-01-12T16:00:00+08:00", seed),
                delivery("cz-1", "m-6", E, "rejected", "2008-01-12T16:00:30+08:00"),
                // an unrelated MMS
                submit("nj-1", "m-9", A, C, "2008-01-13T10:00:00+08:00",
                        List.of(part("image/jpeg", EventFixtures.image(99)))),
                delivery("wx-1", "m-9", C, "retrieved", "2008-01-13T10:00:10+08:00"));
        List<Map<String, Object>> hopBC = List.of(
                submit("sz-2", "m-2", B, C, "2008-01-12T13:00:00+08:00", seed),
                delivery("wx-1", "m-2", C, "deferred", "2008-01-12T13:00:05+08:00"),
                delivery("wx-1", "m-2", C, "retrieved", "2008-01-12T13:10:00+08:00"));
        // C forwards the image only, with a new subject
        List<Map<String, Object>> hopCD = List.of(
                submit("wx-1", "m-3", C, D, "2008-01-12T14:00:00+08:00", List.of(part("image/jpeg", torch))),
                delivery("nj-1", "m-3", D, "retrieved", "2008-01-12T14:00:09+08:00"));
        // D passes on a text that still carries the tag, without the image
        List<Map<String, Object>> hopDG = List.of(
                submit("nj-1", "m-8", D, G, "2008-01-13T09:00:00+08:00", List.of(text("我朋友说：" + seedText))),
                delivery("zj-1", "m-8", G, "retrieved", "2008-01-13T09:01:00+08:00"));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (var hop : List.of(Map.entry(A, hopAB), Map.entry(B, hopBC), Map.entry(C, hopCD), Map.entry(D, hopDG))) {
            Api.postEvents(hop.getValue()).statusCode(202).body("accepted", equalTo(hop.getValue().size()));
            await().atMost(Duration.ofSeconds(30)).until(() -> !Api.serials(CAMPAIGN, hop.getKey()).isEmpty());
            batch.addAll(hop.getValue());
        }
        Api.postEvents(batch).statusCode(202).body("accepted", equalTo(batch.size())); // re-posted

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("forwards", 4)
                .containsEntry("participants", 4)
                .containsEntry("forwardsPerParticipant", 1.0f)
                .containsEntry("seedsSent", 1)
                .containsEntry("submitsRecognised", 7)
                .containsEntry("duplicatesIgnored", 1)
                .containsEntry("serialsIssued", 4)
                .containsEntry("maxDepth", 4));

        // one serial each, valid, and one notice each carrying it, eventually sent
        for (String sender : List.of(A, B, C, D)) {
            List<Map<String, Object>> serials = Api.serials(CAMPAIGN, sender);
            assertThat(serials).hasSize(1);
            String serial = (String) serials.get(0).get("serial");
            assertThat(SerialNumber.parse(serial)).as(serial).isPresent();
            assertThat(serial).startsWith("T08-");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<Map<String, Object>> sms = Api.sms(sender);
                assertThat(sms).hasSize(1);
                assertThat(sms.get(0)).containsEntry("state", "sent").containsEntry("kind", "serial")
                        .containsEntry("from", "10658000");
                assertThat((String) sms.get(0).get("text")).contains(serial).startsWith("您的火炬接力序号是");
            });
        }
        assertThat(Api.serials(CAMPAIGN, A).get(0)).containsEntry("recipient", B).containsEntry("depth", 1)
                .containsEntry("region", "Nanjing");
        assertThat(Api.serials(CAMPAIGN, D).get(0)).containsEntry("depth", 4).containsEntry("recipient", G);
        assertThat(Api.serials(CAMPAIGN, E)).isEmpty();
        assertThat(Api.sms(E)).isEmpty();
        assertThat(Api.sms(G)).isEmpty();

        // the help notice went to the one who texted something else
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Api.sms("8613905000009"))
                .extracting(m -> m.get("kind")).containsExactly("help"));

        // leaderboard by city: Nanjing A + D, Suzhou B, Wuxi C
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> board = given().queryParam("by", "city")
                    .get("/api/v1/campaigns/" + CAMPAIGN + "/leaderboard").then().statusCode(200).extract()
                    .jsonPath().getList("");
            assertThat(board).hasSize(3);
            assertThat(board.get(0)).containsEntry("rank", 1).containsEntry("key", "Nanjing")
                    .containsEntry("forwards", 2);
            assertThat(board).extracting(r -> r.get("key")).containsExactlyInAnyOrder("Nanjing", "Suzhou", "Wuxi");
        });
        List<Map<String, Object>> senders = given().queryParam("by", "sender")
                .get("/api/v1/campaigns/" + CAMPAIGN + "/leaderboard").then().statusCode(200).extract().jsonPath()
                .getList("");
        assertThat(senders).hasSize(4).allSatisfy(r -> assertThat((String) r.get("key")).contains("****"));

        // a rebuild from PostgreSQL gives the same board
        List<Map<String, Object>> rebuilt = Api.admin().post("/api/v1/campaigns/" + CAMPAIGN + "/leaderboard/rebuild")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(rebuilt).extracting(r -> r.get("forwards")).containsExactly(2, 1, 1);
    }
}
