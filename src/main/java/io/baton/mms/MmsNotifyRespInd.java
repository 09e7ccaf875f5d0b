package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-notifyresp-ind: the recipient's answer to a notification.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param status X-Mms-Status
 * @param reportAllowed X-Mms-Report-Allowed
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsNotifyRespInd(
        String transactionId,
        String mmsVersion,
        MmsStatus status,
        Boolean reportAllowed,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsNotifyRespInd {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_NOTIFYRESP_IND;
    }
}
