package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-send-conf: the MMSC's answer to m-send-req.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param transactionId X-Mms-Transaction-Id
 * @param responseStatus X-Mms-Response-Status
 * @param responseText X-Mms-Response-Text
 * @param messageId Message-ID
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsSendConf(
        String transactionId,
        String mmsVersion,
        MmsResponseStatus responseStatus,
        MmsEncodedString responseText,
        String messageId,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsSendConf {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_SEND_CONF;
    }
}
