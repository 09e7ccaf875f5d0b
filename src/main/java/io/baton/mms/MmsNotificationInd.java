package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-notification-ind: the MMSC tells the recipient a message waits at {@code contentLocation}.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param from From: the address, or {@link MmsPdu#INSERT_ADDRESS_TOKEN}
 * @param subject Subject
 * @param messageClass X-Mms-Message-Class
 * @param messageSize X-Mms-Message-Size
 * @param expiry X-Mms-Expiry
 * @param contentLocation X-Mms-Content-Location
 * @param deliveryReport X-Mms-Delivery-Report
 * @param priority X-Mms-Priority
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsNotificationInd(
        String transactionId,
        String mmsVersion,
        String from,
        MmsEncodedString subject,
        String messageClass,
        Long messageSize,
        MmsTimeValue expiry,
        String contentLocation,
        Boolean deliveryReport,
        MmsPriority priority,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsNotificationInd {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_NOTIFICATION_IND;
    }
}
