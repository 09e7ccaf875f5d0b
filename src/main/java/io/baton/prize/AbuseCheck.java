package io.baton.prize;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.prize.store.AbuseStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The anti-abuse rules of {@code prizes.abuse}, asked about a would-be winner before a prize is
 * given: a block-listed number wins nothing; a number a rule flags wins a prize that is held for
 * review; an allow-listed number is never flagged (block beats allow). Every decision is recorded
 * with its rule and reason ({@code GET /api/v1/admin/abuse}) and counted. Windows are in event
 * time, so a replay decides the same.
 */
@ApplicationScoped
public class AbuseCheck {

    private static final Logger LOG = Logger.getLogger(AbuseCheck.class);

    /** What the rules say about one would-be win. */
    public record Verdict(Action action, String rule, String reason) {

        static final Verdict CLEAR = new Verdict(Action.CLEAR, null, null);
    }

    public enum Action {
        CLEAR, HOLD, BLOCK
    }

    private final AbuseStore store;
    private final MeterRegistry metrics;

    public AbuseCheck(AbuseStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The block-list entry {@code msisdn} matches, if any. */
    public static Optional<String> blocked(PrizeRules rules, String msisdn) {
        return Optional.ofNullable(PrizeRules.Abuse.match(rules.abuse().block(), msisdn));
    }

    /**
     * What the rules say about {@code msisdn} winning with {@code serial} (earned at {@code at});
     * nothing is written: {@link #record} the verdict once the prize is decided.
     */
    public Verdict evaluate(Connection c, Campaign campaign, String msisdn, String serial, OffsetDateTime at)
            throws SQLException {
        PrizeRules.Abuse abuse = campaign.prizes().orElseThrow().abuse();
        Optional<String> block = blocked(campaign.prizes().get(), msisdn);
        if (block.isPresent()) {
            return new Verdict(Action.BLOCK, "block", Msisdn.mask(msisdn) + " matches block-list entry "
                    + mask(block.get()));
        }
        Verdict flag = flag(c, campaign.id(), abuse, msisdn, serial, at);
        if (flag.action() == Action.CLEAR) {
            return flag;
        }
        String allow = PrizeRules.Abuse.match(abuse.allow(), msisdn);
        if (allow != null) {
            return new Verdict(Action.CLEAR, "allow", "allow-list entry " + mask(allow) + " overrides " + flag.rule()
                    + ": " + flag.reason());
        }
        return flag;
    }

    private Verdict flag(Connection c, String campaignId, PrizeRules.Abuse abuse, String msisdn, String serial,
            OffsetDateTime at) throws SQLException {
        if (abuse.perSender() != null) {
            int n = store.sentWithin(c, campaignId, msisdn, at.minus(abuse.perSender().per()), at);
            if (n > abuse.perSender().max()) {
                return new Verdict(Action.HOLD, "velocity-sender", n + " credited forwards within "
                        + abuse.perSender().per() + " up to " + at + ", more than " + abuse.perSender().max());
            }
        }
        if (abuse.perRecipient() != null) {
            Optional<String> recipient = store.recipientOf(c, serial);
            if (recipient.isPresent()) {
                int n = store.receivedWithin(c, campaignId, recipient.get(), at.minus(abuse.perRecipient().per()), at);
                if (n > abuse.perRecipient().max()) {
                    return new Verdict(Action.HOLD, "velocity-recipient", "recipient " + Msisdn.mask(recipient.get())
                            + " was credited " + n + " forwards within " + abuse.perRecipient().per() + " up to " + at
                            + ", more than " + abuse.perRecipient().max());
                }
            }
        }
        if (abuse.rings() != null) {
            AbuseStore.Group g = store.group(c, campaignId, msisdn, abuse.rings().maxSize(), at);
            if (g.size() >= 2 && g.size() <= abuse.rings().maxSize() && g.crossing() == 0
                    && g.inside() >= abuse.rings().minForwards()) {
                return new Verdict(Action.HOLD, "ring", "a group of " + g.size() + " numbers passed the torch "
                        + g.inside() + " times among themselves and never to or from anyone else");
            }
        }
        if (abuse.bursts() != null && msisdn.length() > abuse.bursts().prefixDigits()) {
            String low = msisdn.substring(0, abuse.bursts().prefixDigits());
            String high = next(low);
            int n = store.newSendersWithin(c, campaignId, low, high, at.minus(abuse.bursts().per()), at);
            if (n > abuse.bursts().maxNewSenders()) {
                return new Verdict(Action.HOLD, "burst", n + " numbers starting " + low + " made their first forward "
                        + "within " + abuse.bursts().per() + " up to " + at + ", more than "
                        + abuse.bursts().maxNewSenders());
            }
        }
        return Verdict.CLEAR;
    }

    /** Records and counts a verdict that a rule gave (a clear one without a rule is not a decision). */
    public void record(Connection c, Campaign campaign, String msisdn, String serial, Verdict v) throws SQLException {
        if (v.rule() == null) {
            return;
        }
        String action = switch (v.action()) {
            case BLOCK -> "blocked";
            case HOLD -> "flagged";
            case CLEAR -> "allowed";
        };
        store.record(c, campaign.id(), msisdn, serial, v.rule(), action, v.reason());
        metrics.counter("baton.prizes.abuse", "campaign", campaign.id(), "rule", v.rule(), "action", action)
                .increment();
        LOG.infof("abuse=%s campaign=%s rule=%s to=%s serial=%s reason=\"%s\"", action, campaign.id(), v.rule(),
                Msisdn.mask(msisdn), serial, v.reason());
    }

    /** The digits right after a prefix's range: "861390555" → "861390556" (all nines: one digit longer). */
    static String next(String digits) {
        char[] d = digits.toCharArray();
        for (int i = d.length - 1; i >= 0; i--) {
            if (d[i] < '9') {
                d[i]++;
                return new String(d, 0, i + 1) + "0".repeat(d.length - i - 1);
            }
        }
        return digits + "a"; // a letter sorts after every digit, in C and in language collations
    }

    /** A list entry as a log may show it: whole numbers masked, prefixes as they are. */
    private static String mask(String entry) {
        return entry.endsWith("*") ? entry : Msisdn.mask(entry);
    }
}
