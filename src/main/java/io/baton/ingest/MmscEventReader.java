package io.baton.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.baton.common.DeliveryStatus;
import io.baton.common.Msisdn;
import io.baton.common.MsisdnFormatException;
import io.baton.ingest.domain.MmscEvent;

/**
 * Validates one element of an ingest batch and turns it into an {@link MmscEvent}, or says
 * precisely what is wrong with it (field and reason), so the rest of the batch goes through.
 */
final class MmscEventReader {

    static final int MAX_RECIPIENTS = 100;
    static final int MAX_PARTS = 32;
    static final int MAX_ID_LENGTH = 256;
    private static final Set<String> SUBMIT_FIELDS = Set.of("type", "mmsc", "messageId", "from", "to", "at",
            "subject", "parts", "pdu", "mime");
    private static final Set<String> DELIVERY_FIELDS = Set.of("type", "mmsc", "messageId", "to", "status", "at",
            "from");
    /** A record in its MMSC's own form: an MM4 message, or a binary m-delivery-ind. */
    static final String MM4 = "mm4";
    private static final Set<String> MM4_FIELDS = Set.of("type", "mmsc", "mime");
    private static final Set<String> DELIVERY_PDU_FIELDS = Set.of("type", "mmsc", "pdu");

    /** The event, or the reason it was refused, or why it was read and deliberately not published. */
    record Result(MmscEvent event, String error, String ignored) {
        static Result ok(MmscEvent e) {
            return new Result(e, null, null);
        }

        static Result error(String error) {
            return new Result(null, error, null);
        }

        static Result ignored(String reason) {
            return new Result(null, null, reason);
        }
    }


    private MmscEventReader() {
    }

    /**
     * @param receivedAt when Baton received the batch: the time of an MM4 record or PDU that carries no date
     */
    static Result read(JsonNode node, String clientId, Instant receivedAt) {
        try {
            return result(node, clientId, receivedAt);
        } catch (Invalid e) {
            return Result.error(e.getMessage());
        }
    }

    private static Result result(JsonNode n, String clientId, Instant receivedAt) {
        if (n == null || !n.isObject()) {
            throw new Invalid("event must be a JSON object");
        }
        String type = text(n, "type", true);
        String mmsc = mmsc(text(n, "mmsc", false), clientId);
        if (type.equals(MM4)) {
            unknownFields(n, MM4_FIELDS);
            return MmscRecordReader.mm4("mime", SubmitContent.bytes("mime", text(n, "mime", true)), mmsc, receivedAt);
        }
        if (type.equals(MmscEvent.DELIVERY) && n.has("pdu")) {
            unknownFields(n, DELIVERY_PDU_FIELDS);
            byte[] pdu = SubmitContent.bytes("pdu", text(n, "pdu", true));
            return Result.ok(MmscRecordReader.deliveryInd("pdu", SubmitContent.pdu("pdu", pdu), mmsc, receivedAt));
        }
        String messageId = messageId("messageId", text(n, "messageId", true));
        String at = time(n);
        return Result.ok(switch (type) {
            case MmscEvent.SUBMIT -> submit(n, mmsc, messageId, at);
            case MmscEvent.DELIVERY -> delivery(n, mmsc, messageId, at);
            default -> throw new Invalid("type: must be submit, delivery or mm4, is \"" + abbreviate(type) + "\"");
        });
    }

    /** The MMSC an event is recorded under: the one it names, else the authenticated client. */
    static String mmsc(String named, String clientId) {
        String mmsc = named != null ? named : clientId;
        if (mmsc.length() > MAX_ID_LENGTH) {
            throw new Invalid("mmsc: longer than " + MAX_ID_LENGTH + " characters");
        }
        return mmsc;
    }

