package io.baton.mms;

import java.util.List;

/**
 * A decoded PDU with what the bytes looked like: every header in wire order (including those the
 * record holds in typed components) and the quirks the decoder tolerated.
 */
public record DecodedMmsPdu(MmsPdu pdu, List<MmsHeader> headers, List<MmsQuirk> quirks) {

    public DecodedMmsPdu {
        headers = List.copyOf(headers);
        quirks = List.copyOf(quirks);
    }

    public boolean hasQuirk(MmsQuirk.Kind kind) {
        return quirks.stream().anyMatch(q -> q.kind() == kind);
    }
}
