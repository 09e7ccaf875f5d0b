package io.baton.mms;

import java.util.List;
import java.util.Objects;

/**
 * m-send-conf: the MMSC's answer to m-send-req.
 *
 * @param transactionId X-Mms-Transaction-Id
 * @param responseStatus X-Mms-Response-Status
 * @param responseText X-Mms-Response-Text
 * @param messageId Message-ID
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
