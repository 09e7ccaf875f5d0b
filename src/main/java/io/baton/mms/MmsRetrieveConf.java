package io.baton.mms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * m-retrieve-conf: the message as the recipient fetches it.
 *
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
 * @param body Content-Type and the body
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
}
