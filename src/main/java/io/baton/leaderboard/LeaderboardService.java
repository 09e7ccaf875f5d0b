package io.baton.leaderboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.CampaignRegistry;
import io.baton.common.Msisdn;
import io.baton.crediting.domain.CreditedForward;
import io.baton.leaderboard.store.ForwardCounts;
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
        CITY, SENDER;

        public static By parse(String s) {
            return s == null ? CITY : valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** One row of a board; sender keys are masked (public page). */
    public record Entry(int rank, String key, long forwards) {
    }

    private final RedisDataSource redis;
    private final SortedSetCommands<String, String> zsets;
    private final ForwardCounts forwardCounts;
    private final CampaignRegistry campaigns;
    /**
     * Set when Redis failed an update or a ping: the boards miss credits. While set, updates are
     * skipped (each would wait for Redis's timeout on the tracking thread); {@link #heal} rebuilds
     * every board from PostgreSQL once Redis answers again.
     */
    private volatile boolean stale;

    public LeaderboardService(RedisDataSource redis, ForwardCounts forwardCounts, CampaignRegistry campaigns) {
        this.redis = redis;
        this.zsets = redis.sortedSet(String.class);
        this.forwardCounts = forwardCounts;
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

    private static String prefix(String campaignId) {
        return "baton:lb:" + campaignId + ":";
    }

    /**
     * Adds committed credits to the boards, one script per campaign. An increment whose transaction
     * the board's last rebuild already counted (it is in that rebuild's snapshot) is skipped; every
     * increment is also logged for each rebuild in progress, which replays those its own snapshot
     * did not count when it swaps its boards in. So a credit is counted once whichever way its
     * increment and the rebuilds of any instance interleave.
     */
    public void record(List<CreditedForward> credited) {
        if (stale) {
            return; // Redis was away: the rebuild after it returns counts these from PostgreSQL
        }
        Map<String, Map<List<String>, Integer>> increments = new HashMap<>();
        for (CreditedForward f : credited) {
            Map<List<String>, Integer> campaign = increments.computeIfAbsent(f.campaignId(), k -> new HashMap<>());
            campaign.merge(List.of(f.xid(), "c", f.region()), 1, Integer::sum);
            campaign.merge(List.of(f.xid(), "s", f.sender()), 1, Integer::sum);
        }
        try {
            increments.forEach((campaignId, members) -> {
                String p = prefix(campaignId);
                List<String> args = new ArrayList<>(List.of(RECORD, "5", key(campaignId, By.CITY),
                        key(campaignId, By.SENDER), p + "rebuilds", p + "snapshot", p + "delta:"));
                members.forEach((k, n) -> {
                    args.addAll(k);
                    args.add(Integer.toString(n));
                });
                redis.execute("EVAL", args.toArray(String[]::new));
            });
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

    /**
     * Replaces both boards of a campaign with counts from PostgreSQL. Safe while this and other
     * instances credit and rebuild: the rebuild registers itself before it reads (credits from then
     * on are logged for it), reads both boards' counts in one snapshot, and swaps its boards in with
     * one script that first adds the logged credits its snapshot did not see.
     */
    public void rebuild(String campaignId) {
        rebuild(campaignId, () -> {
        });
    }

    /** {@link #rebuild(String)}, running {@code beforeSwap} after the counts are read (tests stage races there). */
    void rebuild(String campaignId, Runnable beforeSwap) {
        String p = prefix(campaignId);
        for (int attempt = 1;; attempt++) {
            String token = UUID.randomUUID().toString();
            redis.execute("EVAL", REGISTER, "1", p + "rebuilds", token, Long.toString(REBUILD_TTL.toMillis()));
            ForwardCounts.Counts counts = forwardCounts.read(campaignId);
            String tmpCity = key(campaignId, By.CITY) + ":rebuild:" + token;
            String tmpSender = key(campaignId, By.SENDER) + ":rebuild:" + token;
            fill(tmpCity, counts.byRegion());
            fill(tmpSender, counts.bySender());
            beforeSwap.run();
            ForwardCounts.Snapshot snap = counts.snapshot();
            String xip = String.join(",", snap.inProgress().stream().map(String::valueOf).toList());
            long swapped = redis.execute("EVAL", FINISH, "7", key(campaignId, By.CITY), key(campaignId, By.SENDER),
                    p + "rebuilds", p + "snapshot", p + "delta:" + token, tmpCity, tmpSender, token,
                    Long.toString(snap.xmin()), Long.toString(snap.xmax()), xip).toLong();
            if (swapped == 1) {
                LOG.infof("leaderboard=rebuilt campaign=%s regions=%d senders=%d", campaignId, counts.byRegion().size(),
                        counts.bySender().size());
                return;
            }
            if (attempt == 3) {
                throw new IllegalStateException("leaderboard rebuild of campaign " + campaignId + " took longer than "
                        + REBUILD_TTL + " three times");
            }
            LOG.warnf("leaderboard=rebuild-expired campaign=%s attempt=%d; starting again", campaignId, attempt);
        }
    }

    private void fill(String key, Map<String, Long> counts) {
        redis.key().del(key);
        List<String> members = new ArrayList<>(counts.keySet());
        for (int i = 0; i < members.size(); i += 1000) {
            Map<String, Double> chunk = new HashMap<>();
            for (String m : members.subList(i, Math.min(members.size(), i + 1000))) {
                chunk.put(m, (double) counts.get(m));
            }
            zsets.zadd(key, chunk);
        }
        redis.key().pexpire(key, LEFTOVER_TTL.toMillis());
    }

    /** How long a rebuild may take before its registration lapses (a crashed rebuilder is forgotten). */
    static final Duration REBUILD_TTL = Duration.ofMinutes(5);
    /** How long what a crashed rebuilder left behind (its boards, its log) stays in Redis. */
    static final Duration LEFTOVER_TTL = Duration.ofMinutes(10);

    /**
     * Whether transaction ARGV xid is in the snapshot (xmin, xmax, set of in-progress xids): the
     * transaction committed before the snapshot was taken: it is below xmin, or below xmax and not in
     * progress then (PostgreSQL's visibility rule for {@code pg_snapshot}).
     */
    private static final String SEES = """
            local function sees(xid, xmin, xmax, xip)
              if xmin == nil then return false end
              local x = tonumber(xid)
              return x < xmin or (x < xmax and not xip[xid])
            end
            local function xips(list)
              local t = {}
              if list then for x in string.gmatch(list, '[^,]+') do t[x] = true end end
              return t
            end
            """;

    /**
     * KEYS: city board, sender board, rebuilds (token → deadline), last rebuild's snapshot, delta
     * key prefix; ARGV: quadruples xid, board (c|s), member, increment.
     */
    private static final String RECORD = SEES + """
            local t = redis.call('TIME')
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', t[1] * 1000 + math.floor(t[2] / 1000))
            local snap = redis.call('HMGET', KEYS[4], 'xmin', 'xmax', 'xip')
            local xmin, xmax, xip = tonumber(snap[1]), tonumber(snap[2]), xips(snap[3])
            for i = 1, #ARGV, 4 do
              if not sees(ARGV[i], xmin, xmax, xip) then
                redis.call('ZINCRBY', ARGV[i + 1] == 'c' and KEYS[1] or KEYS[2], ARGV[i + 3], ARGV[i + 2])
              end
            end
            for _, token in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
              local log = KEYS[5] .. token
              for i = 1, #ARGV, 4000 do
                redis.call('RPUSH', log, unpack(ARGV, i, math.min(i + 3999, #ARGV)))
              end
              redis.call('PEXPIRE', log, %d)
            end
            return 1
            """.formatted(LEFTOVER_TTL.toMillis());

    /** KEYS: rebuilds; ARGV: token, how long it may take (ms). */
    private static final String REGISTER = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            return 1
            """;

    /**
     * KEYS: city board, sender board, rebuilds, snapshot, this rebuild's delta log, its city board,
     * its sender board; ARGV: token, xmin, xmax, xip list. Returns 0 when the registration lapsed.
     */
    private static final String FINISH = SEES + """
            if not redis.call('ZSCORE', KEYS[3], ARGV[1]) then
              redis.call('DEL', KEYS[5], KEYS[6], KEYS[7])
              return 0
            end
            local xmin, xmax, xip = tonumber(ARGV[2]), tonumber(ARGV[3]), xips(ARGV[4])
            local n = redis.call('LLEN', KEYS[5])
            for i = 0, n - 1, 4000 do
              local chunk = redis.call('LRANGE', KEYS[5], i, i + 3999)
              for j = 1, #chunk, 4 do
                if not sees(chunk[j], xmin, xmax, xip) then
                  redis.call('ZINCRBY', chunk[j + 1] == 'c' and KEYS[6] or KEYS[7], chunk[j + 3], chunk[j + 2])
                end
              end
            end
            for b = 1, 2 do
              if redis.call('EXISTS', KEYS[5 + b]) == 1 then
                redis.call('RENAME', KEYS[5 + b], KEYS[b])
                redis.call('PERSIST', KEYS[b])
              else
                redis.call('DEL', KEYS[b])
              end
            end
            redis.call('HSET', KEYS[4], 'xmin', ARGV[2], 'xmax', ARGV[3], 'xip', ARGV[4])
            redis.call('DEL', KEYS[5])
            redis.call('ZREM', KEYS[3], ARGV[1])
            return 1
            """;
}
