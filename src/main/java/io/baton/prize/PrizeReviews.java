package io.baton.prize;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.audit.store.AuditLog;
import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;
import io.baton.db.Transactions;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.notify.SmsOutboxRelay;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.prize.store.PrizeLedger;
import io.baton.prize.store.ReviewStore;
import io.quarkus.scheduler.Scheduled;

/**
 * The review queue and what follows a win: an operator approves a held win (it is confirmed and
 * its SMS sent, with the full claim time from then) or rejects it (the prize goes back to stock
 * and budget, and a draw's next alternate takes the place); a hold that ends without a decision
 * confirms the win; a confirmed win not claimed in time is forfeited the same way as a rejected
 * one. Every change is a guarded update from the state it expects, and every decision is in the
 * audit log with who took it.
 */
@ApplicationScoped
public class PrizeReviews {

    private static final Logger LOG = Logger.getLogger(PrizeReviews.class);
    /** The actor of what Baton does by itself (holds ending, claim times passing). */
    public static final String SYSTEM = "baton";

    private final Transactions tx;
    private final ReviewStore reviews;
    private final PrizeLedger ledger;
    private final PrizeDraws draws;
    private final SmsOutboxRepository outbox;
    private final SmsOutboxRelay relay;
    private final CampaignRegistry campaigns;
    private final AuditLog audit;
    private final Clock clock;

