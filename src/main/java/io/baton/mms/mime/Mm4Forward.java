package io.baton.mms.mime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * MM4_forward.REQ: an MMS a subscriber of another MMSC sent, forwarded between MMSCs.
 *
 * @param mmsVersion       X-Mms-3GPP-MMS-Version; null when absent
 * @param transactionId    X-Mms-Transaction-ID; null when absent
 * @param messageId        X-Mms-Message-ID (not the SMTP Message-ID, which names this transfer only)
 * @param originatorSystem X-Mms-Originator-System (the forwarding MMSC's system address); null when absent
 * @param sender           the From phone number as written ({@code +8613905000001}), without domain or /TYPE
 * @param recipients       the To and Cc phone numbers, in header order; addresses that are no phone number
 *                         (e-mail recipients) are left out, there is at least one
 * @param date             Date, else the date of the newest Received line; null when neither can be read
 * @param content          the multipart content as {@link MimeMmsReader} reads it, carrier adverts taken out
 */
public record Mm4Forward(String mmsVersion, String transactionId, String messageId, String originatorSystem,
        String sender, List<String> recipients, Instant date, MimeMms content) implements Mm4Record {

    public static final String TYPE = "MM4_forward.REQ";

    public Mm4Forward {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String messageType() {
        return TYPE;
    }
}
