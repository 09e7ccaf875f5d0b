package io.baton.mms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * m-send-req: what a handset posts to the MMSC to send (or forward) a message.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param date Date
 * @param from From: the address, or {@link MmsPdu#INSERT_ADDRESS_TOKEN}
 * @param to To
 * @param cc Cc
 * @param bcc Bcc
 * @param subject Subject
 * @param messageClass X-Mms-Message-Class: Personal, Advertisement, Informational, Auto or a token
 * @param expiry X-Mms-Expiry
 * @param deliveryTime X-Mms-Delivery-Time
 * @param priority X-Mms-Priority
 * @param senderVisibility X-Mms-Sender-Visibility
 * @param deliveryReport X-Mms-Delivery-Report
 * @param readReport X-Mms-Read-Report
 * @param body Content-Type and the body ({@code null} when the PDU has no Content-Type)
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsSendReq(
        String transactionId,
        String mmsVersion,
        Instant date,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        MmsEncodedString subject,
        String messageClass,
        MmsTimeValue expiry,
        MmsTimeValue deliveryTime,
        MmsPriority priority,
        MmsSenderVisibility senderVisibility,
        Boolean deliveryReport,
        Boolean readReport,
        MmsBody body,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsSendReq {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_SEND_REQ;
    }
}
