package io.baton.ingest;

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
            "subject", "parts", "pdu");
    private static final Set<String> DELIVERY_FIELDS = Set.of("type", "mmsc", "messageId", "to", "status", "at",
            "from");

    /** Either the event or the reason it was refused. */
    record Result(MmscEvent event, String error) {
        static Result ok(MmscEvent e) {
            return new Result(e, null);
        }

        static Result error(String error) {
            return new Result(null, error);
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private MmscEventReader() {
    }

    static Result read(JsonNode node, String clientId) {
        try {
            return Result.ok(event(node, clientId));
        } catch (Invalid e) {
            return Result.error(e.getMessage());
        }
    }

    private static MmscEvent event(JsonNode n, String clientId) {
        if (n == null || !n.isObject()) {
            throw new Invalid("event must be a JSON object");
        }
        String type = text(n, "type", true);
        String mmsc = text(n, "mmsc", false);
        if (mmsc == null) {
            mmsc = clientId;
        }
        if (mmsc.length() > MAX_ID_LENGTH) {
            throw new Invalid("mmsc: longer than " + MAX_ID_LENGTH + " characters");
        }
        String messageId = text(n, "messageId", true);
        if (messageId.isBlank() || messageId.length() > MAX_ID_LENGTH) {
            throw new Invalid("messageId: must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        String at = time(n);
        return switch (type) {
            case MmscEvent.SUBMIT -> submit(n, mmsc, messageId, at);
            case MmscEvent.DELIVERY -> delivery(n, mmsc, messageId, at);
            default -> throw new Invalid("type: must be submit or delivery, is \"" + abbreviate(type) + "\"");
        };
    }

    private static MmscEvent submit(JsonNode n, String mmsc, String messageId, String at) {
        unknownFields(n, SUBMIT_FIELDS);
        String from = msisdn("from", text(n, "from", true));
        JsonNode to = n.get("to");
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
        if (n.hasNonNull("pdu")) {
            throw new Invalid("pdu: binary m-send-req decoding is not supported yet; send subject and parts");
        }
        String subject = text(n, "subject", false);
        JsonNode parts = n.get("parts");
        if (parts == null || parts.isNull()) {
            throw new Invalid("parts: required (an array of {contentType, data})");
        }
        if (!parts.isArray()) {
            throw new Invalid("parts: must be an array");
        }
        if (parts.size() > MAX_PARTS) {
            throw new Invalid("parts: more than " + MAX_PARTS + " parts");
        }
        List<MmscEvent.Part> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode p = parts.get(i);
            String at0 = "parts[" + i + "]";
            if (!p.isObject()) {
                throw new Invalid(at0 + ": must be an object");
            }
            String contentType = textAt(p, "contentType", at0, true);
            String name = textAt(p, "name", at0, false);
            String data = textAt(p, "data", at0, true);
            try {
                Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new Invalid(at0 + ".data: not valid base64");
            }
            out.add(new MmscEvent.Part(contentType, name, data));
        }
        return new MmscEvent(MmscEvent.SUBMIT, mmsc, messageId, from, recipients, at, subject, out, null);
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

    private static String msisdn(String field, String raw) {
        try {
            return Msisdn.parse(raw).digits();
        } catch (MsisdnFormatException e) {
            throw new Invalid(field + ": not an MSISDN: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, boolean required) {
        return textAt(n, field, null, required);
    }

    private static String textAt(JsonNode n, String field, String parent, boolean required) {
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

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
