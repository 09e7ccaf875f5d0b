package io.baton.leaderboard;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.submit;
import static io.baton.support.EventFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 4: leaderboards are rebuilt from PostgreSQL (at every instance's start, after a
 * Redis outage, on demand) while other instances go on crediting. Two rebuilders race a stream of
 * credits here, as two instances would: when the stream is credited, every board holds exactly
 * what PostgreSQL holds — no increment lost in a swap, none counted twice.
 */
@QuarkusTest
class LeaderboardRebuildTest {

    static final String CAMPAIGN = "lb-rebuild";
    static final String TAG = "#lb-rebuild#";
    static final int FORWARDS = 4000;
    static final int SENDERS = 400;
    static final int BATCH = 100;

    @Inject
    LeaderboardService boards;

    @Inject
    RedisDataSource redis;

    @Inject
    DataSource dataSource;

    @Test
    void rebuildsRacingTheCreditsLoseAndDoubleNothing() throws Exception {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10651573", EventFixtures.image(2_015_073), TAG))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        AtomicBoolean credited = new AtomicBoolean();
        AtomicInteger rebuilds = new AtomicInteger();
        List<Thread> rebuilders = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread r = new Thread(() -> {
                while (!credited.get()) {
                    try {
                        boards.rebuild(CAMPAIGN);
                        rebuilds.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            }, "rebuilder-" + t);
            r.start();
            rebuilders.add(r);
        }
        try {
            for (int b = 0; b < FORWARDS / BATCH; b++) {
                List<Map<String, Object>> events = new ArrayList<>();
                for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                    String sender = String.format("86150%08d", 157_300 + i % SENDERS);
                    String recipient = String.format("86151%08d", 157_300 + i);
                    events.add(submit("nj-1", "lbr-" + i, sender, recipient, "2008-05-01T10:00:00+08:00",
                            List.of(text("pass it on " + TAG))));
                    events.add(delivery("nj-1", "lbr-" + i, recipient, "retrieved", "2008-05-01T10:00:09+08:00"));
                }
                Api.postEvents(events).statusCode(202);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> ((Number) Api.stats(CAMPAIGN).get("forwards"))
                    .intValue() == FORWARDS);
        } finally {
            credited.set(true);
            for (Thread r : rebuilders) {
                r.join(Duration.ofSeconds(30).toMillis());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rebuilds.get()).as("rebuilds raced the credits").isGreaterThan(10);
        Map<String, Long> bySender = fromPostgres();
        assertThat(bySender.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(FORWARDS);
        // the increments of the last credits land after their commit: wait for them, not for a rebuild
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(board("city")).as("city board after %d rebuilds", rebuilds.get())
                    .isEqualTo(Map.of("A", (long) FORWARDS));
            assertThat(board("sender")).as("sender board after %d rebuilds", rebuilds.get()).isEqualTo(bySender);
        });
    }

    private Map<String, Long> board(String by) {
        Map<String, Long> out = new HashMap<>();
        for (ScoredValue<String> v : redis.sortedSet(String.class).zrangeWithScores(
                LeaderboardService.key(CAMPAIGN, LeaderboardService.By.valueOf(by.toUpperCase())), 0, -1)) {
            out.put(v.value(), (long) v.score());
        }
        return out;
    }

    private Map<String, Long> fromPostgres() throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sender, count(*) FROM forward WHERE campaign_id = '" + CAMPAIGN
                        + "' GROUP BY sender")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
