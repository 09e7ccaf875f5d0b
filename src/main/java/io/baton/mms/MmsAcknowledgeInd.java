package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-acknowledge-ind: the recipient confirms a retrieval.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param reportAllowed X-Mms-Report-Allowed
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsAcknowledgeInd(
        String transactionId,
        String mmsVersion,
        Boolean reportAllowed,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsAcknowledgeInd {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_ACKNOWLEDGE_IND;
    }
}
