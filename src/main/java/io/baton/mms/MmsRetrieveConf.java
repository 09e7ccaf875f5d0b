package io.baton.mms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * m-retrieve-conf: the message as the recipient fetches it.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param messageId Message-ID
 * @param date Date
 * @param from From: the address, or {@link MmsPdu#INSERT_ADDRESS_TOKEN}
 * @param to To
 * @param cc Cc
 * @param subject Subject
 * @param messageClass X-Mms-Message-Class
 * @param priority X-Mms-Priority
 * @param deliveryReport X-Mms-Delivery-Report
 * @param readReport X-Mms-Read-Report
 * @param retrieveStatus X-Mms-Retrieve-Status
 * @param retrieveText X-Mms-Retrieve-Text
 * @param body Content-Type and the body ({@code null} when the PDU has no Content-Type)
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsRetrieveConf(
        String transactionId,
        String mmsVersion,
        String messageId,
        Instant date,
        String from,
        List<String> to,
        List<String> cc,
        MmsEncodedString subject,
        String messageClass,
        MmsPriority priority,
        Boolean deliveryReport,
        Boolean readReport,
        MmsRetrieveStatus retrieveStatus,
        MmsEncodedString retrieveText,
        MmsBody body,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsRetrieveConf {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_RETRIEVE_CONF;
    }

    /** X-Mms-Previously-Sent-By and -Date of a forwarded message, in wire order. */
    public List<MmsPreviouslySent> previouslySent() {
        return extraHeaders.stream().map(MmsHeader::value).filter(MmsPreviouslySent.class::isInstance)
                .map(MmsPreviouslySent.class::cast).toList();
    }
}
