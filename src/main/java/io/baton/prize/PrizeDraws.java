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
import io.baton.notify.store.SmsOutboxRepository;
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
    private final SmsOutboxRepository outbox;
    private final SmsOutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;

    public PrizeDraws(Transactions tx, DrawStore draws, PrizeLedger ledger, SmsOutboxRepository outbox,
            SmsOutboxRelay relay, ObjectMapper json, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.tx = tx;
        this.draws = draws;
        this.ledger = ledger;
        this.outbox = outbox;
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
            give(c, campaign, rule, d, pool, r);
            audit.record(c, campaign.id(), actor, "draw-seed", drawId, "seed=" + seedHex + " source=" + source.strip());
            return r;
        });
        relay.trigger();
        LOG.infof("draw=drawn campaign=%s draw=%s winners=%s by=%s", campaign.id(), drawId, receipt.winners(), actor);
        return receipt;
    }

    /** The winners' prizes; an alternate takes the place of a winner who can no longer hold one. */
    private void give(Connection c, Campaign campaign, PrizeRules.Draw rule, DrawStore.StoredDraw d, DrawPool pool,
            DrawReceipt r) throws SQLException {
        PrizeRules rules = campaign.prizes().orElseThrow();
        byte[] key = draws.poolKey(c, campaign.id());
        Map<String, String> holders = new HashMap<>();
        for (DrawStore.Eligible e : draws.eligible(c, campaign.id(), d.cutoff(), Integer.MAX_VALUE)) {
            holders.put(e.serial(), e.msisdn());
        }
        Map<String, String> owners = new HashMap<>();
        pool.entries().forEach(e -> owners.put(e.serial(), e.owner()));
        List<String> order = new ArrayList<>(r.winners());
        order.addAll(r.alternates());
        int given = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String serial : order) {
            if (given == rule.winners()) {
                break;
            }
            String msisdn = holders.get(serial);
            if (msisdn == null || !DrawPool.owner(key, msisdn).equals(owners.get(serial))) {
                throw new IllegalStateException("serial " + serial + " of draw " + d.drawId() + " has no holder");
            }
            Savepoint sp = c.setSavepoint();
            OptionalLong cost = ledger.takeStock(c, campaign.id(), rule.tier(), 0);
            if (cost.isEmpty()) {
                c.rollback(sp);
                LOG.errorf("draw=stock-exhausted campaign=%s draw=%s tier=%s", campaign.id(), d.drawId(), rule.tier());
                break;
            }
            if (!ledger.takeHolder(c, campaign.id(), msisdn, rules.maxPrizesPerSubscriber())
                    || !ledger.spend(c, campaign.id(), cost.getAsLong())) {
                c.rollback(sp);
                LOG.infof("draw=passed-over campaign=%s draw=%s serial=%s to=%s reason=prize-limit", campaign.id(),
                        d.drawId(), serial, Msisdn.mask(msisdn));
                continue;
            }
            c.releaseSavepoint(sp);
            String code = WinNotice.claimCode();
            OffsetDateTime claimBy = now.plus(rules.claim().deadline());
            ledger.insertWin(c, new PrizeLedger.NewWin(campaign.id(), rule.tier(), "draw", "draw:" + d.drawId(), serial,
                    msisdn, draws.regionOf(c, serial), Pacing.day(d.cutoff(), campaign.timezone()), cost.getAsLong(),
                    "confirmed", code, claimBy, d.cutoff()));
            outbox.enqueue(c, List.of(WinNotice.to(campaign, msisdn, rule.tier(), serial, code, claimBy)));
            given++;
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
