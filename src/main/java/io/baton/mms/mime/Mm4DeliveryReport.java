package io.baton.mms.mime;

import java.time.Instant;
import java.util.Objects;

import io.baton.mms.MmsStatus;

/**
 * MM4_delivery_report.REQ: the recipient's MMSC reports the fate of a forwarded message. As TS 23.140
 * maps it, From is the recipient of the original message and To its originator.
 *
 * @param messageId  X-Mms-Message-ID of the original message
 * @param recipient  the From phone number: whose delivery this reports
 * @param status     X-Mms-MM-Status-Code, the same values as X-Mms-Status of m-delivery-ind
 * @param statusText X-Mms-MM-Status-Text; null when absent
 * @param date       Date, else the date of the newest Received line; null when neither can be read
 */
public record Mm4DeliveryReport(String mmsVersion, String transactionId, String messageId, String recipient,
        MmsStatus status, String statusText, Instant date) implements Mm4Record {

    public static final String TYPE = "MM4_delivery_report.REQ";

    public Mm4DeliveryReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String messageType() {
        return TYPE;
    }
}