    public PrizeReviews(Transactions tx, ReviewStore reviews, PrizeLedger ledger, PrizeDraws draws,
            SmsOutboxRepository outbox, SmsOutboxRelay relay, CampaignRegistry campaigns, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.reviews = reviews;
        this.ledger = ledger;
        this.draws = draws;
        this.outbox = outbox;
        this.relay = relay;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ReviewStore.Review> list(String campaignId, String state, int limit) {
        return reviews.list(campaignId, state, limit);
    }

    /** An operator's decision: {@code approve} or {@code reject}, with a reason. */
    public ReviewStore.Review decide(long reviewId, String decision, String reason, String actor) {
        boolean approve = "approve".equals(decision);
        if (!approve && !"reject".equals(decision)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "decision must be approve or reject, is "
                    + (decision == null ? "missing" : "\"" + decision + "\""));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "reason must say why (1 to 1000 characters): it goes into the audit log");
        }
        ReviewStore.Review done = tx.inTransaction(c -> {
            ReviewStore.Review r = reviews.find(c, reviewId, true).orElseThrow(() -> new ProblemException(
                    ProblemType.NOT_FOUND, "no review " + reviewId));
            if (!"pending".equals(r.state())) {
                throw new ProblemException(ProblemType.CONFLICT, "review " + reviewId + " was " + r.state() + " by "
                        + r.decidedBy() + " at " + r.decidedAt() + " (" + r.decisionReason() + ")");
            }
            settle(c, r, approve, reason.strip(), actor, OffsetDateTime.now(clock));
            return reviews.find(c, reviewId, false).orElseThrow();
        });
        relay.trigger();
        return done;
    }

    /** Confirms the held wins whose hold ended without a decision. */
    @Scheduled(every = "${baton.prizes.check-every:1m}", delayed = "${baton.prizes.first-check-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int confirmed = endHolds(null, now);
        int forfeited = forfeitUnclaimed(null, now);
        if (confirmed + forfeited > 0) {
            LOG.infof("prizes=checked holds-ended=%d forfeited=%d", confirmed, forfeited);
        }
    }

    /**
     * Confirms every pending review (of one campaign, or all when null) whose hold ended before
     * {@code now}; answers how many.
     */
    public int endHolds(String campaignId, OffsetDateTime now) {
        int n = 0;
        List<Long> due;
        while (!(due = tx.read(c -> reviews.due(c, campaignId, now, 200))).isEmpty()) {
            for (long id : due) {
                if (tx.inTransaction(c -> {
                    Optional<ReviewStore.Review> r = reviews.find(c, id, true).filter(x -> "pending".equals(x.state()));
                    if (r.isPresent()) {
                        settle(c, r.get(), true, "the hold ended without a decision", SYSTEM, now);
                    }
                    return r.isPresent();
                })) {
                    n++;
                }
            }
        }
        if (n > 0) {
            relay.trigger();
        }
        return n;
    }

    /**
     * Forfeits every confirmed win (of one campaign, or all when null) whose claim time ended
     * before {@code now}: the prize goes back to stock and budget (to be given again), and a draw's
     * next alternate takes the place, with its claim time counted from {@code now}.
     */
    public int forfeitUnclaimed(String campaignId, OffsetDateTime now) {
        int n = 0;
        List<Long> due;
        while (!(due = tx.read(c -> ledger.unclaimed(c, campaignId, now, 200))).isEmpty()) {
            for (long id : due) {
                if (tx.inTransaction(c -> {
                    Optional<PrizeLedger.StoredWin> w = ledger.move(c, id, "confirmed", "forfeited");
                    if (w.isPresent()) {
                        release(c, w.get(), "win-forfeit", "not claimed by " + w.get().claimBy(), SYSTEM, now);
                    }
                    return w.isPresent();
                })) {
                    n++;
                }
            }
        }
        if (n > 0) {
            relay.trigger();
        }
        return n;
    }

    private void settle(Connection c, ReviewStore.Review r, boolean approve, String reason, String actor,
            OffsetDateTime now) throws SQLException {
        Campaign campaign = campaign(r.campaign());
        if (approve) {
            PrizeLedger.StoredWin w = ledger.move(c, r.winId(), "held", "confirmed").orElseThrow(() -> conflict(r));
            OffsetDateTime claimBy = now.plus(campaign.prizes().orElseThrow().claim().deadline());
            ledger.extendClaim(c, w.id(), claimBy);
            OffsetDateTime until = w.claimBy().isAfter(claimBy) ? w.claimBy() : claimBy;
            outbox.enqueue(c, List.of(WinNotice.to(campaign, w.msisdn(), w.tierId(), w.serial(), w.claimCode(), until)));
            reviews.decide(c, r.id(), "approved", actor, reason);
            audit.record(c, campaign.id(), actor, "review-approve", "review " + r.id(),
                    "win " + w.id() + " serial " + w.serial() + ": " + reason);
        } else {
            PrizeLedger.StoredWin w = ledger.move(c, r.winId(), "held", "rejected").orElseThrow(() -> conflict(r));
            reviews.decide(c, r.id(), "rejected", actor, reason);
            release(c, w, "review-reject", "review " + r.id() + ": " + reason, actor, now);
        }
        LOG.infof("review=%s campaign=%s review=%d serial=%s to=%s by=%s", approve ? "approved" : "rejected",
                campaign.id(), r.id(), r.serial(), Msisdn.mask(r.msisdn()), actor);
    }

    /** A prize no longer held: back to stock and budget; a draw gives the place to its next pick. */
    private void release(Connection c, PrizeLedger.StoredWin w, String action, String detail, String actor,
            OffsetDateTime now) throws SQLException {
        ledger.giveBack(c, w);
        Campaign campaign = campaign(w.campaignId());
        int taken = w.drawId() == null ? 0 : draws.fill(c, campaign, w.drawId(), now);
        audit.record(c, campaign.id(), actor, action, "win " + w.id(), "serial " + w.serial() + " tier " + w.tierId()
                + (w.drawId() == null ? "" : " draw " + w.drawId() + (taken > 0 ? ", an alternate took the place"
                        : ", no alternate left")) + ": " + detail);
    }

    private Campaign campaign(String id) {
        return campaigns.find(id).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "campaign " + id
                + " is not loaded: its prizes cannot change until it is"));
    }

    private static ProblemException conflict(ReviewStore.Review r) {
        return new ProblemException(ProblemType.CONFLICT, "the win of review " + r.id() + " is no longer held");
    }
}
