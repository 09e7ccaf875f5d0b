package io.baton.mms;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unwraps the WSP push that brings an MMS notification over SMS (WAP-230 §8.2.4.1, OMA-MMS-ENC
 * §5): TID, PDU type, HeadersLen, content type application/vnd.wap.mms-message, headers with
 * X-Wap-Application-Id x-wap-application:mms.ua, then the MMS PDU. Pushes that are not for the MMS
 * user agent, or carry a type the MMSC never pushes, are refused rather than guessed at. A
 * Content-Length header is ignored: operators send it wrong (Orange announces 91 octets for 65).
 */
public final class WspPushDecoder {

    private static final int PUSH = 0x06;
    private static final int CONFIRMED_PUSH = 0x07;
    private static final int X_WAP_APPLICATION_ID = 0x2F;
    private static final int MMS_UA = 0x04;
    private static final String MMS_MESSAGE = "application/vnd.wap.mms-message";
    private static final String MMS_UA_TEXT = "x-wap-application:mms.ua";
    /** What an MMSC pushes to a handset (OMA-MMS-CTR): everything else arrives over HTTP. */
    private static final Set<MmsMessageType> PUSHED = EnumSet.of(MmsMessageType.M_NOTIFICATION_IND,
            MmsMessageType.M_DELIVERY_IND, MmsMessageType.M_READ_ORIG_IND);

    private final MmsPduDecoder decoder;

    public WspPushDecoder(MmsPduDecoder decoder) {
        this.decoder = decoder;
    }

    public WspPush decode(byte[] push) {
        if (push == null || push.length == 0) {
            throw new MmsCodecException(0, "WSP TID", "empty push");
        }
        WspCursor in = new WspCursor(push, new ArrayList<>());
        int tid = in.octet("WSP TID");
        int typeAt = in.position();
        int pduType = in.octet("WSP PDU type");
        if (pduType != PUSH && pduType != CONFIRMED_PUSH) {
            throw new MmsCodecException(typeAt, "WSP PDU type", "expected Push (0x06) or Confirmed-Push (0x07), found 0x"
                    + WspCursor.hex(pduType));
        }
        int headersLength = in.length("WSP HeadersLen");
        WspCursor headers = in.region(headersLength, "WSP headers");
        MmsContentType contentType = WspContentTypeCodec.read(headers, "WSP Content-Type");
        if (!contentType.is(MMS_MESSAGE)) {
            throw new MmsCodecException(typeAt + 1, "WSP Content-Type", "not an MMS push: " + contentType.mediaType());
        }
        String applicationId = null;
        while (headers.hasRemaining()) {
            int at = headers.position();
            int b = headers.peek("WSP header");
            if (b == (0x80 | X_WAP_APPLICATION_ID)) {
                headers.octet("X-Wap-Application-Id");
                applicationId = applicationId(headers);
            } else if (b >= 0x80) {
                headers.octet("WSP header");
                headers.skipValue("WSP header 0x" + WspCursor.hex(b & 0x7F));
            } else if (b > 0x20 && b < 0x7F) {
                headers.textString("WSP header name");
                headers.textString("WSP header value");
            } else {
                throw new MmsCodecException(at, "WSP header", "expected a header field, found 0x" + WspCursor.hex(b));
            }
        }
        if (applicationId == null) {
            throw new MmsCodecException(typeAt + 1, "X-Wap-Application-Id", "missing: push is not addressed to the MMS user agent");
        }
        if (!applicationId.equals(MMS_UA_TEXT)) {
            throw new MmsCodecException(typeAt + 1, "X-Wap-Application-Id", "push is for " + applicationId + ", not " + MMS_UA_TEXT);
        }
        int bodyAt = in.position();
        if (!in.hasRemaining()) {
            throw new MmsCodecException(bodyAt, "push body", "no MMS PDU after the WSP headers");
        }
        byte[] body = in.rest();
        MmsPdu pdu;
        try {
            pdu = decoder.decode(body);
        } catch (MmsCodecException e) {
            throw new MmsCodecException(bodyAt + e.offset(), e.field(), e.reason());
        }
        if (!PUSHED.contains(pdu.messageType())) {
            throw new MmsCodecException(bodyAt + 1, "X-Mms-Message-Type",
                    pdu.messageType().specName() + " is never pushed to a handset");
        }
        return new WspPush(tid, pduType, contentType.mediaType(), applicationId, pdu);
    }

    private static String applicationId(WspCursor headers) {
        int b = headers.peek("X-Wap-Application-Id");
        if (b >= 0x80 || b <= 30) {
            long id = headers.integerValue("X-Wap-Application-Id");
            return id == MMS_UA ? MMS_UA_TEXT : "x-wap-application-id:" + id;
        }
        return headers.textString("X-Wap-Application-Id");
    }
}
