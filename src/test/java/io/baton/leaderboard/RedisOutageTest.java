package io.baton.leaderboard;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.baton.infra.LocalRedis;
import io.baton.support.Api;
import io.baton.support.BatonInfrastructure;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 7: Redis holds only derived state. While it is down the instance stays ready
 * (readiness says Redis is away), forwards are credited all the same, and when Redis returns
 * (empty) the leaderboards are rebuilt from PostgreSQL with what was credited meanwhile.
 */
@QuarkusTest
class RedisOutageTest {

    static final byte[] IMAGE = EventFixtures.image(2_015_017);

    @Test
    void creditingAndReadinessGoOnWithoutRedisAndTheBoardsAreRebuiltWhenItReturns() throws Exception {
        LocalRedis redis = BatonInfrastructure.current().redis().orElse(null);
        Assumptions.assumeTrue(redis != null, "Redis is configured from outside: this test stops only its own");
        Api.putCampaign("redis-outage", EventFixtures.campaignYaml("redis-outage", "10651517", IMAGE, "#redis-out#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String sender = "8615015170001";
        redis.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(leaderboardsCheck())
                    .containsEntry("status", "UP")
                    .extracting(c -> ((Map<?, ?>) c.get("data")).get("redis")).asString().startsWith("unreachable"));
            given().get("/q/health/ready").then().statusCode(200);
            Api.postEvents(List.of(submit("nj-1", "rdo-1", sender, "8615115170001", "2008-05-01T10:00:00+08:00",
                    List.of(part("image/jpeg", IMAGE))),
                    delivery("nj-1", "rdo-1", "8615115170001", "retrieved", "2008-05-01T10:00:09+08:00")))
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.serials("redis-outage", sender))
                    .hasSize(1));
            given().get("/api/v1/campaigns/redis-outage/leaderboard").then().statusCode(503);
        } finally {
            redis.restart();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given()
                .get("/api/v1/campaigns/redis-outage/leaderboard?by=city").then().statusCode(200).extract().jsonPath()
                .getList("")).singleElement().satisfies(e -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = (Map<String, Object>) e;
                    assertThat(entry).containsEntry("key", "A").containsEntry("forwards", 1);
                }));
        assertThat(leaderboardsCheck().get("data")).asString().contains("redis=up");
    }

    private static Map<String, Object> leaderboardsCheck() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        return checks.stream().filter(c -> "leaderboards".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no leaderboards readiness check: " + checks));
    }
}
