package io.baton.prize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.prize.store.PrizeFigures;

/**
 * The public face of prizes for the stats and the live stream: the newest confirmed or claimed
 * wins, numbers masked, with the prize's name. Read at most every {@link #FRESH} per campaign,
 * however many viewers a stream has.
 */
@ApplicationScoped
public class RecentWins {

    /** How old a cached read may be: well inside the stream's promised second. */
    static final Duration FRESH = Duration.ofMillis(250);
    /** How many of the newest wins are kept and shown. */
    public static final int SHOWN = 10;

    /** A win as the public sees it. */
    public record WinEvent(long id, String tier, String prize, String kind, String msisdn, String region,
            OffsetDateTime at) {
    }

    private record Cached(long readAt, List<WinEvent> wins) {
    }

    private final PrizeFigures figures;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RecentWins(PrizeFigures figures) {
        this.figures = figures;
    }

    /** The newest public wins, newest first (none for a campaign without prizes). */
    public List<WinEvent> newest(Campaign campaign) {
        if (campaign.prizes().isEmpty()) {
            return List.of();
        }
        long now = System.nanoTime();
        Cached c = cache.get(campaign.id());
        if (c == null || now - c.readAt() > FRESH.toNanos()) {
            PrizeRules rules = campaign.prizes().get();
            List<WinEvent> wins = figures.recentWins(campaign.id(), 0, SHOWN).stream()
                    .map(w -> new WinEvent(w.id(), w.tier(), rules.tier(w.tier()).map(PrizeRules.Tier::name)
                            .orElse(w.tier()), w.kind(), Msisdn.mask(w.msisdn()), w.region(), w.wonAt()))
                    .toList();
            c = new Cached(now, wins);
            cache.put(campaign.id(), c);
        }
        return c.wins();
    }

    /** The campaign's prizes given (held, confirmed or claimed) and claimed. */
    public PrizeFigures.Counts counts(Campaign campaign) {
        return campaign.prizes().isEmpty() ? new PrizeFigures.Counts(0, 0) : figures.counts(campaign.id());
    }
}
