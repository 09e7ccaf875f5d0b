package io.baton.mms;

import static io.baton.mms.MmsHeaderField.BCC;
import static io.baton.mms.MmsHeaderField.CC;
import static io.baton.mms.MmsHeaderField.CONTENT_LOCATION;
import static io.baton.mms.MmsHeaderField.DATE;
import static io.baton.mms.MmsHeaderField.DELIVERY_REPORT;
import static io.baton.mms.MmsHeaderField.DELIVERY_TIME;
import static io.baton.mms.MmsHeaderField.EXPIRY;
import static io.baton.mms.MmsHeaderField.MESSAGE_ID;
import static io.baton.mms.MmsHeaderField.MESSAGE_SIZE;
import static io.baton.mms.MmsHeaderField.PRIORITY;
import static io.baton.mms.MmsHeaderField.READ_REPORT;
import static io.baton.mms.MmsHeaderField.READ_STATUS;
import static io.baton.mms.MmsHeaderField.REPORT_ALLOWED;
import static io.baton.mms.MmsHeaderField.RESPONSE_STATUS;
import static io.baton.mms.MmsHeaderField.RESPONSE_TEXT;
import static io.baton.mms.MmsHeaderField.RETRIEVE_STATUS;
import static io.baton.mms.MmsHeaderField.RETRIEVE_TEXT;
import static io.baton.mms.MmsHeaderField.SENDER_VISIBILITY;
import static io.baton.mms.MmsHeaderField.STATUS;
import static io.baton.mms.MmsHeaderField.SUBJECT;
import static io.baton.mms.MmsHeaderField.TO;
import static io.baton.mms.MmsHeaderField.TRANSACTION_ID;

import java.time.Instant;
import java.util.List;

/**
 * Encodes MMS PDUs (OMA-MMS-ENC 1.3). Message-Type, Transaction-Id and MMS-Version come first, as
 * the spec requires; then the typed fields in the spec's order; then the extra headers exactly as
 * they were decoded; Content-Type and the body last. Refuses with {@link MmsCodecException} what it
 * cannot write faithfully (text outside its charset, NUL in a text, output over the size limit).
 */
public final class MmsPduEncoder {

    private final int maxPduSize;

    public MmsPduEncoder() {
        this(MmsPduDecoder.DEFAULT_MAX_PDU_SIZE);
    }

    public MmsPduEncoder(int maxPduSize) {
        if (maxPduSize < 1) {
            throw new IllegalArgumentException("maxPduSize must be positive: " + maxPduSize);
        }
        this.maxPduSize = maxPduSize;
    }

