package io.baton.notify.smpp;

/**
 * A submit_sm that did not get an OK submit_sm_resp. {@code transientFailure}: worth trying again
 * (throttled, queue full, no bound session, timeout, connection lost); otherwise the SMSC refused
 * the content for good.
 */
public final class SubmitFailure extends Exception {

    private final boolean transientFailure;

    public SubmitFailure(String reason, boolean transientFailure) {
        super(reason, null, false, false);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
