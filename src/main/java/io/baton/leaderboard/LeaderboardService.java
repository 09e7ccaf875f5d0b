package io.baton.leaderboard;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.crediting.domain.CreditedForward;
import io.baton.db.Transactions;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;

/**
 * Live leaderboards per campaign, by city and by sender, as Redis sorted sets. Derived state:
 * rebuilt from PostgreSQL's forwards at start and on demand, so losing Redis loses nothing.
 */
@ApplicationScoped
public class LeaderboardService {

    private static final Logger LOG = Logger.getLogger(LeaderboardService.class);

    /** What a board is ranked by. */
    public enum By {
        CITY("region"), SENDER("sender");

        final String column;

        By(String column) {
            this.column = column;
        }

        public static By parse(String s) {
            return s == null ? CITY : valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** One row of a board; sender keys are masked (public page). */
    public record Entry(int rank, String key, long forwards) {
    }

    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final Transactions tx;

    public LeaderboardService(RedisDataSource redis, Transactions tx) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.tx = tx;
    }

    static String key(String campaignId, By by) {
        return "baton:lb:" + campaignId + ":" + by.name().toLowerCase(Locale.ROOT);
    }

    /** Adds committed credits: one ZINCRBY per board member per call. */
    public void record(List<CreditedForward> credited) {
        Map<String, Map<String, Integer>> increments = new HashMap<>();
        for (CreditedForward f : credited) {
            increments.computeIfAbsent(key(f.campaignId(), By.CITY), k -> new HashMap<>()).merge(f.region(), 1,
                    Integer::sum);
            increments.computeIfAbsent(key(f.campaignId(), By.SENDER), k -> new HashMap<>()).merge(f.sender(), 1,
                    Integer::sum);
        }
        try {
            increments.forEach((key, members) -> members.forEach((m, n) -> zsets.zincrby(key, n, m)));
        } catch (RuntimeException e) {
            // PostgreSQL has the credits; the board catches up at the next rebuild
            LOG.warnf("leaderboard=update-failed reason=%s", e.getMessage());
        }
    }

    public List<Entry> top(String campaignId, By by, int limit) {
        List<ScoredValue<String>> rows = zsets.zrangeWithScores(key(campaignId, by), 0, limit - 1,
                new ZRangeArgs().rev());
        List<Entry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String member = rows.get(i).value();
            out.add(new Entry(i + 1, by == By.SENDER ? Msisdn.mask(member) : member, (long) rows.get(i).score()));
        }
        return out;
    }

    /** Replaces both boards of a campaign with counts from PostgreSQL (atomically, via RENAME). */
    public void rebuild(String campaignId) {
        for (By by : By.values()) {
            Map<String, Double> counts = tx.read(c -> {
                Map<String, Double> m = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + by.column
                        + ", count(*) FROM forward WHERE campaign_id = ? GROUP BY " + by.column)) {
                    ps.setString(1, campaignId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            m.put(rs.getString(1), (double) rs.getLong(2));
                        }
                    }
                }
                return m;
            });
            String key = key(campaignId, by);
            if (counts.isEmpty()) {
                redis.key().del(key);
                continue;
            }
            String tmp = key + ":rebuild";
            redis.key().del(tmp);
            List<String> members = new ArrayList<>(counts.keySet());
            for (int i = 0; i < members.size(); i += 1000) {
                Map<String, Double> chunk = new HashMap<>();
                for (String m : members.subList(i, Math.min(members.size(), i + 1000))) {
                    chunk.put(m, counts.get(m));
                }
                zsets.zadd(tmp, chunk);
            }
            redis.key().rename(tmp, key);
        }
        LOG.infof("leaderboard=rebuilt campaign=%s", campaignId);
    }
}