    public byte[] encode(MmsPdu pdu) {
        WspWriter out = new WspWriter();
        out.octet(0x80 | MmsHeaderField.MESSAGE_TYPE.code()).octet(pdu.messageType().code());
        if (pdu instanceof MmsSendReq r) {
            head(out, r.transactionId(), r.mmsVersion());
            date(out, r.date());
            from(out, r.from());
            addresses(out, TO, r.to());
            addresses(out, CC, r.cc());
            addresses(out, BCC, r.bcc());
            encoded(out, SUBJECT, r.subject());
            messageClass(out, r.messageClass());
            time(out, EXPIRY, r.expiry());
            time(out, DELIVERY_TIME, r.deliveryTime());
            code(out, PRIORITY, r.priority() == null ? null : r.priority().code());
            code(out, SENDER_VISIBILITY, r.senderVisibility() == null ? null : r.senderVisibility().code());
            yesNo(out, DELIVERY_REPORT, r.deliveryReport());
            yesNo(out, READ_REPORT, r.readReport());
            extras(out, r.extraHeaders());
            body(out, r.body());
        } else if (pdu instanceof MmsSendConf r) {
            head(out, r.transactionId(), r.mmsVersion());
            code(out, RESPONSE_STATUS, r.responseStatus() == null ? null : r.responseStatus().code());
            encoded(out, RESPONSE_TEXT, r.responseText());
            text(out, MESSAGE_ID, r.messageId());
            extras(out, r.extraHeaders());
        } else if (pdu instanceof MmsNotificationInd r) {
            head(out, r.transactionId(), r.mmsVersion());
            from(out, r.from());
            encoded(out, SUBJECT, r.subject());
            messageClass(out, r.messageClass());
            if (r.messageSize() != null) {
                field(out, MESSAGE_SIZE).longInteger(r.messageSize());
            }
            time(out, EXPIRY, r.expiry());
            text(out, CONTENT_LOCATION, r.contentLocation());
            yesNo(out, DELIVERY_REPORT, r.deliveryReport());
            code(out, PRIORITY, r.priority() == null ? null : r.priority().code());
            extras(out, r.extraHeaders());
        } else if (pdu instanceof MmsNotifyRespInd r) {
            head(out, r.transactionId(), r.mmsVersion());
            code(out, STATUS, r.status() == null ? null : r.status().code());
            yesNo(out, REPORT_ALLOWED, r.reportAllowed());
            extras(out, r.extraHeaders());
        } else if (pdu instanceof MmsRetrieveConf r) {
            head(out, r.transactionId(), r.mmsVersion());
            text(out, MESSAGE_ID, r.messageId());
            date(out, r.date());
            from(out, r.from());
            addresses(out, TO, r.to());
            addresses(out, CC, r.cc());
            encoded(out, SUBJECT, r.subject());
            messageClass(out, r.messageClass());
            code(out, PRIORITY, r.priority() == null ? null : r.priority().code());
            yesNo(out, DELIVERY_REPORT, r.deliveryReport());
            yesNo(out, READ_REPORT, r.readReport());
            code(out, RETRIEVE_STATUS, r.retrieveStatus() == null ? null : r.retrieveStatus().code());
            encoded(out, RETRIEVE_TEXT, r.retrieveText());
            extras(out, r.extraHeaders());
            body(out, r.body());
        } else if (pdu instanceof MmsAcknowledgeInd r) {
            head(out, r.transactionId(), r.mmsVersion());
            yesNo(out, REPORT_ALLOWED, r.reportAllowed());
            extras(out, r.extraHeaders());
        } else if (pdu instanceof MmsDeliveryInd r) {
            head(out, null, r.mmsVersion());
            text(out, MESSAGE_ID, r.messageId());
            addresses(out, TO, r.to());
            date(out, r.date());
            code(out, STATUS, r.status() == null ? null : r.status().code());
            extras(out, r.extraHeaders());
        } else if (pdu instanceof MmsReadRecInd r) {
            readReport(out, r.mmsVersion(), r.messageId(), r.to(), r.from(), r.date(), r.readStatus(), r.extraHeaders());
        } else if (pdu instanceof MmsReadOrigInd r) {
            readReport(out, r.mmsVersion(), r.messageId(), r.to(), r.from(), r.date(), r.readStatus(), r.extraHeaders());
        }
        if (out.size() > maxPduSize) {
            throw new MmsCodecException(out.size(), "PDU", out.size() + " octets exceed the limit of " + maxPduSize);
        }
        return out.toByteArray();
    }

    private void readReport(WspWriter out, String version, String messageId, List<String> to, String from,
            Instant date, MmsReadStatus status, List<MmsHeader> extras) {
        head(out, null, version);
        text(out, MESSAGE_ID, messageId);
        addresses(out, TO, to);
        from(out, from);
        date(out, date);
        code(out, READ_STATUS, status == null ? null : status.code());
        extras(out, extras);
    }

    private static WspWriter field(WspWriter out, MmsHeaderField field) {
        return out.octet(0x80 | field.code());
    }

    private static void head(WspWriter out, String transactionId, String version) {
        text(out, TRANSACTION_ID, transactionId);
        field(out, MmsHeaderField.MMS_VERSION);
        int code = MmsVersions.code(version);
        if (code >= 0) {
            out.shortInteger(code);
        } else {
            out.textString(version, MmsHeaderField.MMS_VERSION.specName());
        }
    }

    private static void text(WspWriter out, MmsHeaderField field, String value) {
        if (value != null) {
            field(out, field).textString(value, field.specName());
        }
    }

    private static void encoded(WspWriter out, MmsHeaderField field, MmsEncodedString value) {
        if (value != null) {
            field(out, field).encodedString(value, field.specName());
        }
    }

    private static void code(WspWriter out, MmsHeaderField field, Integer code) {
        if (code != null) {
            field(out, field).octet(code);
        }
    }

    private static void yesNo(WspWriter out, MmsHeaderField field, Boolean value) {
        if (value != null) {
            field(out, field).octet(value ? 0x80 : 0x81);
        }
    }

