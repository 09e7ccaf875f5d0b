package io.baton.prize;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.audit.store.AuditLog;
import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.db.Transactions;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.notify.SmsOutboxRelay;
import io.baton.prize.domain.Pacing;
import io.baton.prize.domain.draw.DrawAlgorithm;
import io.baton.prize.domain.draw.DrawException;
import io.baton.prize.domain.draw.DrawPool;
import io.baton.prize.domain.draw.DrawReceipt;
import io.baton.prize.domain.draw.DrawSignature;
import io.baton.prize.store.DrawStore;
import io.baton.prize.store.PrizeLedger;

/**
 * Scheduled draws (ARCHITECTURE 3.6). Closing freezes the pool of the serials credited before the
 * cutoff, publishes its size and Merkle root with the draw's public key, and can happen once, only
 * after the cutoff. The seed, entered once after the close, gives the signed receipt; the winners'
 * prizes are given in the same transaction (stock, allowance, budget, SMS with a claim code). A
 * winner who can no longer hold a prize (at {@code maxPrizesPerSubscriber} since the cutoff) is
 * passed over and the first alternate takes the place. Every close and seed is in the audit log.
 */
@ApplicationScoped
public class PrizeDraws {

    private static final Logger LOG = Logger.getLogger(PrizeDraws.class);

    /** What a close publishes. */
    public record Commitment(String drawId, int poolSize, String poolRoot, String publicKey) {
    }

    private final Transactions tx;
    private final DrawStore draws;
    private final PrizeLedger ledger;
    private final SmsOutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final AbuseCheck abuse;
    private final PrizeDesk desk;

    public PrizeDraws(Transactions tx, DrawStore draws, PrizeLedger ledger, SmsOutboxRelay relay, ObjectMapper json, Clock clock, AuditLog audit, AbuseCheck abuse, PrizeDesk desk) {
        this.audit = audit;
        this.abuse = abuse;
        this.desk = desk;
        this.tx = tx;
        this.draws = draws;
        this.ledger = ledger;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    public Commitment close(Campaign campaign, String drawId, String actor) {
        PrizeRules.Draw rule = rule(campaign, drawId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(rule.cutoff())) {
            throw new ProblemException(ProblemType.CONFLICT, "draw " + drawId + " cannot close before its cutoff "
                    + rule.cutoff() + ": serials credited until then take part");
        }
        PrizeRules rules = campaign.prizes().orElseThrow();
        DrawStore.StoredDraw d = tx.inTransaction(c -> {
            Optional<DrawStore.StoredDraw> existing = draws.find(c, campaign.id(), drawId, false);
            if (existing.isPresent()) {
                return existing.get(); // closing again answers the same commitment
            }
            byte[] key = draws.poolKey(c, campaign.id());
            List<DrawPool.Entry> entries = new ArrayList<>();
            for (DrawStore.Eligible e : draws.eligible(c, campaign.id(), rule.cutoff(), rules.maxPrizesPerSubscriber())) {
                if (AbuseCheck.blocked(rules, e.msisdn()).isPresent()) {
                    continue; // a block-listed number has no entry at all
                }
                entries.add(new DrawPool.Entry(e.serial(), DrawPool.owner(key, e.msisdn())));
            }
            DrawPool pool = DrawPool.of(entries);
            DrawSignature.Keys keys = DrawSignature.newKeys();
            DrawStore.StoredDraw fresh = new DrawStore.StoredDraw(campaign.id(), drawId, rule.tier(), rule.cutoff(),
                    pool.text(), pool.size(), pool.root(), keys.publicKey(), keys.privateKey(), null, null, null);
            if (!draws.insertClosed(c, fresh, actor)) {
                return draws.find(c, campaign.id(), drawId, false).orElseThrow();
            }
            audit.record(c, campaign.id(), actor, "draw-close", drawId,
                    "poolSize=" + pool.size() + " poolRoot=" + pool.root());
            LOG.infof("draw=closed campaign=%s draw=%s pool=%d root=%s by=%s", campaign.id(), drawId, pool.size(),
                    pool.root(), actor);
            return fresh;
        });
        return new Commitment(drawId, d.poolSize(), d.poolRoot(), d.publicKey());
    }

    public DrawReceipt seed(Campaign campaign, String drawId, String seedHex, String source, String actor) {
        PrizeRules.Draw rule = rule(campaign, drawId);
        if (source == null || source.isBlank() || source.length() > 500) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "source must say where the seed came from (1 to 500 characters)");
        }
        try {
            DrawAlgorithm.seedBytes(seedHex);
        } catch (DrawException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        DrawReceipt receipt = tx.inTransaction(c -> {
            DrawStore.StoredDraw d = draws.find(c, campaign.id(), drawId, true).orElseThrow(() -> new ProblemException(
                    ProblemType.CONFLICT, "draw " + drawId + " is not closed: close it first, then enter the seed"));
            if (d.drawn()) {
                throw new ProblemException(ProblemType.CONFLICT, "draw " + drawId + " has its seed already ("
                        + d.seed() + "); the receipt is public at .../draws/" + drawId + "/receipt");
            }
            DrawPool pool = DrawPool.parse(d.pool());
            DrawReceipt r = DrawReceipt.draw(campaign.id(), drawId, d.tierId(), d.cutoff().toString(), pool, seedHex,
                    source.strip(), rule.winners(), rule.alternates(),
                    new DrawSignature.Keys(d.privateKey(), d.publicKey()));
            draws.recordDrawn(c, campaign.id(), drawId, seedHex, source.strip(), write(r), actor);
            fill(c, campaign, drawId, OffsetDateTime.now(clock));
            audit.record(c, campaign.id(), actor, "draw-seed", drawId, "seed=" + seedHex + " source=" + source.strip());
            return r;
        });
        relay.trigger();
        LOG.infof("draw=drawn campaign=%s draw=%s winners=%s by=%s", campaign.id(), drawId, receipt.winners(), actor);
        return receipt;
    }

