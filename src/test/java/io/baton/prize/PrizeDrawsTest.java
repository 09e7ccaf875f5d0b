package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.baton.cli.BatonCommand;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A draw through the API, as a campaign manager runs it: close after the cutoff (the pool of the
 * serials credited before it, without subscribers at their prize limit), enter the seed once,
 * and the public receipt and pool verify with ./baton verify-draw; the winners get their prizes.
 */
@QuarkusTest
class PrizeDrawsTest {

    static final String CAMPAIGN = "prize-draws";
    static final byte[] IMAGE = EventFixtures.image(1618);
    static final String BASE = "/api/v1/campaigns/" + CAMPAIGN + "/draws/week-1/";

    @TempDir
    Path dir;

    @jakarta.inject.Inject
    PrizeReviews reviews;

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, "10651618", IMAGE, "#prize-draws#") + """
                prizes:
                  budget: 20000
                  maxPrizesPerSubscriber: 1
                  tiers:
                    - {id: laptop, name: "a laptop", unitCost: 3000, quantity: 5}
                    - {id: topup, name: "10 yuan", unitCost: 10, quantity: 1}
                  instant:
                    - {tier: topup, pacing: none}
                  draws:
                    - {id: week-1, tier: laptop, winners: 2, alternates: 3, cutoff: 2008-05-10T00:00:00+08:00}
                """;
    }

    @Test
    void closeSeedAndVerify() throws Exception {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        RestAssured.get(BASE + "pool").then().statusCode(404);
        Api.admin().contentType("application/json").body(Map.of("seed", "00ff", "source", "test"))
                .post(BASE + "seed").then().statusCode(409);

        // 12 senders, 30 forwards before the cutoff; sender 0's first credit wins the one instant prize
        List<Map<String, Object>> events = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < 12; s++) {
            for (int r = 0; r < (s < 6 ? 3 : 2); r++, n++) {
                String id = "dr-" + n;
                String sender = String.format("86150%08d", 161_800 + s);
                String recipient = String.format("86151%08d", 161_800 + n);
                String at = String.format("2008-05-0%dT10:%02d:00+08:00", 1 + s % 8, n);
                events.add(submit("nj-1", id, sender, recipient, at, List.of(part("image/jpeg", IMAGE))));
                events.add(delivery("nj-1", id, recipient, "retrieved", at.replace(":00+08:00", ":30+08:00")));
            }
        }
        // and 5 after it: not in the pool
        for (int k = 0; k < 5; k++, n++) {
            String id = "dr-late-" + k;
            String recipient = String.format("86151%08d", 161_800 + n);
            events.add(submit("nj-1", id, "8615000169999", recipient, "2008-05-11T10:00:00+08:00",
                    List.of(part("image/jpeg", IMAGE))));
            events.add(delivery("nj-1", id, recipient, "retrieved", "2008-05-11T10:00:30+08:00"));
        }
        Api.postEvents(events.subList(0, 2)).statusCode(202); // sender 0 first: the instant prize is theirs
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(1));
        Api.postEvents(events.subList(2, events.size())).statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(35));

        JsonPath commitment = Api.admin().post(BASE + "close").then().statusCode(200).extract().jsonPath();
        assertThat(commitment.getInt("poolSize")).as("30 before the cutoff, less sender 0's 3").isEqualTo(27);
        assertThat(commitment.getString("poolRoot")).matches("[0-9a-f]{64}");
        String publicKey = commitment.getString("publicKey");
        // closing again answers the same commitment
        assertThat(Api.admin().post(BASE + "close").then().statusCode(200).extract().jsonPath().getString("poolRoot"))
                .isEqualTo(commitment.getString("poolRoot"));

        String pool = RestAssured.get(BASE + "pool").then().statusCode(200).extract().asString();
        String[] lines = pool.split("\n");
        assertThat(lines).hasSize(27);
        assertThat(lines).isSorted();
        assertThat(Arrays.stream(lines).map(l -> l.split(" ")[1]).distinct()).as("owners").hasSize(11);

        Api.admin().contentType("application/json").body(Map.of("seed", "xyz", "source", "test"))
                .post(BASE + "seed").then().statusCode(400);
        String seed = "5e1f0a2b3c4d";
        JsonPath receipt = Api.admin().contentType("application/json")
                .body(Map.of("seed", seed, "source", "Jiangsu welfare lottery, 2008-05-10 closing numbers"))
                .post(BASE + "seed").then().statusCode(200).extract().jsonPath();
        assertThat(receipt.getList("winners")).hasSize(2);
        assertThat(receipt.getList("alternates")).hasSize(3);
        assertThat(receipt.getString("algorithm")).isEqualTo("baton-draw-1");
        Api.admin().contentType("application/json").body(Map.of("seed", "00", "source", "again"))
                .post(BASE + "seed").then().statusCode(409);

        // anyone can check it from what is public
        Path receiptFile = Files.write(dir.resolve("receipt.json"),
                RestAssured.get(BASE + "receipt").then().statusCode(200).extract().asByteArray());
        Path poolFile = Files.write(dir.resolve("pool.txt"), pool.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BatonCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "verify-draw",
                "--public-key", publicKey, receiptFile.toString(), poolFile.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("verified: draw week-1 of " + CAMPAIGN + ", 27 pool lines");

        // the winners have their laptops; nothing is held back any more
        JsonPath prizes = RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(prizes.getInt("reserved")).isZero();
        assertThat(prizes.getInt("spent")).isEqualTo(2 * 3000 + 10);
        assertThat(prizes.getList("tiers.given", Integer.class)).containsExactly(2, 1);
        List<String> drawWins = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            String sender = String.format("86150%08d", 161_800 + s);
            Api.admin().queryParam("msisdn", sender).get("/api/v1/campaigns/" + CAMPAIGN + "/wins").then().statusCode(200)
                    .extract().jsonPath().getList("wins", Map.class).stream().filter(w -> "draw".equals(w.get("kind")))
                    .forEach(w -> drawWins.add((String) w.get("serial")));
        }
        assertThat(drawWins).containsExactlyInAnyOrderElementsOf(receipt.getList("winners", String.class));
        // who did what: the close and the seed, newest first
        assertThat(Api.admin().queryParam("campaign", CAMPAIGN).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("action")).containsExactly("draw-seed", "draw-close");
    
        // nobody claims: after the deadline the winners forfeit and the first two alternates take over
        assertThat(reviews.forfeitUnclaimed(CAMPAIGN, java.time.OffsetDateTime.now().plusDays(15)))
                .as("two laptops and the instant prize").isEqualTo(3);
        Map<String, String> drawStates = new java.util.HashMap<>();
        Map<String, String> drawRules = new java.util.HashMap<>();
        for (int s = 0; s < 12; s++) {
            String sender = String.format("86150%08d", 161_800 + s);
            for (Map<?, ?> w : Api.admin().queryParam("msisdn", sender).get("/api/v1/campaigns/" + CAMPAIGN + "/wins")
                    .then().statusCode(200).extract().jsonPath().getList("wins", Map.class)) {
                if ("draw".equals(w.get("kind"))) {
                    drawStates.put((String) w.get("serial"), (String) w.get("state"));
                    drawRules.put((String) w.get("serial"), (String) w.get("rule"));
                }
            }
        }
        List<String> winners = receipt.getList("winners", String.class);
        List<String> alternates = receipt.getList("alternates", String.class);
        assertThat(drawStates).containsOnlyKeys(winners.get(0), winners.get(1), alternates.get(0), alternates.get(1));
        assertThat(drawStates).containsEntry(winners.get(0), "forfeited").containsEntry(winners.get(1), "forfeited")
                .containsEntry(alternates.get(0), "confirmed").containsEntry(alternates.get(1), "confirmed");
        assertThat(drawRules.get(alternates.get(0))).isEqualTo("draw:week-1:alternate");
        JsonPath after = RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(after.getList("tiers.given", Integer.class)).as("laptops given again, the top-up back").containsExactly(2, 0);
        assertThat(after.getInt("spent")).isEqualTo(2 * 3000);
    }
}
