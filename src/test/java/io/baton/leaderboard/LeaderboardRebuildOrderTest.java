package io.baton.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.crediting.domain.CreditedForward;
import io.baton.leaderboard.LeaderboardService.By;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 4: every order in which a credit's commit, its increment and a rebuild (of this or
 * another instance) can interleave counts the credit exactly once. Each case stages one order with
 * real transactions; {@link LeaderboardRebuildTest} races them freely.
 */
@QuarkusTest
class LeaderboardRebuildOrderTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Inject
    LeaderboardService boards;

    @Inject
    RedisDataSource redis;

    @Inject
    DataSource dataSource;

    @Test
    void creditCommittedAfterTheSnapshotAndAddedBeforeTheSwapIsReplayed() throws Exception {
        String c = campaign();
        boards.record(List.of(credit(c, "A")));
        boards.rebuild(c, () -> boards.record(List.of(credit(c, "A"), credit(c, "B"))));
        assertThat(board(c)).isEqualTo(Map.of("A", 2L, "B", 1L));
    }

    @Test
    void creditCommittedBeforeTheSnapshotButAddedAfterTheSwapIsNotCountedTwice() throws Exception {
        String c = campaign();
        CreditedForward late = credit(c, "A"); // committed; its increment is slow to come
        boards.rebuild(c);
        boards.record(List.of(late));
        assertThat(board(c)).isEqualTo(Map.of("A", 1L));
    }

    @Test
    void creditCommittedBeforeTheSnapshotAndAddedDuringTheRebuildIsCountedOnce() throws Exception {
        String c = campaign();
        CreditedForward late = credit(c, "A");
        boards.rebuild(c, () -> boards.record(List.of(late)));
        assertThat(board(c)).isEqualTo(Map.of("A", 1L));
    }

    @Test
    void creditCommittedDuringTheRebuildAndAddedAfterTheSwapIsCountedOnce() throws Exception {
        String c = campaign();
        CreditedForward[] during = new CreditedForward[1];
        boards.rebuild(c, () -> during[0] = credit(c, "A"));
        boards.record(List.of(during[0]));
        assertThat(board(c)).isEqualTo(Map.of("A", 1L));
    }

    @Test
    void creditInProgressAtTheSnapshotIsCountedOnceWhenItCommits() throws Exception {
        String c = campaign();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            CreditedForward pending = insert(open, c, "A"); // in the snapshot's in-progress list
            credit(c, "B"); // a later transaction that commits first: xmax is past the pending one
            boards.rebuild(c, () -> uncheck(() -> {
                open.commit();
                boards.record(List.of(pending));
                return null;
            }));
            assertThat(board(c)).isEqualTo(Map.of("A", 1L, "B", 1L));
        }
    }

    @Test
    void anOlderRebuildSwappingInAfterANewerOneStillCountsEverything() throws Exception {
        String c = campaign();
        boards.record(List.of(credit(c, "A")));
        boards.rebuild(c, () -> {
            boards.record(List.of(credit(c, "A"))); // after the outer snapshot
            CreditedForward beforeInner = credit(c, "B");
            boards.rebuild(c, () -> boards.record(List.of(credit(c, "C"))));
            boards.record(List.of(beforeInner)); // counted by the inner rebuild: skipped on its board
            boards.record(List.of(credit(c, "D")));
        });
        assertThat(board(c)).isEqualTo(Map.of("A", 2L, "B", 1L, "C", 1L, "D", 1L));
        boards.record(List.of(credit(c, "A")));
        assertThat(board(c)).isEqualTo(Map.of("A", 3L, "B", 1L, "C", 1L, "D", 1L));
        boards.rebuild(c);
        assertThat(board(c)).isEqualTo(Map.of("A", 3L, "B", 1L, "C", 1L, "D", 1L));
    }

    private static String campaign() {
        return "lb-order-" + IDS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** A forward committed in a transaction of its own, from a sender of {@code region}. */
    private CreditedForward credit(String campaign, String region) {
        return uncheck(() -> {
            try (Connection c = dataSource.getConnection()) {
                return insert(c, campaign, region);
            }
        });
    }

    private static CreditedForward insert(Connection c, String campaign, String region) throws Exception {
        int n = IDS.incrementAndGet();
        String sender = String.format("86139%08d", n);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO forward (campaign_id, message_id, sender, recipient, region, depth, credit_day,
                    submitted_at, credited_at)
                VALUES (?, ?, ?, ?, ?, 1, DATE '2008-05-01', now(), now())
                RETURNING pg_current_xact_id()::text""")) {
            ps.setString(1, campaign);
            ps.setString(2, campaign + "-" + n);
            ps.setString(3, sender);
            ps.setString(4, String.format("86138%08d", n));
            ps.setString(5, region);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CreditedForward(campaign, sender, region, "S" + n, 1, rs.getString(1), null);
            }
        }
    }

    private Map<String, Long> board(String campaign) {
        Map<String, Long> out = new HashMap<>();
        for (ScoredValue<String> v : redis.sortedSet(String.class).zrangeWithScores(
                LeaderboardService.key(campaign, By.CITY), 0, -1)) {
            out.put(v.value(), (long) v.score());
        }
        long senders = redis.sortedSet(String.class).zcard(LeaderboardService.key(campaign, By.SENDER));
        assertThat(senders).as("one sender per credit").isEqualTo(out.values().stream().mapToLong(Long::longValue).sum());
        return out;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
