package io.baton.crediting.domain;

import java.time.Duration;

import io.baton.campaign.domain.Campaign;

/**
 * The crediting rules of a campaign, applied in a fixed order so the reason recorded is the
 * most telling one: self-send, campaign window, handset re-send, per-pair limit, daily limit.
 */
public final class CreditPolicy {

    private CreditPolicy() {
    }

    public static CreditDecision decide(Campaign campaign, CreditCandidate c, CreditHistory history) {
        if (c.sender().equals(c.recipient())) {
            return new CreditDecision.Rejected(RejectionReason.SELF_SEND);
        }
        if (!campaign.runsAt(c.submittedAt())) {
            return new CreditDecision.Rejected(RejectionReason.OUTSIDE_CAMPAIGN);
        }
        Campaign.CreditingRules rules = campaign.crediting();
        Duration window = rules.resendWindow();
        boolean resent = history.pairSubmitTimes().stream()
                .anyMatch(t -> Duration.between(t, c.submittedAt()).abs().compareTo(window) < 0);
        if (resent) {
            return new CreditDecision.Rejected(RejectionReason.RESENT);
        }
        if (history.pairSubmitTimes().size() >= rules.maxCreditsPerPair()) {
            return new CreditDecision.Rejected(RejectionReason.PAIR_LIMIT);
        }
        if (history.senderCreditsThatDay() >= rules.maxCreditsPerSenderPerDay()) {
            return new CreditDecision.Rejected(RejectionReason.DAILY_LIMIT);
        }
        return new CreditDecision.Credited();
    }
}
