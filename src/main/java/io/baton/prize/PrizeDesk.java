package io.baton.prize;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.prize.domain.Pacing;
import io.baton.prize.store.PrizeLedger;
import io.baton.prize.store.ReviewStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Instant and milestone wins, decided in the transaction of the credits that earn them (the
 * caller's, which holds the senders' locks): a redelivered event cannot win twice (its credit is
 * decided once, and a serial wins at most once), and a crash leaves nothing reserved behind. Each
 * attempt takes stock, the subscriber's allowance and budget with conditional updates inside a
 * savepoint, so a refusal at any step gives back what the earlier steps took. A credit wins at
 * most one prize: its milestone first, else an instant prize.
 */
@ApplicationScoped
public class PrizeDesk {

    private static final Logger LOG = Logger.getLogger(PrizeDesk.class);
    /** The pacing cell of a campaign without a region split. */
    static final String EVERYWHERE = "*";

    /** A credited forward that may win: its campaign, sender, region, serial and event time. */
    public record Credit(Campaign campaign, String sender, String region, String serial, OffsetDateTime at) {
    }

    /** A prize given. */
    public record Win(long id, String campaignId, String tierId, String kind, String rule, String serial,
            String msisdn, long unitCost) {
    }

    private final PrizeLedger ledger;
    private final SmsOutboxRepository outbox;
    private final MeterRegistry metrics;
    private final AbuseCheck abuse;
    private final ReviewStore reviews;
    private final Clock clock;
    /** The catalogue last written to the stock rows, per campaign (by identity: a reload is a new object). */
    private final Map<String, PrizeRules> synced = new ConcurrentHashMap<>();

