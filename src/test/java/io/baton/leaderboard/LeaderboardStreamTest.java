package io.baton.leaderboard;

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
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The SSE leaderboard pushes the board when it changes, without being asked again. */
@QuarkusTest
class LeaderboardStreamTest {

    static final String CAMPAIGN = "stream";
    static final byte[] IMAGE = EventFixtures.image(5005);

    @Test
    void pushesTheBoardWhenAForwardIsCredited() throws Exception {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10650505", IMAGE, "#streamtest#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/campaigns/"
                + CAMPAIGN + "/leaderboard/stream?by=city")).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resp.statusCode()).isEqualTo(200);
        List<String> events = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.get(0)).isEqualTo("[]");

        Api.postEvents(List.of(
                submit("nj-1", "st-1", "8615000050501", "8615100050502", "2008-05-01T10:00:00+08:00",
                        List.of(part("image/jpeg", IMAGE))),
                delivery("nj-1", "st-1", "8615100050502", "retrieved", "2008-05-01T10:00:05+08:00")))
                .statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
                .anySatisfy(e -> assertThat(e).contains("\"key\":\"A\"").contains("\"forwards\":1")));
        // unchanged boards are not pushed again
        int seen = events.size();
        assertThat(events.subList(0, seen)).doesNotHaveDuplicates();
        resp.body().close();
    }
}
