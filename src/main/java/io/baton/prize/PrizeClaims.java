package io.baton.prize;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.prize.store.PrizeClaimStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * MO {@code "<claim keyword> <code>"} to a campaign's short code. The answer is always a helpful
 * SMS, never an error to the network: claimed, already claimed, under review, expired, or a code
 * this number does not hold. Keyword and code are read after NFKC (full-width letters), in any case.
 */
@ApplicationScoped
public class PrizeClaims {

    private static final Logger LOG = Logger.getLogger(PrizeClaims.class);

    /** What a claim came to, and the answer to send. */
    public record Answer(String outcome, String text) {
    }

    private final PrizeClaimStore store;
    private final MeterRegistry metrics;

    public PrizeClaims(PrizeClaimStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The code when {@code text} is the campaign's claim keyword followed by a code. */
    public static Optional<String> claimCode(Campaign campaign, String text) {
        Optional<PrizeRules> rules = campaign.prizes();
        if (rules.isEmpty() || text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        String keyword = rules.get().claim().keyword().toUpperCase(Locale.ROOT);
        String[] words = t.split("\\s+", 2);
        String code;
        if (words.length == 2 && words[0].equals(keyword)) {
            code = words[1].replaceAll("[\\s-]", "");
        } else if (t.length() == keyword.length() + WinNotice.CODE_LENGTH && t.startsWith(keyword)) {
            code = t.substring(keyword.length()); // "LJABCD2345": the space forgotten
        } else {
            return Optional.empty();
        }
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    public Answer claim(Campaign campaign, Msisdn from, String code, OffsetDateTime at) {
        PrizeRules rules = campaign.prizes().orElseThrow();
        Optional<PrizeClaimStore.Claimable> win = store.claim(campaign.id(), from.digits(), code, at);
        String outcome;
        String text;
        if (win.isEmpty()) {
            outcome = "unknown-code";
            text = "We found no prize with code " + code + " for this number. Check the code in your prize SMS and "
                    + "text " + rules.claim().keyword() + " <code> again.";
        } else {
            PrizeClaimStore.Claimable w = win.get();
            String prize = rules.tier(w.tierId()).map(PrizeRules.Tier::name).orElse(w.tierId());
            if (w.claimedNow()) {
                outcome = "claimed";
                text = "Your prize " + prize + " (serial " + w.serial() + ") is claimed. We will contact you to hand it "
                        + "over.";
            } else if ("claimed".equals(w.state())) {
                outcome = "already-claimed";
                text = "Your prize " + prize + " was already claimed on " + WinNotice.local(campaign, w.claimedAt()) + ".";
            } else if ("held".equals(w.state())) {
                outcome = "under-review";
                text = "Your prize " + prize + " is being checked. You can claim it once it is confirmed.";
            } else if ("confirmed".equals(w.state())) {
                outcome = "expired";
                text = "The time to claim " + prize + " ended on " + WinNotice.local(campaign, w.claimBy()) + ".";
            } else {
                outcome = "not-claimable";
                text = "This prize can no longer be claimed (" + w.state() + ").";
            }
        }
        metrics.counter("baton.prizes.claims", "campaign", campaign.id(), "outcome", outcome).increment();
        LOG.infof("prize=claim campaign=%s from=%s outcome=%s", campaign.id(), from, outcome);
        return new Answer(outcome, text);
    }
}
