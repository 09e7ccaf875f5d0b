package io.baton.crediting.domain;

/** Why a forward that reached its recipient earned nothing. Stored; shown to campaign managers. */
public enum RejectionReason {
    /** Sender and recipient are the same subscriber. */
    SELF_SEND(false),
    /** Submitted outside the campaign's starts/ends. */
    OUTSIDE_CAMPAIGN(false),
    /** The handset re-sent a message already credited for this pair (new message id, same pair). */
    RESENT(true),
    /** The pair has reached maxCreditsPerPair. */
    PAIR_LIMIT(true),
    /** The sender has reached maxCreditsPerSenderPerDay. */
    DAILY_LIMIT(false);

    private final boolean duplicate;

    RejectionReason(boolean duplicate) {
        this.duplicate = duplicate;
    }

    /** Counted in the campaign's {@code duplicatesIgnored}. */
    public boolean isDuplicate() {
        return duplicate;
    }
}
