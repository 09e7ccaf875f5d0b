package io.baton.mms;

import java.util.List;

/**
 * One MMS PDU (OMA-MMS-ENC 1.3 §6): one record per message type. Typed components hold the
 * headers the spec defines for that type (null or empty when absent); {@link #extraHeaders()} keeps
 * every other header in wire order (application headers, fields of later versions, repeats), so a
 * decoded PDU re-encodes without losing them.
 */
public sealed interface MmsPdu permits MmsSendReq, MmsSendConf, MmsNotificationInd, MmsNotifyRespInd,
        MmsRetrieveConf, MmsAcknowledgeInd, MmsDeliveryInd, MmsReadRecInd, MmsReadOrigInd {

    /** From value meaning "the MMSC inserts the sender's address" (Insert-address-token). */
    String INSERT_ADDRESS_TOKEN = "<insert-address-token>";

    MmsMessageType messageType();

    /** X-Mms-MMS-Version as "major.minor", e.g. "1.2". */
    String mmsVersion();

    List<MmsHeader> extraHeaders();

    /** Extra headers with the given spec or application name (case-insensitive). */
    default List<MmsHeader> extraHeaders(String name) {
        return extraHeaders().stream().filter(h -> h.name().equalsIgnoreCase(name)).toList();
    }
}
