package io.baton.notify.smpp.domain;

import java.util.List;

/**
 * A text ready for submit_sm: one {@code short_message} per segment. When there is more than one,
 * each starts with a concatenation user data header and goes with {@code esm_class} UDHI.
 *
 * @param septets the 7-bit septet count of the whole text (GSM7), or its UTF-16 unit count (UCS2)
 */
public record EncodedSms(DataCoding coding, List<byte[]> segments, int septets) {

    /** {@code esm_class} bit 6: the short message starts with a user data header. */
    public static final byte ESM_UDHI = 0x40;

    public EncodedSms {
        segments = List.copyOf(segments);
    }

    public boolean concatenated() {
        return segments.size() > 1;
    }

    public byte esmClass() {
        return concatenated() ? ESM_UDHI : 0;
    }
}
