package io.baton.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.baton.mms.MmsDeliveryInd;
import io.baton.mms.MmsPduEncoder;
import io.baton.mms.MmsStatus;

/**
 * Builders of the records MMSCs keep of P2P traffic, written as TS 23.140 §8.4 and OMA-MMS-ENC say:
 * MM4_forward.REQ and MM4_delivery_report.REQ messages (CRLF, addresses {@code +MSISDN/TYPE=PLMN@domain})
 * and binary m-delivery-ind PDUs.
 */
public final class Mm4Fixtures {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private Mm4Fixtures() {
    }

    /** A content part of a forward. */
    public record Part(String contentType, String name, byte[] data) {
    }

    /** An MM4_forward.REQ from {@code from} to {@code to} with the parts as multipart/related, base64 each. */
    public static byte[] forward(String messageId, String from, String to, String date, List<Part> parts) {
        StringBuilder m = new StringBuilder();
        m.append("X-Mms-3GPP-MMS-Version: 6.3.0\r\n")
                .append("X-Mms-Message-Type: MM4_forward.REQ\r\n")
                .append("X-Mms-Transaction-ID: t-").append(messageId).append("\r\n")
                .append("X-Mms-Message-ID: <").append(messageId).append(">\r\n")
                .append("X-Mms-Ack-Request: Yes\r\n")
                .append("X-Mms-Originator-System: system-user@mms.operator.com\r\n")
                .append("Message-ID: <smtp-").append(messageId).append("@mms.operator.com>\r\n")
                .append("From: +").append(from).append("/TYPE=PLMN@mms.operator.com\r\n")
                .append("To: +").append(to).append("/TYPE=PLMN@mms.example.cn\r\n")
                .append("Date: ").append(rfc2822(date)).append("\r\n")
                .append("Subject: =?utf-8?B?").append(base64("Fwd: 火炬".getBytes(StandardCharsets.UTF_8))).append("?=\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/related;\r\n\tboundary=\"mm4-part\"\r\n\r\n");
        for (Part p : parts) {
            m.append("--mm4-part\r\nContent-Type: ").append(p.contentType());
            if (p.name() != null) {
                m.append("; name=\"").append(p.name()).append('"');
            }
            m.append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(p.data())).append("\r\n");
        }
        m.append("--mm4-part--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An MM4_delivery_report.REQ: From is the recipient of the original message, as TS 23.140 maps it. */
    public static byte[] deliveryReport(String messageId, String recipient, String status, String date) {
        return ("X-Mms-3GPP-MMS-Version: 6.3.0\r\n"
                + "X-Mms-Message-Type: MM4_delivery_report.REQ\r\n"
                + "X-Mms-Transaction-ID: dr-" + messageId + "\r\n"
                + "X-Mms-Message-ID: <" + messageId + ">\r\n"
                + "X-Mms-Ack-Request: No\r\n"
                + "X-Mms-MM-Status-Code: " + status + "\r\n"
                + "From: +" + recipient + "/TYPE=PLMN@mms.example.cn\r\n"
                + "To: system-user@mms.operator.com\r\n"
                + "Date: " + rfc2822(date) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An MM4_read_reply_report.REQ. */
    public static byte[] readReplyReport(String messageId, String recipient) {
        return ("X-Mms-3GPP-MMS-Version: 6.3.0\r\nX-Mms-Message-Type: MM4_read_reply_report.REQ\r\n"
                + "X-Mms-Message-ID: <" + messageId + ">\r\nX-Mms-Read-Status: Read\r\n"
                + "From: +" + recipient + "/TYPE=PLMN@mms.example.cn\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A binary m-delivery-ind (OMA-MMS-ENC 1.2). */
    public static byte[] deliveryInd(String messageId, String to, MmsStatus status, String date) {
        return new MmsPduEncoder().encode(new MmsDeliveryInd("1.2", messageId, List.of("+" + to + "/TYPE=PLMN"),
                Instant.parse(date), status, List.of()));
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An ISO instant as an RFC 2822 date in China's time zone, as a Chinese MMSC writes it. */
    private static String rfc2822(String isoInstant) {
        return RFC_2822.format(Instant.parse(isoInstant).atOffset(ZoneOffset.ofHours(8)));
    }
}
