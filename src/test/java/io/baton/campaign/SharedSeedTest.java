package io.baton.campaign;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 2: two campaigns with one seed. A campaign run again (same artwork, another year)
 * and the first one are told apart by their windows; an ended campaign takes no part. A campaign
 * whose seed cannot be told apart from one running at the same time is refused at PUT, naming it;
 * one told apart by its tag is accepted, and a forward that carries only the shared picture in
 * their common time is refused as ambiguous, and counted so.
 */
@QuarkusTest
class SharedSeedTest {

    static final byte[] ARTWORK = EventFixtures.image(2_015_002);

    static String yaml(String id, String shortCode, String tag, String starts, String ends) {
        return EventFixtures.campaignYaml(id, shortCode, ARTWORK, tag)
                .replace("starts: 2008-01-01T00:00:00+08:00", "starts: " + starts)
                .replace("ends: 2008-12-31T00:00:00+08:00", "ends: " + ends);
    }

    @Test
    void campaignsThatShareASeedAreToldApartByTheirWindowsAndTagsAndRefusedWhenTheyCannotBe() {
        Api.putCampaign("reuse-2008", yaml("reuse-2008", "10651508", "#reuse#", "2008-01-01T00:00:00+08:00",
                "2008-07-01T00:00:00+08:00")).statusCode(anyOf(equalTo(200), equalTo(201)));
        // the same campaign run again the next year: same artwork, same tag, its own time
        Api.putCampaign("reuse-2009", yaml("reuse-2009", "10651509", "#reuse#", "2009-01-01T00:00:00+08:00",
                "2009-07-01T00:00:00+08:00")).statusCode(anyOf(equalTo(200), equalTo(201)));
        // the same seed in 2008's time: nothing tells it apart from reuse-2008
        Api.putCampaign("reuse-clash", yaml("reuse-clash", "10651510", "#reuse#", "2008-06-01T00:00:00+08:00",
                "2008-12-01T00:00:00+08:00")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("campaign reuse-2008"));
        assertThat(io.restassured.RestAssured.given().get("/api/v1/campaigns/reuse-clash").then().extract().statusCode()).isEqualTo(404);
        // the same picture with a tag of its own, in 2008's time: the tag tells them apart
        Api.putCampaign("reuse-tagged", yaml("reuse-tagged", "10651511", "#other-tag#", "2008-06-01T00:00:00+08:00",
                "2008-12-01T00:00:00+08:00")).statusCode(anyOf(equalTo(200), equalTo(201)));

        List<Map<String, Object>> events = List.of(
                // 2009: only reuse-2009 runs (reuse-2008 has ended), though both know the picture
                submit("nj-1", "reuse-a", "8615015090001", "8615115090001", "2009-03-01T10:00:00+08:00",
                        List.of(part("image/jpeg", ARTWORK))),
                delivery("nj-1", "reuse-a", "8615115090001", "retrieved", "2009-03-01T10:00:09+08:00"),
                // March 2008: only reuse-2008 runs
                submit("nj-1", "reuse-b", "8615015080001", "8615115080001", "2008-03-01T10:00:00+08:00",
                        List.of(part("image/jpeg", ARTWORK))),
                delivery("nj-1", "reuse-b", "8615115080001", "retrieved", "2008-03-01T10:00:09+08:00"),
                // June 2008: reuse-2008 and reuse-tagged both run; the picture alone is either's
                submit("nj-1", "reuse-c", "8615015080002", "8615115080002", "2008-06-15T10:00:00+08:00",
                        List.of(part("image/jpeg", ARTWORK))),
                delivery("nj-1", "reuse-c", "8615115080002", "retrieved", "2008-06-15T10:00:09+08:00"),
                // ... but with its tag the forward is reuse-tagged's
                submit("nj-1", "reuse-d", "8615015080003", "8615115080003", "2008-06-15T10:00:00+08:00",
                        List.of(part("image/jpeg", ARTWORK), EventFixtures.text("look #other-tag#"))),
                delivery("nj-1", "reuse-d", "8615115080003", "retrieved", "2008-06-15T10:00:09+08:00"));
        Api.postEvents(events).statusCode(202).body("accepted", equalTo(events.size()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Api.serials("reuse-2009", "8615015090001")).hasSize(1);
            assertThat(Api.serials("reuse-2008", "8615015080001")).hasSize(1);
            assertThat(Api.serials("reuse-tagged", "8615015080003")).hasSize(1);
            assertThat(Api.stats("reuse-2008")).containsEntry("submitsAmbiguous", 1);
            assertThat(Api.stats("reuse-tagged")).containsEntry("submitsAmbiguous", 1);
        });
        assertThat(Api.stats("reuse-2009")).containsEntry("forwards", 1).containsEntry("submitsAmbiguous", 0);
        assertThat(Api.stats("reuse-2008")).containsEntry("forwards", 1);
        assertThat(Api.stats("reuse-tagged")).containsEntry("forwards", 1);
        assertThat(Api.serials("reuse-2008", "8615015080002")).isEmpty();
        assertThat(Api.metric("baton_submits_unrecognised_total", "reason", "ambiguous").orElse(0))
                .isGreaterThanOrEqualTo(1);
    }
}