    /**
     * Gives the draw's open places (its winners less the wins it holds that were not rejected or
     * forfeited) to the receipt's picks in order, winners then alternates, skipping picks that
     * already had their turn: at the seed, and again when a winner is rejected in review or lets
     * the claim time pass. A pick who can no longer hold a prize (at {@code maxPrizesPerSubscriber})
     * or who is block-listed is passed over; a flagged pick's prize is held for review.
     * A place given now may be claimed until {@code now} plus the claim deadline. Answers how many
     * places were given.
     */
    int fill(Connection c, Campaign campaign, String drawId, OffsetDateTime now) throws SQLException {
        PrizeRules.Draw rule = rule(campaign, drawId);
        PrizeRules rules = campaign.prizes().orElseThrow();
        DrawStore.StoredDraw d = draws.find(c, campaign.id(), drawId, true).orElseThrow();
        DrawReceipt r = read(d.receipt());
        DrawStore.Turns turns = draws.turns(c, campaign.id(), drawId);
        int open = rule.winners() - turns.holding();
        if (open <= 0) {
            return 0;
        }
        byte[] key = draws.poolKey(c, campaign.id());
        Map<String, String> owners = new HashMap<>();
        DrawPool.parse(d.pool()).entries().forEach(e -> owners.put(e.serial(), e.owner()));
        List<String> order = new ArrayList<>(r.winners());
        order.addAll(r.alternates());
        int given = 0;
        for (int i = 0; i < order.size() && given < open; i++) {
            String serial = order.get(i);
            if (turns.had().contains(serial)) {
                continue;
            }
            DrawStore.Eligible holder = draws.holder(c, serial)
                    .filter(h -> DrawPool.owner(key, h.msisdn()).equals(owners.get(serial)))
                    .orElseThrow(() -> new IllegalStateException("serial " + serial + " of draw " + drawId
                            + " has no holder"));
            String as = i < r.winners().size() ? "draw:" + drawId : "draw:" + drawId + ":alternate";
            Savepoint sp = c.setSavepoint();
            OptionalLong cost = ledger.takeStock(c, campaign.id(), rule.tier(), 0);
            if (cost.isEmpty()) {
                c.rollback(sp);
                LOG.errorf("draw=stock-exhausted campaign=%s draw=%s tier=%s", campaign.id(), drawId, rule.tier());
                break;
            }
            if (!ledger.takeHolder(c, campaign.id(), holder.msisdn(), rules.maxPrizesPerSubscriber())
                    || !ledger.spend(c, campaign.id(), cost.getAsLong())) {
                c.rollback(sp);
                LOG.infof("draw=passed-over campaign=%s draw=%s serial=%s to=%s reason=prize-limit", campaign.id(),
                        drawId, serial, Msisdn.mask(holder.msisdn()));
                continue;
            }
            AbuseCheck.Verdict verdict = abuse.evaluate(c, campaign, holder.msisdn(), serial, d.cutoff());
            if (verdict.action() == AbuseCheck.Action.BLOCK) {
                c.rollback(sp);
                abuse.record(c, campaign, holder.msisdn(), serial, verdict);
                continue;
            }
            desk.give(c, campaign, new PrizeLedger.NewWin(campaign.id(), rule.tier(), "draw", as, serial,
                    holder.msisdn(), holder.region(), Pacing.day(d.cutoff(), campaign.timezone()), cost.getAsLong(),
                    "confirmed", WinNotice.claimCode(), now.plus(rules.claim().deadline()), d.cutoff(), drawId),
                    verdict);
            c.releaseSavepoint(sp);
            given++;
            LOG.infof("draw=given campaign=%s draw=%s serial=%s as=%s held=%s", campaign.id(), drawId, serial, as,
                    verdict.action() == AbuseCheck.Action.HOLD);
        }
        if (given < open) {
            LOG.warnf("draw=places-open campaign=%s draw=%s open=%d: the receipt's picks ran out", campaign.id(), drawId,
                    open - given);
        }
        return given;
    }

    private DrawReceipt read(String receipt) {
        try {
            return json.readValue(receipt, DrawReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt is plain data", e);
        }
    }

    public Optional<String> receipt(Campaign campaign, String drawId) {
        rule(campaign, drawId);
        return tx.read(c -> draws.find(c, campaign.id(), drawId, false).map(DrawStore.StoredDraw::receipt));
    }

    public Optional<String> pool(Campaign campaign, String drawId) {
        rule(campaign, drawId);
        return tx.read(c -> draws.find(c, campaign.id(), drawId, false).map(DrawStore.StoredDraw::pool));
    }

    private static PrizeRules.Draw rule(Campaign campaign, String drawId) {
        return campaign.prizes().flatMap(p -> p.draw(drawId)).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "campaign " + campaign.id() + " has no draw " + drawId));
    }

    private String write(DrawReceipt r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt is plain data", e);
        }
    }
}
