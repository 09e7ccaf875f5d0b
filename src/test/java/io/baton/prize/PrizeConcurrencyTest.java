package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 16's invariant under concurrency: 10,000 credited forwards of 2,000 senders, posted from 8
 * threads in different orders, compete for an instant tier of 100 and a milestone tier of 300
 * (every 5th credit), one prize per subscriber, a budget that holds exactly the catalogue. Exactly
 * 100 and 300 are given, the budget is spent to the unit and never over, nobody holds two prizes,
 * every win has its notice, and the stock rows agree with the wins (nothing taken and left over).
 */
@QuarkusTest
class PrizeConcurrencyTest {

    static final String CAMPAIGN = "prize-race";
    static final byte[] IMAGE = EventFixtures.image(1616);
    static final int SENDERS = 2_000;
    static final int EACH = 5;

    @Inject
    DataSource dataSource;

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, "10651616", IMAGE, "#prize-race#") + """
                prizes:
                  budget: 8000
                  maxPrizesPerSubscriber: 1
                  tiers:
                    - {id: phone, name: "a phone", unitCost: 50, quantity: 100}
                    - {id: topup, name: "10 yuan", unitCost: 10, quantity: 300}
                  instant:
                    - {tier: phone, pacing: none}
                  milestones:
                    - {everyNthForward: 5, tier: topup}
                """;
    }

    @Test
    void givesExactlyTheStockWithinTheBudgetToDistinctSubscribers() throws Exception {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String sender = String.format("86150%08d", 160_000 + s);
            for (int r = 0; r < EACH; r++) {
                String recipient = String.format("86151%08d", 160_000 + s * 10 + r);
                String id = "pr-" + s + "-" + r;
                events.add(submit("nj-1", id, sender, recipient, "2008-05-01T10:0" + r + ":00+08:00",
                        List.of(part("image/jpeg", IMAGE))));
                events.add(delivery("nj-1", id, recipient, "retrieved", "2008-05-01T10:0" + r + ":30+08:00"));
            }
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> posts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            // each thread posts an eighth of the events, shuffled: the credits interleave across batches
            List<Map<String, Object>> mine = new ArrayList<>(events.subList(t * events.size() / threads,
                    (t + 1) * events.size() / threads));
            Collections.shuffle(mine, new Random(t));
            posts.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < mine.size(); i += 500) {
                    Api.postEvents(mine.subList(i, Math.min(mine.size(), i + 500))).statusCode(202);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : posts) {
            f.get();
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(Api.stats(CAMPAIGN)).containsEntry("forwards", SENDERS * EACH));

        Map<String, Object> prizes = RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertThat(prizes).containsEntry("budget", 8000).containsEntry("spent", 8000).containsEntry("reserved", 0);
        assertThat(RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().extract().jsonPath()
                .getList("tiers.given", Integer.class)).containsExactly(100, 300);

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(one(st, "SELECT count(*) FROM prize_win WHERE campaign_id = '" + CAMPAIGN + "'")).isEqualTo(400);
            assertThat(one(st, "SELECT count(*) FROM prize_win WHERE campaign_id = '" + CAMPAIGN
                    + "' AND tier_id = 'phone' AND kind = 'instant'")).isEqualTo(100);
            assertThat(one(st, "SELECT count(*) FROM prize_win WHERE campaign_id = '" + CAMPAIGN
                    + "' AND tier_id = 'topup' AND kind = 'milestone'")).isEqualTo(300);
            assertThat(one(st, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM prize_win WHERE campaign_id = '"
                    + CAMPAIGN + "' GROUP BY msisdn) x")).as("prizes of one subscriber").isEqualTo(1);
            // every milestone win is a sender's 5th credit: its serial is that sender's 5th
            assertThat(one(st, """
                    SELECT count(*) FROM prize_win w JOIN serial s ON s.serial = w.serial
                    WHERE w.campaign_id = '%s' AND w.kind = 'milestone'
                      AND (SELECT count(*) FROM serial s2 WHERE s2.campaign_id = s.campaign_id AND s2.msisdn = s.msisdn
                             AND s2.sequence <= s.sequence) <> 5""".formatted(CAMPAIGN))).isZero();
            // the stock rows and the holders agree with the wins: nothing taken and left over
            assertThat(one(st, "SELECT sum(given) FROM prize_stock WHERE campaign_id = '" + CAMPAIGN + "'")).isEqualTo(400);
            assertThat(one(st, "SELECT sum(wins) FROM prize_holder WHERE campaign_id = '" + CAMPAIGN + "'")).isEqualTo(400);
            assertThat(one(st, "SELECT count(*) FROM sms_outbox WHERE campaign_id = '" + CAMPAIGN + "' AND kind = 'prize'"))
                    .isEqualTo(400);
        }
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
