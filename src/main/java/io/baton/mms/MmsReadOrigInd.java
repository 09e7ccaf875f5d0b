package io.baton.mms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * m-read-orig-ind: the MMSC passes a read report on to the original sender.
 * Absent headers are {@code null}; absent address lists are empty.
 *
 * @param mmsVersion X-Mms-MMS-Version as major.minor ("1.0" when the PDU had none)
 * @param messageId Message-ID
 * @param to To
 * @param from From: the address, or {@link MmsPdu#INSERT_ADDRESS_TOKEN}
 * @param date Date
 * @param readStatus X-Mms-Read-Status
 * @param extraHeaders every other header, in wire order, re-encoded as received
 */
public record MmsReadOrigInd(
        String mmsVersion,
        String messageId,
        List<String> to,
        String from,
        Instant date,
        MmsReadStatus readStatus,
        List<MmsHeader> extraHeaders) implements MmsPdu {

    public MmsReadOrigInd {
        Objects.requireNonNull(mmsVersion, "mmsVersion");
        to = to == null ? List.of() : List.copyOf(to);
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
    }

    @Override
    public MmsMessageType messageType() {
        return MmsMessageType.M_READ_ORIG_IND;
    }
}
