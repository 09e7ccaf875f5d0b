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

import io.baton.campaign.CampaignRegistry;
import io.baton.common.Msisdn;
import io.baton.crediting.domain.CreditedForward;
import io.baton.db.Transactions;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.scheduler.Scheduled;

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
    private final CampaignRegistry campaigns;
    /**
     * Set when Redis failed an update or a ping: the boards miss credits. While set, updates are
     * skipped (each would wait for Redis's timeout on the tracking thread); {@link #heal} rebuilds
     * every board from PostgreSQL once Redis answers again.
     */
    private volatile boolean stale;

    public LeaderboardService(RedisDataSource redis, Transactions tx, CampaignRegistry campaigns) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.tx = tx;
        this.campaigns = campaigns;
    }

    /** Whether the boards are known to miss credits (Redis was away) and wait to be rebuilt. */
    public boolean stale() {
        return stale;
    }

    /** Whether Redis answers a PING now; a failure marks the boards stale. */
    public boolean reachable() {
        try {
            redis.execute("PING");
            return true;
        } catch (RuntimeException e) {
            markStale("ping", e);
            return false;
        }
    }

    /** Rebuilds every live campaign's boards; on a failure the boards stay stale, to be healed later. */
    public void rebuildAll() {
        for (CampaignRegistry.Live l : campaigns.all()) {
            try {
                rebuild(l.campaign().id());
            } catch (RuntimeException e) {
                markStale("rebuild campaign=" + l.campaign().id(), e);
                return;
            }
        }
    }

    @Scheduled(every = "${baton.leaderboard.heal-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heal() {
        if (!stale || !reachable()) {
            return;
        }
        stale = false; // increments from here on reach Redis; the rebuild covers what went before
        rebuildAll();
        if (!stale) {
            LOG.infof("leaderboard=healed campaigns=%d", campaigns.all().size());
        }
    }

    private void markStale(String what, RuntimeException e) {
        if (!stale) {
            LOG.warnf("leaderboard=stale after=%s reason=%s; rebuilt from PostgreSQL when Redis answers", what,
                    e.getMessage());
        }
        stale = true;
    }

    static String key(String campaignId, By by) {
        return "baton:lb:" + campaignId + ":" + by.name().toLowerCase(Locale.ROOT);
    }

    /** Adds committed credits: one ZINCRBY per board member per call. */
    public void record(List<CreditedForward> credited) {
        if (stale) {
            return; // Redis was away: the rebuild after it returns counts these from PostgreSQL
        }
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
            markStale("update", e); // PostgreSQL has the credits; the boards are rebuilt from it
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