    private static void date(WspWriter out, Instant date) {
        if (date != null) {
            field(out, DATE).longInteger(date.getEpochSecond());
        }
    }

    private static void time(WspWriter out, MmsHeaderField field, MmsTimeValue value) {
        if (value != null) {
            WspWriter inner = new WspWriter().octet(value.relative() ? 0x81 : 0x80).longInteger(value.seconds());
            field(out, field).lengthPrefixed(inner);
        }
    }

    /** Addresses are text; only non-ASCII ones need the charset form. */
    private static MmsEncodedString address(String address) {
        boolean ascii = address.chars().allMatch(c -> c < 0x80);
        return new MmsEncodedString(address, ascii ? null : "utf-8");
    }

    private static void addresses(WspWriter out, MmsHeaderField field, List<String> addresses) {
        for (String address : addresses) {
            field(out, field).encodedString(address(address), field.specName());
        }
    }

    private static void from(WspWriter out, String from) {
        if (from == null) {
            return;
        }
        WspWriter inner = new WspWriter();
        if (MmsPdu.INSERT_ADDRESS_TOKEN.equals(from)) {
            inner.octet(0x81);
        } else {
            inner.octet(0x80).encodedString(address(from), MmsHeaderField.FROM.specName());
        }
        field(out, MmsHeaderField.FROM).lengthPrefixed(inner);
    }

    private static void messageClass(WspWriter out, String messageClass) {
        if (messageClass == null) {
            return;
        }
        field(out, MmsHeaderField.MESSAGE_CLASS);
        int index = List.of(MmsHeaderReader.MESSAGE_CLASSES).indexOf(messageClass);
        if (index >= 0) {
            out.octet(0x80 + index);
        } else {
            out.textString(messageClass, MmsHeaderField.MESSAGE_CLASS.specName());
        }
    }

    private static void extras(WspWriter out, List<MmsHeader> extras) {
        for (MmsHeader h : extras) {
            if (h.isApplicationHeader()) {
                // A name outside visible ASCII would read back as a well-known code or a control octet.
                if (h.name().isEmpty() || !h.name().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                    throw new MmsCodecException(out.size(), "application header name",
                            "not a token of visible ASCII: " + h.name());
                }
                out.textString(h.name(), "application header name");
            } else {
                out.octet(0x80 | h.code());
            }
            out.bytes(h.rawValue());
        }
    }

    private static void body(WspWriter out, MmsBody body) {
        if (body == null) {
            return;
        }
        field(out, MmsHeaderField.CONTENT_TYPE);
        WspContentTypeCodec.write(out, body.contentType(), MmsHeaderField.CONTENT_TYPE.specName());
        bodyOctets(out, body);
    }

    /**
     * The octets of a body without its Content-Type: what a part of multipart type (say
     * multipart.alternative inside multipart.related) carries as its data.
     */
    public byte[] encodeBody(MmsBody body) {
        WspWriter out = new WspWriter();
        bodyOctets(out, body);
        if (out.size() > maxPduSize) {
            throw new MmsCodecException(out.size(), "body", out.size() + " octets exceed the limit of " + maxPduSize);
        }
        return out.toByteArray();
    }

    private static void bodyOctets(WspWriter out, MmsBody body) {
        if (!body.isMultipart()) {
            out.bytes(body.parts().get(0).data());
            return;
        }
        out.uintvar(body.parts().size());
        for (MmsPart part : body.parts()) {
            WspWriter headers = new WspWriter();
            WspContentTypeCodec.write(headers, part.contentType(), "part Content-Type");
            if (part.contentId() != null) {
                headers.octet(0x80 | 0x40).quotedString(part.contentId(), "part Content-ID");
            }
            if (part.contentLocation() != null) {
                headers.octet(0x80 | 0x0E).textString(part.contentLocation(), "part Content-Location");
            }
            if (part.contentDisposition() != null) {
                headers.octet(0x80 | WspContentTypeCodec.CONTENT_DISPOSITION);
                WspContentTypeCodec.writeDisposition(headers, part.contentDisposition(), "part Content-Disposition");
            }
            extras(headers, part.extraHeaders());
            byte[] data = part.data();
            out.uintvar(headers.size()).uintvar(data.length).bytes(headers.toByteArray()).bytes(data);
        }
    }
}
