package io.baton.mms.mime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.baton.mms.MmsStatus;
import io.baton.mms.mime.Mm4Exception.Reason;

/**
 * Reads one MM4 message (3GPP TS 23.140 §8.4: RFC 2822 with X-Mms-* headers, as MMSCs exchange and
 * log them) into an {@link Mm4Record}. The forwarded content goes through {@link MimeMmsReader}, the
 * same reader as gateway mail, so recognition sees the same parts whichever way a message came.
 *
 * <p>Addresses: {@code +8613905000001/TYPE=PLMN@mms.operator.com}, {@code 8613905000001@domain},
 * {@code tel:+8613905000001} and display names with RFC 2047 words are phone numbers; an address
 * of another /TYPE (IPv4, IPv6) or a mailbox whose local part is no number is not. A sender that
 * is no phone number is refused (only subscribers take part); recipients that are none are left out.
 *
 * <p>Thread-safe: the limits are the only state.
 */
public final class Mm4Reader {

    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HEADER_FIELDS = 500;
    private static final String STATUSES = "Expired, Retrieved, Rejected, Deferred, Unrecognised, Indeterminate,"
            + " Forwarded, Unreachable";

    private final int maxRecordBytes;
    private final MimeMmsReader content;

    /**
     * @param maxRecordBytes largest record accepted, header and content
     * @param content        reads the forwarded content, with its own limits
     */
    public Mm4Reader(int maxRecordBytes, MimeMmsReader content) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.content = content;
    }

    /** The limits Baton's ingest uses: 4 MB per record, content read with {@link MimeMmsReader#withDefaultLimits()}. */
    public static Mm4Reader withDefaultLimits() {
        return new Mm4Reader(4 * 1024 * 1024, MimeMmsReader.withDefaultLimits());
    }

    /**
     * @throws Mm4Exception for anything that is not a usable MM4 request within the limits; never another exception
     */
    public Mm4Record read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new Mm4Exception(Reason.NOT_MM4, "no bytes");
        }
        if (raw.length > maxRecordBytes) {
            throw new Mm4Exception(Reason.RECORD_TOO_LARGE, raw.length + " bytes, at most " + maxRecordBytes);
        }
        Mm4HeaderBlock headers = Mm4HeaderBlock.read(raw, MAX_HEADER_BYTES, MAX_HEADER_FIELDS);
        String type = headers.first("X-Mms-Message-Type").orElseThrow(() -> new Mm4Exception(Reason.NOT_MM4,
                "no X-Mms-Message-Type header: a mail, not an MM4 message"));
        switch (type.toLowerCase(Locale.ROOT)) {
            case "mm4_forward.req":
                return forward(raw, headers);
            case "mm4_delivery_report.req":
                return deliveryReport(headers);
            case "mm4_read_reply_report.req":
                return new Mm4ReadReplyReport(messageId(headers), headers.first("X-Mms-Read-Status").orElse(null));
            default:
                String shown = abbreviate(MailHeaders.oneLine(type));
                if (!type.regionMatches(true, 0, "MM4_", 0, 4)) {
                    // gateways that turn an MMS into mail (MM3) keep the handset's type (M-Send.req, even "0")
                    throw new Mm4Exception(Reason.NOT_MM4, "X-Mms-Message-Type \"" + shown + "\" is no MM4 type: a mail"
                            + " from an e-mail gateway, not MM4; post it as a submit with mime");
                }
                throw new Mm4Exception(Reason.UNSUPPORTED_TYPE, type.toLowerCase(Locale.ROOT).endsWith(".res")
                        ? shown + " is a response between MMSCs and reports no subscriber's message; expected "
                                + Mm4Forward.TYPE + ", " + Mm4DeliveryReport.TYPE + " or " + Mm4ReadReplyReport.TYPE
                        : "unknown X-Mms-Message-Type \"" + shown + "\"");
        }
    }

    private Mm4Forward forward(byte[] raw, Mm4HeaderBlock headers) {
        // some gateways (Cricket's) send MM4_forward.REQ without X-Mms-Message-ID: their Message-ID names the message
        String messageId = headers.first("X-Mms-Message-ID").isPresent() ? messageId(headers)
                : headers.first("Message-ID").map(MailHeaders::messageId).orElseGet(() -> messageId(headers));
        String sender = sender(headers, "From");
        List<String> addresses = new ArrayList<>();
        for (String field : List.of("To", "Cc")) {
            headers.all(field).forEach(v -> addresses.addAll(MailHeaders.addresses(MailHeaders.decodeWords(v))));
        }
        if (addresses.isEmpty()) {
            throw new Mm4Exception(Reason.MISSING_HEADER, "To: no recipient (To and Cc are empty or absent)");
        }
        List<String> recipients = new ArrayList<>();
        addresses.forEach(a -> PhoneAddress.number(a).filter(n -> !recipients.contains(n)).ifPresent(recipients::add));
        if (recipients.isEmpty()) {
            throw new Mm4Exception(Reason.BAD_HEADER, "To: none of " + addresses.size()
                    + " recipient addresses is a phone number");
        }
        MimeMms mms;
        try {
            mms = content.read(raw);
        } catch (MimeMmsException e) {
            throw new Mm4Exception(Reason.BAD_CONTENT, e.getMessage());
        }
        return new Mm4Forward(headers.first("X-Mms-3GPP-MMS-Version").orElse(null),
                headers.first("X-Mms-Transaction-ID").orElse(null), messageId,
                headers.first("X-Mms-Originator-System").orElse(null), sender, recipients, date(headers), mms);
    }

    private static Mm4DeliveryReport deliveryReport(Mm4HeaderBlock headers) {
        String messageId = messageId(headers);
        String recipient = sender(headers, "From");
        String code = headers.first("X-Mms-MM-Status-Code").orElseThrow(() -> new Mm4Exception(
                Reason.MISSING_HEADER, "X-Mms-MM-Status-Code: required in " + Mm4DeliveryReport.TYPE));
        MmsStatus status = status(code).orElseThrow(() -> new Mm4Exception(Reason.BAD_HEADER,
                "X-Mms-MM-Status-Code: unknown status \"" + abbreviate(MailHeaders.oneLine(code)) + "\", expected one of "
                        + STATUSES));
        return new Mm4DeliveryReport(headers.first("X-Mms-3GPP-MMS-Version").orElse(null),
                headers.first("X-Mms-Transaction-ID").orElse(null), messageId, recipient, status,
                headers.first("X-Mms-MM-Status-Text").map(MailHeaders::decodeWords).orElse(null), date(headers));
    }

    private static String messageId(Mm4HeaderBlock headers) {
        String value = headers.first("X-Mms-Message-ID").map(MailHeaders::messageId).orElse(null);
        if (value == null) {
            throw new Mm4Exception(Reason.MISSING_HEADER, "X-Mms-Message-ID: required (the MMS message id)");
        }
        return value;
    }

    /** The one phone number of a From field; the address itself is never put in the error (it may hold a number). */
    private static String sender(Mm4HeaderBlock headers, String field) {
        String value = headers.first(field).orElseThrow(() -> new Mm4Exception(Reason.MISSING_HEADER,
                field + ": required"));
        List<String> addresses = MailHeaders.addresses(MailHeaders.decodeWords(value));
        if (addresses.isEmpty()) {
            throw new Mm4Exception(Reason.BAD_HEADER, field + ": no address");
        }
        return PhoneAddress.number(addresses.get(0)).orElseThrow(() -> new Mm4Exception(Reason.BAD_HEADER,
                field + ": not a phone number (an e-mail address or another address type); only subscribers take part"));
    }

    private static Optional<MmsStatus> status(String code) {
        String name = code.strip().toUpperCase(Locale.ROOT);
        String canonical = name.equals("UNRECOGNIZED") ? "UNRECOGNISED" : name;
        for (MmsStatus s : MmsStatus.values()) {
            if (s.name().equals(canonical)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Date, else the newest Received line's date (after its last ';'), else null: the caller decides. */
    private static Instant date(Mm4HeaderBlock headers) {
        Instant date = headers.first("Date").map(MailHeaders::date).orElse(null);
        if (date != null) {
            return date;
        }
        for (String received : headers.all("Received")) {
            int semicolon = received.lastIndexOf(';');
            Instant stamped = semicolon < 0 ? null : MailHeaders.date(received.substring(semicolon + 1).trim());
            if (stamped != null) {
                return stamped;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
