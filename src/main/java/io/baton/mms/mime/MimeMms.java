package io.baton.mms.mime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An MMS as an e-mail gateway or a peer MMSC (MM4) delivered it, after carrier adverts were taken out.
 *
 * @param from                    the first From address as given (e.g. {@code +8613905000001/TYPE=PLMN@mms.example.com});
 *                                null when the message has none. {@link PhoneAddress} extracts a number from it.
 * @param to                      To then Cc addresses as given, in header order
 * @param subject                 RFC 2047 decoded, unfolded, runs of white space made one space; empty when
 *                                absent or when it was a carrier's default subject (then named in
 *                                {@code removedAsCarrierContent})
 * @param date                    the Date header; null when absent or unreadable
 * @param messageId               Message-ID (else X-Mms-Message-ID) without angle brackets; null when absent
 * @param parts                   the leaf parts in document order, never empty
 * @param removedAsCarrierContent one line per part, text passage or subject taken out, saying what and why
 */
public record MimeMms(String from, List<String> to, String subject, Instant date, String messageId,
        List<MimePart> parts, List<String> removedAsCarrierContent) {

    public MimeMms {
        to = List.copyOf(to);
        subject = Objects.requireNonNull(subject, "subject");
        parts = List.copyOf(parts);
        removedAsCarrierContent = List.copyOf(removedAsCarrierContent);
    }
}
