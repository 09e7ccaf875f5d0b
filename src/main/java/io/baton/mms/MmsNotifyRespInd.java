package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-notifyresp-ind: the recipient's answer to a notification.
 *
 * @param transactionId X-Mms-Transaction-Id
 * @param status X-Mms-Status
 * @param reportAllowed X-Mms-Report-Allowed
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
