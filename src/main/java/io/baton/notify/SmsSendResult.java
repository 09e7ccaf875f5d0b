package io.baton.notify;

/** How one attempt to hand a notice to the network ended. */
public sealed interface SmsSendResult {

    /** The network took every segment (the SMSC answered each submit_sm with OK). */
    record Accepted(int segments) implements SmsSendResult {
    }

    /** Not taken now, known not accepted (or, for a lost connection, not known accepted): try again later. */
    record Transient(String reason) implements SmsSendResult {
    }

    /** Never to be taken as it is (bad destination, refused content): the notice ends {@code failed}. */
    record Permanent(String reason) implements SmsSendResult {
    }
}
