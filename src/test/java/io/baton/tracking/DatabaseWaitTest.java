package io.baton.tracking;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issues 15 items 1 and 7: a lock held on the forward table makes crediting fail with PostgreSQL's
 * lock timeout (1 s in tests). That is not a poison event: the consumer reports that it waits for
 * the database, tries again with back-off, and once the lock is gone the forward is credited, once,
 * and nothing was dead-lettered.
 */
@QuarkusTest
class DatabaseWaitTest {

    static final byte[] IMAGE = EventFixtures.image(2_015_007);

    @Inject
    DataSource dataSource;

    @Test
    void aLockTimeoutPausesTrackingAndItResumesWithNothingLost() throws Exception {
        Api.putCampaign("db-wait", EventFixtures.campaignYaml("db-wait", "10651570", IMAGE, "#db-wait#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        long deadBefore = deadLetters();
        String sender = "8615015700001";
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE forward IN ACCESS EXCLUSIVE MODE");
            }
            Api.postEvents(List.of(submit("nj-1", "dbw-1", sender, "8615115700001", "2008-05-01T10:00:00+08:00",
                    List.of(part("image/jpeg", IMAGE))),
                    delivery("nj-1", "dbw-1", "8615115700001", "retrieved", "2008-05-01T10:00:09+08:00")))
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForDatabase() == 1);
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.serials("db-wait", sender)).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForDatabase() == 0);
        assertThat(Api.stats("db-wait")).containsEntry("forwards", 1).containsEntry("serialsIssued", 1);
        assertThat(deadLetters()).isEqualTo(deadBefore);
    }

    private static double waitingForDatabase() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^baton_tracking_waiting_for_database(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static long deadLetters() {
        return Api.admin().get("/api/v1/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }
}
