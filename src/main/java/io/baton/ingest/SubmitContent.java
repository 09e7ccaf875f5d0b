package io.baton.ingest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.baton.ingest.domain.MmscEvent;
import io.baton.mms.MmsBody;
import io.baton.mms.MmsCodecException;
import io.baton.mms.MmsEncodedString;
import io.baton.mms.MmsPart;
import io.baton.mms.MmsPdu;
import io.baton.mms.MmsPduDecoder;
import io.baton.mms.MmsRetrieveConf;
import io.baton.mms.MmsSendReq;
import io.baton.mms.mime.MimeMms;
import io.baton.mms.mime.MimeMmsException;
import io.baton.mms.mime.MimeMmsReader;
import io.baton.mms.mime.MimePart;
import io.baton.mms.mime.PhoneAddress;

/**
 * The content of a submit event, whichever way the MMSC sent it: as JSON {@code parts}, as the
 * binary m-send-req ({@code pdu}, base64) or as the raw MIME message an e-mail gateway or MM4
 * peer delivered ({@code mime}, base64). All become the same parts on Kafka, so tracking never
 * sees the difference; a PDU or MIME message that cannot be read is refused here, per event.
 *
 * @param from the sender named inside the content, when there is one (an event's own {@code from} wins)
 * @param to the recipients named inside the content (used when the event gives none)
 */
record SubmitContent(String subject, List<MmscEvent.Part> parts, String from, List<String> to) {

    static final int MAX_CONTENT_BYTES = 4 * 1024 * 1024;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final MimeMmsReader MIME = MimeMmsReader.withDefaultLimits();
    private static final MmsPduDecoder PDU = new MmsPduDecoder(MAX_CONTENT_BYTES, 64, 256);

    static SubmitContent fromParts(JsonNode parts, int maxParts) {
        if (!parts.isArray()) {
            throw new Invalid("parts: must be an array");
        }
        if (parts.size() > maxParts) {
            throw new Invalid("parts: more than " + maxParts + " parts");
        }
        List<MmscEvent.Part> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode p = parts.get(i);
            String at = "parts[" + i + "]";
            if (!p.isObject()) {
                throw new Invalid(at + ": must be an object");
            }
            String contentType = MmscEventReader.textAt(p, "contentType", at, true);
            String name = MmscEventReader.textAt(p, "name", at, false);
            String data = MmscEventReader.textAt(p, "data", at, true);
            try {
                Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new Invalid(at + ".data: not valid base64");
            }
            out.add(new MmscEvent.Part(contentType, name, data));
        }
        return new SubmitContent(null, out, null, List.of());
    }

    static SubmitContent fromMime(String base64) {
        try {
            return of(MIME.read(bytes("mime", base64)));
        } catch (MimeMmsException e) {
            throw new Invalid("mime: " + e.getMessage());
        }
    }

    /** The parts, subject and addresses of a MIME message (gateway mail, or an MM4 forward's content). */
    static SubmitContent of(MimeMms m) {
        List<MmscEvent.Part> parts = new ArrayList<>();
        for (MimePart p : m.parts()) {
            String name = p.fileName() != null ? p.fileName() : p.contentLocation();
            parts.add(new MmscEvent.Part(p.contentType(), name, Base64.getEncoder().encodeToString(p.data())));
        }
        List<String> to = new ArrayList<>();
        m.to().forEach(a -> PhoneAddress.number(a).ifPresent(to::add));
        return new SubmitContent(m.subject(), parts, PhoneAddress.number(m.from()).orElse(null), to);
    }

    static byte[] bytes(String field, String base64) {
        if (base64.length() > MAX_CONTENT_BYTES / 3 * 4 + 4) {
            throw new Invalid(field + ": larger than " + MAX_CONTENT_BYTES + " bytes");
        }
        try {
            // strict, unlike the MIME decoder, which skips what it cannot read; only line breaks are allowed
            return Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new Invalid(field + ": not valid base64");
        }
    }

    /**
     * An m-send-req (what the handset sent) or an m-retrieve-conf (what the recipient fetched;
     * some MMSCs log that instead). A well-formed message without parts (a subject only, or an
     * empty body) is ordinary traffic: it goes on as a submit with no parts, which recognition
     * finds unrecognised unless its subject carries a campaign tag. The sender of an m-send-req is usually the insert-address
     * token, which the MMSC replaces: then the event's {@code from} is required.
     */
    static SubmitContent fromPdu(String base64) {
        return of(pdu("pdu", bytes("pdu", base64)));
    }

    static MmsPdu pdu(String field, byte[] bytes) {
        try {
            return PDU.decode(bytes);
        } catch (MmsCodecException e) {
            throw new Invalid(field + ": " + e.getMessage());
        }
    }

    static SubmitContent of(MmsPdu pdu) {
        if (pdu instanceof MmsSendReq r) {
            return fromPdu(r.subject(), r.body(), r.from(), r.to(), r.cc(), r.bcc());
        }
        if (pdu instanceof MmsRetrieveConf r) {
            return fromPdu(r.subject(), r.body(), r.from(), r.to(), r.cc(), List.of());
        }
        throw new Invalid("pdu: a " + pdu.messageType() + " carries no message content; expected m-send-req or "
                + "m-retrieve-conf");
    }

    @SafeVarargs
    private static SubmitContent fromPdu(MmsEncodedString subject, MmsBody body, String from,
            List<String>... recipients) {
        List<MmscEvent.Part> parts = new ArrayList<>();
        if (body != null) {
            for (MmsPart p : body.parts()) {
                String name = p.fileName() != null ? p.fileName() : p.contentLocation();
                parts.add(new MmscEvent.Part(p.contentType().toString(), name,
                        Base64.getEncoder().encodeToString(p.data())));
            }
        }
        List<String> to = new ArrayList<>();
        for (List<String> list : recipients) {
            list.forEach(a -> PhoneAddress.number(a).ifPresent(to::add));
        }
        String sender = from == null || MmsPdu.INSERT_ADDRESS_TOKEN.equals(from) ? null
                : PhoneAddress.number(from).orElse(null);
        return new SubmitContent(subject == null ? null : subject.text(), parts, sender, to);
    }
}