    public PrizeDesk(PrizeLedger ledger, SmsOutboxRepository outbox, MeterRegistry metrics, AbuseCheck abuse,
            ReviewStore reviews, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
        this.abuse = abuse;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Records a win that the anti-abuse verdict allows: held for review (no SMS until it is
     * confirmed) when a rule flagged it, confirmed with its SMS otherwise. Shared by credit-time
     * wins and draws.
     */
    long give(Connection c, Campaign campaign, PrizeLedger.NewWin win, AbuseCheck.Verdict verdict)
            throws SQLException {
        boolean held = verdict.action() == AbuseCheck.Action.HOLD;
        PrizeLedger.NewWin w = held ? new PrizeLedger.NewWin(win.campaignId(), win.tierId(), win.kind(), win.rule(),
                win.serial(), win.msisdn(), win.region(), win.day(), win.unitCost(), "held", win.claimCode(),
                win.claimBy(), win.wonAt(), win.drawId()) : win;
        long id = ledger.insertWin(c, w);
        if (held) {
            reviews.insert(c, campaign.id(), id, verdict.rule(), verdict.reason(),
                    OffsetDateTime.now(clock).plus(campaign.prizes().orElseThrow().review().hold()));
        } else {
            outbox.enqueue(c, List.of(WinNotice.to(campaign, w.msisdn(), w.tierId(), w.serial(), w.claimCode(),
                    w.claimBy())));
        }
        abuse.record(c, campaign, w.msisdn(), w.serial(), verdict);
        metrics.counter("baton.prizes.won", "campaign", campaign.id(), "tier", w.tierId(), "kind", w.kind(), "state",
                w.state()).increment();
        return id;
    }

    /** Decides the prizes of a batch of credits, in their order. */
    public List<Win> award(Connection c, List<Credit> credits) throws SQLException {
        Map<String, List<Credit>> byCampaign = new LinkedHashMap<>();
        for (Credit cr : credits) {
            if (cr.campaign().prizes().isPresent()) {
                byCampaign.computeIfAbsent(cr.campaign().id(), k -> new ArrayList<>()).add(cr);
            }
        }
        List<Win> wins = new ArrayList<>();
        for (List<Credit> group : byCampaign.values()) {
            wins.addAll(new Batch(c, group.get(0).campaign()).award(group));
        }
        return wins;
    }

    /** One campaign's part of a batch, with what it read cached for the batch. */
    private final class Batch {
        private final Connection c;
        private final Campaign campaign;
        private final PrizeRules rules;
        private final Map<String, Integer> reserves = new HashMap<>();
        private final Map<String, Map<String, int[]>> cells = new HashMap<>();
        /** Serials whose winner is block-listed: no further attempt for them in this batch. */
        private final java.util.Set<String> blocked = new java.util.HashSet<>();

        Batch(Connection c, Campaign campaign) {
            this.c = c;
            this.campaign = campaign;
            this.rules = campaign.prizes().orElseThrow();
        }

        List<Win> award(List<Credit> credits) throws SQLException {
            if (synced.get(campaign.id()) != rules) {
                ledger.sync(c, campaign.id(), rules);
            }
            Map<String, Long> totals = rules.milestones().isEmpty() ? Map.of()
                    : ledger.creditCounts(c, campaign.id(), credits.stream().map(Credit::sender).distinct().toList());
            Map<String, Long> later = new HashMap<>();
            for (Credit cr : credits) {
                later.merge(cr.sender(), 1L, Long::sum);
            }
            List<Win> wins = new ArrayList<>();
            for (Credit cr : credits) {
                long laterInBatch = later.merge(cr.sender(), -1L, Long::sum);
                long ordinal = totals.getOrDefault(cr.sender(), 0L) - laterInBatch;
                Win w = milestone(cr, ordinal);
                if (w == null) {
                    w = instant(cr);
                }
                if (w != null) {
                    wins.add(w);
                }
            }
            synced.put(campaign.id(), rules); // after the writes: a failed transaction syncs again
            return wins;
        }

        private Win milestone(Credit cr, long ordinal) throws SQLException {
            for (PrizeRules.Milestone m : rules.milestones()) {
                boolean reached = m.firstForward() ? ordinal == 1 : ordinal > 0 && ordinal % m.everyNthForward() == 0;
                if (reached) {
                    String rule = m.firstForward() ? "first-forward" : "every-" + m.everyNthForward() + "th";
                    Win w = attempt(cr, m.tier(), "milestone", rule, null);
                    if (w != null) {
                        return w;
                    }
                }
            }
            return null;
        }

        private Win instant(Credit cr) throws SQLException {
            for (PrizeRules.InstantRule rule : rules.instant()) {
                Win w;
                if (rule.pacing() == PrizeRules.Pacing.NONE) {
                    w = attempt(cr, rule.tier(), "instant", "instant:" + rule.tier(), null);
                } else {
                    w = paced(cr, rule);
                }
                if (w != null) {
                    return w;
                }
            }
            return null;
        }

        private Win paced(Credit cr, PrizeRules.InstantRule rule) throws SQLException {
            LocalDate day = Pacing.day(cr.at(), campaign.timezone());
            Map<String, int[]> plan = dayCells(rule, day);
            String region = rule.regions().isSplit() ? cr.region() : EVERYWHERE;
            int[] cell = plan.get(region);
            if (cell == null || cell[1] >= cell[0]) {
                return null;
            }
            int allowed = Pacing.allowed(cell[0], day, campaign.timezone(), cr.at());
            if (cell[1] >= allowed) {
                return null;
            }
            Win w = attempt(cr, rule.tier(), "instant", "instant:" + rule.tier() + " even", new Cell(day, region, allowed));
            if (w != null) {
                cell[1]++;
            } else {
                // another transaction took the cell's last unit, or the stock ran out: read it again next time
                cells.remove(rule.tier() + "@" + day);
            }
            return w;
        }

        private record Cell(LocalDate day, String region, int allowed) {
        }

        private Map<String, int[]> dayCells(PrizeRules.InstantRule rule, LocalDate day) throws SQLException {
            String key = rule.tier() + "@" + day;
            Map<String, int[]> known = cells.get(key);
            if (known != null) {
                return known;
            }
            Map<String, int[]> read = ledger.cells(c, campaign.id(), rule.tier(), day);
            if (read.isEmpty()) {
                int left = Pacing.daysLeft(day, Pacing.days(campaign.starts(), campaign.ends(), campaign.timezone()));
                int quota = Pacing.dayQuota(ledger.stockLeft(c, campaign.id(), rule.tier(), reserve(rule.tier())), left);
                ledger.plan(c, campaign.id(), rule.tier(), day, Pacing.split(quota, weights(rule)));
                read = ledger.cells(c, campaign.id(), rule.tier(), day);
                LOG.infof("prize=planned campaign=%s tier=%s day=%s quota=%d days-left=%d", campaign.id(), rule.tier(),
                        day, quota, left);
            }
            cells.put(key, read);
            return read;
        }

        private Map<String, Double> weights(PrizeRules.InstantRule rule) throws SQLException {
            Map<String, Double> w = new LinkedHashMap<>();
            if (!rule.regions().isSplit()) {
                w.put(EVERYWHERE, 1.0);
            } else if (!rule.regions().shares().isEmpty()) {
                w.putAll(rule.regions().shares());
            } else {
                campaign.regions().forEach(r -> w.put(r.name(), 0.0));
                if (w.isEmpty()) {
                    w.put(Campaign.OTHER_REGION, 0.0);
                }
                ledger.participantsByRegion(c, campaign.id()).forEach((region, n) -> w.put(region, n.doubleValue()));
            }
            return w;
        }

        /** What the tier's draws still hold back: their winners not drawn yet. */
        private int reserve(String tier) throws SQLException {
            Integer r = reserves.get(tier);
            if (r == null) {
                int wanted = rules.draws().stream().filter(d -> d.tier().equals(tier)).mapToInt(PrizeRules.Draw::winners)
                        .sum();
                r = wanted == 0 ? 0 : Math.max(0, wanted - ledger.drawn(c, campaign.id(), tier));
                reserves.put(tier, r);
            }
            return r;
        }

        /** One try at a prize; everything it took is given back when a later step refuses. */
        private Win attempt(Credit cr, String tier, String kind, String rule, Cell cell)
                throws SQLException {
            if (blocked.contains(cr.serial())) {
                return null;
            }
            Savepoint sp = c.setSavepoint();
            try {
                if (cell != null && !ledger.takeCell(c, campaign.id(), tier, cell.day(), cell.region(), cell.allowed())) {
                    c.rollback(sp);
                    return null;
                }
                OptionalLong cost = ledger.takeStock(c, campaign.id(), tier, reserve(tier));
                if (cost.isEmpty() || !ledger.takeHolder(c, campaign.id(), cr.sender(), rules.maxPrizesPerSubscriber())
                        || !ledger.spend(c, campaign.id(), cost.getAsLong())) {
                    c.rollback(sp);
                    return null;
                }
                AbuseCheck.Verdict verdict = abuse.evaluate(c, campaign, cr.sender(), cr.serial(), cr.at());
                if (verdict.action() == AbuseCheck.Action.BLOCK) {
                    c.rollback(sp);
                    blocked.add(cr.serial());
                    abuse.record(c, campaign, cr.sender(), cr.serial(), verdict);
                    return null;
                }
                OffsetDateTime claimBy = cr.at().plus(rules.claim().deadline());
                LocalDate day = Pacing.day(cr.at(), campaign.timezone());
                long id = give(c, campaign, new PrizeLedger.NewWin(campaign.id(), tier, kind, rule, cr.serial(),
                        cr.sender(), cr.region(), day, cost.getAsLong(), "confirmed", WinNotice.claimCode(), claimBy,
                        cr.at(), null), verdict);
                c.releaseSavepoint(sp);
                LOG.debugf("prize=won campaign=%s tier=%s kind=%s serial=%s to=%s held=%s", campaign.id(), tier, kind,
                        cr.serial(), Msisdn.mask(cr.sender()), verdict.action() == AbuseCheck.Action.HOLD);
                return new Win(id, campaign.id(), tier, kind, rule, cr.serial(), cr.sender(), cost.getAsLong());
            } catch (SQLException | RuntimeException e) {
                c.rollback(sp);
                throw e;
            }
        }
    }
}