    static String messageId(String field, String messageId) {
        if (messageId.isBlank() || messageId.length() > MAX_ID_LENGTH) {
            throw new Invalid(field + ": must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        return messageId;
    }

    private static MmscEvent submit(JsonNode n, String mmsc, String messageId, String at) {
        unknownFields(n, SUBMIT_FIELDS);
        int sources = (n.hasNonNull("parts") ? 1 : 0) + (n.hasNonNull("pdu") ? 1 : 0) + (n.hasNonNull("mime") ? 1 : 0);
        if (sources != 1) {
            throw new Invalid(sources == 0 ? "parts: required (an array of {contentType, data}), or pdu or mime"
                    : "give the content once: one of parts, pdu, mime");
        }
        SubmitContent content = n.hasNonNull("pdu") ? SubmitContent.fromPdu(text(n, "pdu", true))
                : n.hasNonNull("mime") ? SubmitContent.fromMime(text(n, "mime", true))
                : SubmitContent.fromParts(n.get("parts"), MAX_PARTS);
        String fromText = text(n, "from", content.from() == null);
        String from = msisdn("from", fromText != null ? fromText : content.from());
        List<String> recipients = n.has("to") ? recipients(n.get("to")) : contentRecipients(content.to());
        String subject = text(n, "subject", false);
        return new MmscEvent(MmscEvent.SUBMIT, mmsc, messageId, from, recipients, at,
                subject != null ? subject : content.subject(), content.parts(), null);
    }

    private static List<String> recipients(JsonNode to) {
        if (to == null || !to.isArray() || to.isEmpty()) {
            throw new Invalid("to: must be a non-empty array of MSISDNs");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new Invalid("to: more than " + MAX_RECIPIENTS + " recipients");
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            if (!to.get(i).isTextual()) {
                throw new Invalid("to[" + i + "]: must be a string");
            }
            String r = msisdn("to[" + i + "]", to.get(i).asText());
            if (!recipients.contains(r)) {
                recipients.add(r);
            }
        }
        return recipients;
    }

    /** Recipients named inside a PDU or MIME message, when the event gives none of its own. */
    static List<String> contentRecipients(List<String> to) {
        if (to.isEmpty()) {
            throw new Invalid("to: required (the content names no recipient)");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new Invalid("to: the content names more than " + MAX_RECIPIENTS + " recipients");
        }
        List<String> recipients = new ArrayList<>();
        for (String r : to) {
            String digits = msisdn("to (from the content)", r);
            if (!recipients.contains(digits)) {
                recipients.add(digits);
            }
        }
        return recipients;
    }

    private static MmscEvent delivery(JsonNode n, String mmsc, String messageId, String at) {
        unknownFields(n, DELIVERY_FIELDS);
        String to = msisdn("to", text(n, "to", true));
        String statusText = text(n, "status", true);
        DeliveryStatus status = DeliveryStatus.fromWire(statusText).orElseThrow(() -> new Invalid(
                "status: unknown status \"" + abbreviate(statusText) + "\", expected one of " + DeliveryStatus.wireNames()));
        return new MmscEvent(MmscEvent.DELIVERY, mmsc, messageId, null, List.of(to), at, null, null, status.wireName());
    }

    private static void unknownFields(JsonNode n, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new Invalid(abbreviate(f) + ": unknown field");
            }
        }
    }

    private static String time(JsonNode n) {
        String s = text(n, "at", true);
        try {
            return OffsetDateTime.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw new Invalid("at: must be an ISO-8601 date-time with offset, is \"" + abbreviate(s) + "\"");
        }
    }

    static String msisdn(String field, String raw) {
        try {
            return Msisdn.parse(raw).digits();
        } catch (MsisdnFormatException e) {
            throw new Invalid(field + ": not an MSISDN: " + e.getMessage());
        }
    }

    static String text(JsonNode n, String field, boolean required) {
        return textAt(n, field, null, required);
    }

    static String textAt(JsonNode n, String field, String parent, boolean required) {
        String path = parent == null ? field : parent + "." + field;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(path + ": required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new Invalid(path + ": must be a string, is " + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
