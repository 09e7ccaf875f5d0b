package io.baton.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.baton.common.DeliveryStatus;
import io.baton.ingest.MmscEventReader.Result;
import io.baton.ingest.domain.MmscEvent;
import io.baton.mms.MmsDeliveryInd;
import io.baton.mms.MmsPdu;
import io.baton.mms.MmsRetrieveConf;
import io.baton.mms.MmsStatus;
import io.baton.mms.mime.Mm4DeliveryReport;
import io.baton.mms.mime.Mm4Exception;
import io.baton.mms.mime.Mm4Forward;
import io.baton.mms.mime.Mm4ReadReplyReport;
import io.baton.mms.mime.Mm4Reader;
import io.baton.mms.mime.Mm4Record;
import io.baton.mms.mime.PhoneAddress;

/**
 * Turns the records MMSCs keep of P2P traffic into the same submit and delivery events as JSON:
 * an MM4 message (MM4_forward.REQ → submit, MM4_delivery_report.REQ → delivery,
 * MM4_read_reply_report.REQ → ignored and counted) or a binary PDU (m-delivery-ind → delivery,
 * m-send-req or m-retrieve-conf → submit). A record without a readable date gets the time Baton
 * received it. Errors name the field ({@code mime}, {@code pdu}, or {@code body} on the raw endpoint).
 */
final class MmscRecordReader {

    private static final Mm4Reader MM4 = new Mm4Reader(SubmitContent.MAX_CONTENT_BYTES,
            io.baton.mms.mime.MimeMmsReader.withDefaultLimits());

    private MmscRecordReader() {
    }

    static Result mm4(String field, byte[] raw, String mmsc, Instant receivedAt) {
        Mm4Record record;
        try {
            record = MM4.read(raw);
        } catch (Mm4Exception e) {
            throw new Invalid(field + ": " + e.getMessage());
        }
        if (record instanceof Mm4ReadReplyReport) {
            return Result.ignored(Mm4ReadReplyReport.TYPE + ": read reports do not count for crediting (counted, not"
                    + " published)");
        }
        String messageId = MmscEventReader.messageId(field + ": X-Mms-Message-ID", record.messageId());
        if (record instanceof Mm4DeliveryReport r) {
            return Result.ok(delivery(mmsc, messageId, field + ": From", r.recipient(), r.status(), r.date(),
                    receivedAt));
        }
        Mm4Forward f = (Mm4Forward) record;
        SubmitContent content = SubmitContent.of(f.content());
        String from = MmscEventReader.msisdn(field + ": From", f.sender());
        List<String> to = MmscEventReader.contentRecipients(f.recipients());
        return Result.ok(new MmscEvent(MmscEvent.SUBMIT, mmsc, messageId, from, to, at(f.date(), receivedAt),
                content.subject(), content.parts(), null));
    }

    /**
     * One binary PDU: m-delivery-ind as a delivery, m-send-req or m-retrieve-conf as a submit. An
     * m-send-req has no message id (the MMSC assigns it in m-send-conf) and its sender is usually the
     * insert-address token: then {@code messageId} and {@code from} must be given.
     */
    static Result pdu(String field, byte[] raw, String mmsc, Instant receivedAt, String messageId, String from) {
        MmsPdu pdu = SubmitContent.pdu(field, raw);
        if (pdu instanceof MmsDeliveryInd d) {
            return Result.ok(deliveryInd(field, d, mmsc, receivedAt));
        }
        SubmitContent content = SubmitContent.of(pdu);
        String id = messageId != null ? messageId
                : pdu instanceof MmsRetrieveConf r && r.messageId() != null ? r.messageId() : null;
        if (id == null) {
            throw new Invalid("messageId: required (an m-send-req carries none: the MMSC assigns it)");
        }
        String sender = from != null ? from : content.from();
        if (sender == null) {
            throw new Invalid("from: required (the PDU's From is the insert-address token)");
        }
        List<String> to = MmscEventReader.contentRecipients(content.to());
        Instant date = pdu instanceof MmsRetrieveConf r ? r.date() : null;
        return Result.ok(new MmscEvent(MmscEvent.SUBMIT, mmsc, MmscEventReader.messageId("messageId", id),
                MmscEventReader.msisdn("from", sender), to, at(date, receivedAt), content.subject(), content.parts(),
                null));
    }

    /** An m-delivery-ind: Message-ID, the first To, X-Mms-Status and Date. */
    static MmscEvent deliveryInd(String field, MmsPdu pdu, String mmsc, Instant receivedAt) {
        if (!(pdu instanceof MmsDeliveryInd d)) {
            throw new Invalid(field + ": a " + pdu.messageType() + " is no delivery report; expected m-delivery-ind");
        }
        if (d.messageId() == null) {
            throw new Invalid(field + ": m-delivery-ind without Message-ID");
        }
        if (d.to().isEmpty()) {
            throw new Invalid(field + ": m-delivery-ind without To");
        }
        if (d.status() == null) {
            throw new Invalid(field + ": m-delivery-ind without X-Mms-Status");
        }
        String recipient = PhoneAddress.number(d.to().get(0)).orElseThrow(() -> new Invalid(field
                + ": To: not a phone number (an e-mail address or another address type)"));
        return delivery(mmsc, MmscEventReader.messageId(field + ": Message-ID", d.messageId()), field + ": To",
                recipient, d.status(), d.date(), receivedAt);
    }

    private static MmscEvent delivery(String mmsc, String messageId, String toField, String recipient,
            MmsStatus status, Instant date, Instant receivedAt) {
        String to = MmscEventReader.msisdn(toField, recipient);
        // same names in both enums: X-Mms-Status (binary) and X-Mms-MM-Status-Code (MM4) are one value set
        String wire = DeliveryStatus.valueOf(status.name()).wireName();
        return new MmscEvent(MmscEvent.DELIVERY, mmsc, messageId, null, List.of(to), at(date, receivedAt), null, null,
                wire);
    }

    private static String at(Instant date, Instant receivedAt) {
        return OffsetDateTime.ofInstant(date != null ? date : receivedAt, ZoneOffset.UTC).toString();
    }
}
