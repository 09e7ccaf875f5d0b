package io.baton.crediting.domain;

/** The outcome of the crediting rules for one candidate. */
public sealed interface CreditDecision {

    /** The forward counts: issue a serial. */
    record Credited() implements CreditDecision {
    }

    /** The forward does not count, and why. */
    record Rejected(RejectionReason reason) implements CreditDecision {
    }
}
