package io.baton.ops;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.retention.RetentionJob;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Issue 15, item 8: per-client rate limits answer 429 with Retry-After before reading the body, and
 * the retention purge removes uncorrelated delivery reports after 72 h and a campaign's data a
 * year after it ended and went quiet, keeping everything younger.
 */
@QuarkusTest
@TestProfile(OverloadAndRetentionTest.LowLimits.class)
class OverloadAndRetentionTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("baton.rate-limit.ingest-requests-per-second", "2",
                    "baton.rate-limit.ingest-events-per-second", "100",
                    "baton.rate-limit.mo-per-second", "1",
                    "baton.rate-limit.burst-seconds", "2");
        }
    }

    @Inject
    RetentionJob retention;

    @Test
    void aClientOverItsRequestRateGets429WithRetryAfterAndIsLetInAgainLater() {
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(Api.postEvents(List.of(delivery("nj-1", "rl-" + i, "8615000000401", "retrieved",
                    "2008-03-01T10:00:00+08:00"))).extract());
        }
        assertThat(answers).filteredOn(a -> a.statusCode() == 202).hasSizeGreaterThanOrEqualTo(4);
        List<ExtractableResponse<Response>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty().allSatisfy(a -> {
            assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, 2L);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.jsonPath().getString("detail")).contains("client demo");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.postEvents(List.of(delivery("nj-1", "rl-later",
                "8615000000401", "retrieved", "2008-03-01T10:00:00+08:00"))).extract().statusCode() == 202);
        // MO: 1 a second, 2 saved up
        List<Integer> mo = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mo.add(Api.mo("8615000000402", "10658000", "hello", "2008-03-01T10:00:00+08:00").extract().statusCode());
        }
        assertThat(mo).contains(202, 429).doesNotContain(500);
    }

    @Test
    void aBatchOverTheClientsEventRateIs429() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            batch.add(delivery("sz-2", "ev-" + i, "8615000000403", "retrieved", "2008-03-01T10:00:00+08:00"));
        }
        Api.postEvents(Api.OTHER_MMSC_TOKEN, batch).statusCode(202); // 200 saved up, 50 left
        ExtractableResponse<Response> second = Api.postEvents(Api.OTHER_MMSC_TOKEN, batch).extract();
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(second.header("Retry-After"))).isBetween(1L, 2L);
    }

    @Test
    void uncorrelatedReportsGoAfter72HoursAndACampaignsDataAYearAfterItWentQuiet() {
        byte[] seed = EventFixtures.image(2_015_008);
        Api.putCampaign("retained", EventFixtures.campaignYaml("retained", "10651580", seed, "#retained#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String sender = "8615015800001";
        Api.postEvents(Api.OTHER_MMSC_TOKEN, List.of( // not demo: the first test empties demo's bucket
                submit("nj-1", "ret-1", sender, "8615115800001", "2008-05-01T10:00:00+08:00",
                        List.of(part("image/jpeg", seed))),
                delivery("nj-1", "ret-1", "8615115800001", "retrieved", "2008-05-01T10:00:09+08:00"),
                delivery("nj-1", "p2p-1", "8615115800002", "retrieved", "2008-05-01T10:00:09+08:00")))
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.serials("retained", sender)).hasSize(1));
        Instant now = Instant.now();
        assertThat(retention.purge(now.plus(Duration.ofHours(71)))).containsEntry("delivery (uncorrelated)", 0L);
        // the P2P report goes once 72 h have passed (it may still be on its way to the table: await it)
        await().atMost(Duration.ofSeconds(30)).until(() -> retention.purge(now.plus(Duration.ofHours(73)))
                .getOrDefault("delivery (uncorrelated)", 0L) >= 1);
        // the campaign's own report and everything else stay: the campaign was active just now
        assertThat(Api.stats("retained")).containsEntry("forwards", 1).containsEntry("serialsIssued", 1);
        assertThat(retention.purge(now.plus(Duration.ofDays(364)))).doesNotContainKey("forward");
        Map<String, Long> purged = retention.purge(now.plus(Duration.ofDays(366)));
        assertThat(purged).containsEntry("forward", 1L).containsEntry("serial", 1L).containsEntry("sms_outbox", 1L)
                .containsEntry("submit", 1L).containsEntry("delivery", 1L);
        assertThat(Api.stats("retained")).containsEntry("forwards", 0).containsEntry("serialsIssued", 0);
        assertThat(Api.serials("retained", sender)).isEmpty();
    }
}
