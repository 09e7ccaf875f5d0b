package io.baton.mms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * m-delivery-ind: the MMSC reports the fate of a sent message to its sender.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param messageId Message-ID
 * @param to To
 * @param date Date
 * @param status X-Mms-Status
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsDeliveryInd(
        String mmsVersion,
        String messageId,
        List<String> to,
        Instant date,
        MmsStatus status,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsDeliveryInd {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        to = to == null ? List.of() : List.copyOf(to);
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_DELIVERY_IND;
    }
}
