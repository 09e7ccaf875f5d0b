package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.baton.support.BatonProcess;
import io.baton.support.EventFixtures;
import io.restassured.RestAssured;

/**
 * Issue 15, item 4: two Baton instances on one database and one broker. A campaign PUT on A is
 * live on B within two seconds (PostgreSQL LISTEN/NOTIFY), and forwards that B's share of the
 * partitions carries are credited by B.
 */
class ReplicasIT {

    static ItEnvironment env;

    @BeforeAll
    static void infrastructure() throws Exception {
        env = ItEnvironment.start("replicas", null);
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void aCampaignPutOnOneInstanceIsLiveOnTheOtherAndItsForwardsAreCreditedThere() throws Exception {
        byte[] image = EventFixtures.image(2_015_004);
        env.createTrackingTopic();
        try (BatonProcess a = env.baton(ItEnvironment.freePort()); BatonProcess b = env.baton(ItEnvironment.freePort())) {
            env.awaitTrackingMembers(2);
            long put = System.nanoTime();
            ItEnvironment.putCampaign(a, "replicas", EventFixtures.campaignYaml("replicas", "10651504", image,
                    "#replicas#"));
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> RestAssured.given()
                    .baseUri(b.baseUri()).get("/api/v1/campaigns/replicas").then().extract().statusCode() == 200);
            long liveOnB = (System.nanoTime() - put) / 1_000_000;

            int forwards = 40;
            assertThat(ItEnvironment.post(a.baseUri(), ItEnvironment.forwards("rep-", "86150", "86151", 150_400,
                    150_400 + forwards, image, "2008-05-01T10:00:00+08:00"))).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().baseUri(a.baseUri())
                    .get("/api/v1/campaigns/replicas/stats").then().extract().jsonPath().getInt("forwards") == forwards);
            double byA = credited(a);
            double byB = credited(b);
            assertThat(byA + byB).isEqualTo(forwards);
            assertThat(byB).as("forwards credited by B (live on B %d ms after the PUT on A)", liveOnB).isPositive();
            assertThat(RestAssured.given().baseUri(b.baseUri()).get("/api/v1/campaigns/replicas/stats").then().extract()
                    .jsonPath().getInt("serialsIssued")).isEqualTo(forwards);
        }
    }

    private static double credited(BatonProcess p) {
        String metrics = RestAssured.given().baseUri(p.baseUri()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^baton_forwards_credited_total\\{campaign=\"replicas\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
