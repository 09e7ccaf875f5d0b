package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A 30-day campaign with instant prizes paced evenly by day and split between two cities by
 * participants: 600 top-ups, 100 credits a day (60 from city A, 40 from city B) spread over each
 * day. Every day and every city gets its plan within 5%, no cell gives more than planned, and the
 * whole stock is given by the end: nothing over, nothing left.
 */
@QuarkusTest
class PacedCampaignTest {

    static final String CAMPAIGN = "paced-30";
    static final byte[] IMAGE = EventFixtures.image(1630);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST = LocalDate.of(2008, 3, 1);
    static final int DAYS = 30;
    static final int QUANTITY = 600;

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, "10651630", IMAGE, "#paced-30#")
                .replace("starts: 2008-01-01T00:00:00+08:00", "starts: 2008-03-01T00:00:00+08:00")
                .replace("ends: 2008-12-31T00:00:00+08:00", "ends: 2008-03-31T00:00:00+08:00") + """
                prizes:
                  budget: 6000
                  tiers:
                    - {id: topup, name: "10 yuan", unitCost: 10, quantity: 600}
                  instant:
                    - {tier: topup, pacing: even, regions: byParticipants}
                """;
    }

    @Test
    void givesThePlanPerDayAndCityAndTheWholeStockByTheEnd() {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        int n = 0;
        for (int d = 0; d < DAYS; d++) {
            List<Map<String, Object>> events = new ArrayList<>();
            ZonedDateTime day = FIRST.plusDays(d).atStartOfDay(ZONE);
            for (int k = 0; k < 100; k++, n++) {
                // 60 senders of city A (86150...), 40 of city B (86151...), interleaved, one credit each a day,
                // one credit every 14.4 min
                String sender = String.format(k % 5 < 3 ? "86150%08d" : "86151%08d", 163_000 + k);
                String recipient = String.format("86152%08d", 163_000 + n);
                ZonedDateTime at = day.plusSeconds(k * 864L + 300);
                String id = "pc-" + n;
                events.add(submit("nj-1", id, sender, recipient, at.toOffsetDateTime().toString(),
                        List.of(part("image/jpeg", IMAGE))));
                events.add(delivery("nj-1", id, recipient, "retrieved", at.plusSeconds(30).toOffsetDateTime().toString()));
            }
            Api.postEvents(events).statusCode(202);
            int expected = n;
            // one day after the other, as a campaign's traffic comes
            await().atMost(Duration.ofSeconds(60)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(expected));
        }

        JsonPath prizes = RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/prizes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(prizes.getList("tiers.given", Integer.class)).as("nothing left").containsExactly(QUANTITY);
        assertThat(prizes.getInt("spent")).isEqualTo(QUANTITY * 10);
        List<Map<String, Object>> plan = prizes.getList("plan");
        assertThat(plan).hasSize(DAYS * 2).allSatisfy(cell -> assertThat((Integer) cell.get("given"))
                .as("cell %s", cell).isLessThanOrEqualTo((Integer) cell.get("planned")));
        Map<String, int[]> byDay = new HashMap<>();
        Map<String, int[]> byCity = new HashMap<>();
        for (Map<String, Object> cell : plan) {
            int planned = (Integer) cell.get("planned");
            int given = (Integer) cell.get("given");
            sum(byDay, (String) cell.get("day"), planned, given);
            sum(byCity, (String) cell.get("region"), planned, given);
        }
        assertThat(byDay).hasSize(DAYS);
        // every day: its planned quota is an even share of what was left (20), and it is given within 5%
        byDay.forEach((day, pg) -> {
            assertThat(pg[0]).as("planned on %s", day).isBetween(19, 21);
            assertThat(pg[1]).as("given on %s", day).isBetween((int) Math.floor(pg[0] * 0.95), pg[0]);
        });
        // the cities share by participants (60:40), and get what was planned for them within 5%
        assertThat(byCity.keySet()).containsExactlyInAnyOrder("A", "B");
        byCity.forEach((city, pg) -> assertThat(pg[1]).as("given in %s", city)
                .isBetween((int) Math.floor(pg[0] * 0.95), pg[0]));
        assertThat(byCity.get("A")[1]).isBetween((int) (QUANTITY * 0.6 * 0.95), (int) Math.ceil(QUANTITY * 0.6 * 1.05));
    }

    private static void sum(Map<String, int[]> into, String key, int planned, int given) {
        int[] pg = into.computeIfAbsent(key, k -> new int[2]);
        pg[0] += planned;
        pg[1] += given;
    }
}
