package io.baton.prize;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Prize events in public: the leaderboard stream pushes each new win as an event named win (the
 * board stays the unnamed event), and the stats carry the prizes given and the newest wins, the
 * numbers masked; a win held for review is not shown.
 */
@QuarkusTest
class PrizeEventsTest {

    static final String CAMPAIGN = "prize-events";
    static final byte[] IMAGE = EventFixtures.image(1621);
    static final String WINNER = "8615000162101";
    static final String HELD = "8615299162101";

    static String yaml() {
        return EventFixtures.campaignYaml(CAMPAIGN, "10651621", IMAGE, "#prize-events#") + """
                prizes:
                  budget: 1000
                  tiers:
                    - {id: topup, name: "10 yuan", unitCost: 10, quantity: 10}
                  instant:
                    - {tier: topup, pacing: none}
                  abuse:
                    velocity:
                      perRecipient: {max: 1, per: P1D}
                """;
    }

    record Event(String name, String data) {
    }

    @Test
    void winsAreStreamedAndCountedMasked() throws Exception {
        Api.putCampaign(CAMPAIGN, yaml()).statusCode(anyOf(equalTo(200), equalTo(201)));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<InputStream> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/campaigns/" + CAMPAIGN + "/leaderboard/stream?by=city"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resp.statusCode()).isEqualTo(200);
        List<Event> events = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                String name = null;
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, line.substring(5).strip()));
                    } else if (line.isEmpty()) {
                        name = null;
                    }
                }
            } catch (Exception e) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.get(0)).isEqualTo(new Event(null, "[]"));

        // the first forward to a recipient wins; a second one to the same recipient is held (over 1 a day)
        Api.postEvents(List.of(
                submit("nj-1", "pe-1", WINNER, "8615100162102", "2008-05-01T10:00:00+08:00",
                        List.of(part("image/jpeg", IMAGE))),
                delivery("nj-1", "pe-1", "8615100162102", "retrieved", "2008-05-01T10:00:05+08:00"))).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(1));
        Api.postEvents(List.of(
                submit("nj-1", "pe-2", HELD, "8615100162102", "2008-05-01T11:00:00+08:00",
                        List.of(part("image/jpeg", IMAGE))),
                delivery("nj-1", "pe-2", "8615100162102", "retrieved", "2008-05-01T11:00:05+08:00"))).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.stats(CAMPAIGN).get("forwards").equals(2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .anySatisfy(e -> assertThat(e.name()).isEqualTo("win")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .anySatisfy(e -> assertThat(e.data()).contains("\"key\":\"Other\"")));
        List<Event> wins = events.stream().filter(e -> "win".equals(e.name())).toList();
        assertThat(wins).as("the held win is not public").hasSize(1);
        assertThat(wins.get(0).data()).contains("\"msisdn\":\"8615000****01\"").contains("\"prize\":\"10 yuan\"")
                .contains("\"kind\":\"instant\"").doesNotContain(WINNER);
        assertThat(events.stream().filter(e -> e.name() == null)).as("boards are unnamed events")
                .allSatisfy(e -> assertThat(e.data()).startsWith("["));

        Map<String, Object> stats = RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/stats").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(stats).containsEntry("prizesGiven", 2).containsEntry("prizesClaimed", 0);
        assertThat(RestAssured.get("/api/v1/campaigns/" + CAMPAIGN + "/stats").then().extract().jsonPath()
                .getList("recentWins.msisdn")).containsExactly("8615000****01");
        resp.body().close();
    }
}
