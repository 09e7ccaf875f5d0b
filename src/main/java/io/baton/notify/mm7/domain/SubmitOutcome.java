package io.baton.notify.mm7.domain;

import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Status;

/**
 * What a SubmitReq attempt came to, and the classification of MMSC answers into accepted,
 * transient (retry with backoff) and permanent (the seed is {@code failed}). The table with its
 * reasons is in docs/mm7.md.
 */
public sealed interface SubmitOutcome {

    /** Accepted (1000, or 1100 partial success): the MMSC's MessageID. */
    record Accepted(String messageId, Mm7Status status) implements SubmitOutcome {
    }

    /** Worth another attempt with the same TransactionID. */
    record Transient(String reason) implements SubmitOutcome {
    }

    /** Another attempt would get the same answer. */
    record Permanent(String reason) implements SubmitOutcome {
    }

    /** An MM7 status code from a SubmitRsp or from the RSErrorRsp of a SOAP Fault. */
    static SubmitOutcome ofStatus(Mm7Status status, String messageId) {
        int code = status.code();
        String reason = code + " " + status.text();
        if (status.isSuccess()) {
            return new Accepted(messageId, status);
        }
        if (code == Mm7Status.SERVER_ERROR || code == Mm7Status.SERVICE_ERROR
                || code == Mm7Status.SERVICE_UNAVAILABLE) {
            return new Transient(reason);
        }
        if (code >= 1000 && code < 2000) {
            // an unknown success-class code: the MMSC took the message, without a usable promise
            return new Accepted(messageId, status);
        }
        return new Permanent(reason);
    }

    /** The HTTP answer: its status and the MM7 message its body decoded to (null when unreadable). */
    static SubmitOutcome ofResponse(int httpStatus, Mm7Message answer, String unreadableReason) {
        if (answer instanceof Mm7Message.SubmitRsp rsp) {
            if (rsp.status().isSuccess() && (rsp.messageId() == null || rsp.messageId().isBlank())) {
                return new Transient("SubmitRsp " + rsp.status().code() + " without MessageID");
            }
            return ofStatus(rsp.status(), rsp.messageId());
        }
        if (answer instanceof Mm7Message.Fault fault && fault.status() != null) {
            return ofStatus(fault.status(), null);
        }
        String what = answer != null ? "HTTP " + httpStatus + " with " + answer.operation()
                : "HTTP " + httpStatus + (unreadableReason == null ? "" : " (" + unreadableReason + ")");
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429) {
            return new Transient(what);
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            // accepted or not, we cannot tell: retrying with the same TransactionID lets the MMSC dedupe
            return new Transient(what + ", not a SubmitRsp");
        }
        return new Permanent(what);
    }
}
