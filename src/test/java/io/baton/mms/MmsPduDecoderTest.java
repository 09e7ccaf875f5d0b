package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand-built PDUs of every type, octet by octet, each commented with its OMA-MMS-ENC / WSP field. */
class MmsPduDecoderTest {

    private final MmsPduDecoder decoder = new MmsPduDecoder();

    /** Date-value 0x5F5E1000 = 2020-09-13T12:26:40Z as Long-integer. */
    private static final Object[] DATE = { 0x85, 0x04, 0x5F, 0x5E, 0x10, 0x00 };
    private static final Instant DATE_VALUE = Instant.ofEpochSecond(0x5F5E1000L);

    private static byte[] pdu(Object... pieces) {
        return Bytes.of(pieces);
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** m-send-req with a UTF-8 Chinese subject and a two-part related body; MmsPduEncoderTest encodes it back. */
    static final byte[] SEND_REQ = Bytes.of(
            0x8C, 0x80,                                   // X-Mms-Message-Type: m-send-req
            0x98, "T-1", 0x00,                            // X-Mms-Transaction-Id: Text-string
            0x8D, 0x92,                                   // X-Mms-MMS-Version: 1.2
            0x85, 0x04, 0x5F, 0x5E, 0x10, 0x00,           // Date: Long-integer seconds
            0x89, 0x01, 0x81,                             // From: Value-length 1, Insert-address-token
            0x97, "+8613905000001/TYPE=PLMN", 0x00,       // To: Encoded-string-value as Text-string
            0x82, "+8613905000002/TYPE=PLMN", 0x00,       // Cc
            0x96, 0x09, 0xEA, 0x7F,                       // Subject: Value-length 9, Charset utf-8 (106), Quote
            0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD, 0x00,     //   "你好" in UTF-8, NUL
            0x8A, 0x80,                                   // X-Mms-Message-Class: Personal
            0x88, 0x05, 0x81, 0x03, 0x03, 0xF4, 0x80,     // X-Mms-Expiry: Relative-token, 259200 s
            0x8F, 0x81,                                   // X-Mms-Priority: Normal
            0x94, 0x81,                                   // X-Mms-Sender-Visibility: Show
            0x86, 0x81,                                   // X-Mms-Delivery-Report: No
            0x90, 0x80,                                   // X-Mms-Read-Report: Yes
            0x84, 0x18, 0xB3,                             // Content-Type: Value-length 24, multipart.related
            0x8A, "<s>", 0x00,                            //   Start (0x0A): "<s>"
            0x89, "application/smil", 0x00,               //   Type (0x09): application/smil
            0x02,                                         // multipart: 2 entries
            0x17, 0x07,                                   // entry 1: HeadersLen 23, DataLen 7
            "application/smil", 0x00,                     //   Content-type: Extension-media
            0xC0, 0x22, "<s>", 0x00,                      //   Content-ID: Quoted-string
            "<smil/>",                                    //   data
            0x0B, 0x02,                                   // entry 2: HeadersLen 11, DataLen 2
            0x03, 0x83, 0x81, 0xEA,                       //   Content-type: text/plain; Charset utf-8
            0x8E, "t.txt", 0x00,                          //   Content-Location
            "hi");                                        //   data

    @Test
    void decodesSendReqWithChineseSubjectAndRelatedMultipart() {
        MmsSendReq req = (MmsSendReq) decoder.decode(SEND_REQ);

        assertThat(req.transactionId()).isEqualTo("T-1");
        assertThat(req.mmsVersion()).isEqualTo("1.2");
        assertThat(req.date()).isEqualTo(DATE_VALUE);
        assertThat(req.from()).isEqualTo(MmsPdu.INSERT_ADDRESS_TOKEN);
        assertThat(req.to()).containsExactly("+8613905000001/TYPE=PLMN");
        assertThat(req.cc()).containsExactly("+8613905000002/TYPE=PLMN");
        assertThat(req.subject()).isEqualTo(new MmsEncodedString("你好", "utf-8"));
        assertThat(req.messageClass()).isEqualTo("Personal");
        assertThat(req.expiry()).isEqualTo(new MmsTimeValue(true, 259200));
        assertThat(req.priority()).isEqualTo(MmsPriority.NORMAL);
        assertThat(req.senderVisibility()).isEqualTo(MmsSenderVisibility.SHOW);
        assertThat(req.deliveryReport()).isFalse();
        assertThat(req.readReport()).isTrue();
        MmsBody body = req.body();
        assertThat(body.contentType()).isEqualTo(new MmsContentType("application/vnd.wap.multipart.related",
                Map.of("start", "<s>", "type", "application/smil")));
        assertThat(body.parts()).containsExactly(
                MmsPart.of(MmsContentType.of("application/smil"), "<s>", null, "<smil/>".getBytes()),
                MmsPart.of(new MmsContentType("text/plain", Map.of("charset", "utf-8")), null, "t.txt", "hi".getBytes()));
        assertThat(body.smilText()).contains("<smil/>");
        assertThat(body.parts().get(1).text()).isEqualTo("hi");
        assertThat(req.extraHeaders()).isEmpty();
    }

    @Test
    void decodesGb2312AndUcs2SubjectsAndRecordsAnUnknownCharset() {
        byte[] gb2312 = pdu(0x8C, 0x80, 0x98, "t", 0x00, 0x8D, 0x90,
                0x96, 0x07, 0x02, 0x07, 0xE9,                 // Subject: Value-length 7, Charset 2025 (gb2312) Long-integer
                0x7F, 0xD6, 0xD0, 0x00);                      //   Quote, "中" in GB2312, NUL
        assertThat(((MmsSendReq) decoder.decode(gb2312)).subject()).isEqualTo(new MmsEncodedString("中", "gb2312"));

        byte[] ucs2 = pdu(0x8C, 0x80, 0x98, "t", 0x00, 0x8D, 0x90,
                0x96, 0x0A, 0x02, 0x03, 0xE8,                 // Subject: Value-length 10, Charset 1000 (ISO-10646-UCS-2)
                0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87, 0x00);    //   BOM, "中文" UTF-16BE, NUL
        assertThat(((MmsSendReq) decoder.decode(ucs2)).subject()).isEqualTo(new MmsEncodedString("中文", "iso-10646-ucs-2"));

        byte[] unknown = pdu(0x8C, 0x80, 0x98, "t", 0x00, 0x8D, 0x90,
                0x96, 0x07, 0x02, 0x0B, 0xB8,                 // Subject: Value-length 7, Charset MIBenum 3000 (not ours)
                "abc", 0x00);
        DecodedMmsPdu d = decoder.decodeWithDetails(unknown);
        assertThat(((MmsSendReq) d.pdu()).subject()).isEqualTo(new MmsEncodedString("abc", "mib-3000"));
        assertThat(d.quirks()).containsExactly(new MmsQuirk(MmsQuirk.Kind.UNKNOWN_CHARSET, 9, "Subject"));
    }

    @Test
    void decodesSendConf() {
        MmsSendConf conf = (MmsSendConf) decoder.decode(pdu(
                0x8C, 0x81,                                   // X-Mms-Message-Type: m-send-conf
                0x98, "31887", 0x00,                          // X-Mms-Transaction-Id
                0x8D, 0x90,                                   // X-Mms-MMS-Version: 1.0
                0x92, 0xE1,                                   // X-Mms-Response-Status: Error-permanent-service-denied
                0x93, "Denied", 0x00,                         // X-Mms-Response-Text
                0x8B, "mid-1", 0x00));                        // Message-ID
        assertThat(conf).isEqualTo(new MmsSendConf("31887", "1.0", MmsResponseStatus.ERROR_PERMANENT_SERVICE_DENIED,
                MmsEncodedString.of("Denied"), "mid-1", List.of()));
    }

    @Test
    void decodesNotificationInd() {
        MmsNotificationInd n = (MmsNotificationInd) decoder.decode(pdu(
                0x8C, 0x82,                                   // X-Mms-Message-Type: m-notification-ind
                0x98, "tid", 0x00,                            // X-Mms-Transaction-Id
                0x8D, 0x92,                                   // X-Mms-MMS-Version: 1.2
                0x89, 0x10, 0x80, "+123/TYPE=PLMN", 0x00,     // From: Value-length 16, Address-present-token, address
                0x8A, 0x82,                                   // X-Mms-Message-Class: Informational
                0x8E, 0x02, 0x3A, 0x98,                       // X-Mms-Message-Size: Long-integer 15000
                0x88, 0x06, 0x80, 0x04, 0x5F, 0x5E, 0x10, 0x00, // X-Mms-Expiry: Absolute-token, Date-value
                0x83, "http://mmsc/x", 0x00));                // X-Mms-Content-Location
        assertThat(n).isEqualTo(new MmsNotificationInd("tid", "1.2", "+123/TYPE=PLMN", null, "Informational", 15000L,
                MmsTimeValue.at(DATE_VALUE), "http://mmsc/x", null, null, List.of()));
    }

    @Test
    void decodesNotifyRespInd() {
        MmsNotifyRespInd r = (MmsNotifyRespInd) decoder.decode(pdu(
                0x8C, 0x83,                                   // X-Mms-Message-Type: m-notifyresp-ind
                0x98, "tid", 0x00,                            // X-Mms-Transaction-Id
                0x8D, 0x90,                                   // X-Mms-MMS-Version: 1.0
                0x95, 0x83,                                   // X-Mms-Status: Deferred
                0x91, 0x80));                                 // X-Mms-Report-Allowed: Yes
        assertThat(r).isEqualTo(new MmsNotifyRespInd("tid", "1.0", MmsStatus.DEFERRED, true, List.of()));
    }

    @Test
    void decodesSinglePartRetrieveConfWithRetrieveStatus() {
        MmsRetrieveConf r = (MmsRetrieveConf) decoder.decode(pdu(concat(new Object[] {
            0x8C, 0x84,                                       // X-Mms-Message-Type: m-retrieve-conf
            0x8D, 0x93,                                       // X-Mms-MMS-Version: 1.3
            0x8B, "mid", 0x00 },                              // Message-ID
            concat(DATE,                                      // Date
                0x89, 0x05, 0x80, "+1", 0x00, 0x00,           // From: Value-length 5 of which 1 unused (tolerated)
                0x99, 0xE2,                                   // X-Mms-Retrieve-Status: Error-permanent-message-not-found
                0x9A, "4504:Message not found", 0x00,         // X-Mms-Retrieve-Text
                0x84, 0x83,                                   // Content-Type: text/plain (Short-integer)
                "gone"))));                                   // the whole rest is the single part
        assertThat(r.messageId()).isEqualTo("mid");
        assertThat(r.date()).isEqualTo(DATE_VALUE);
        assertThat(r.from()).isEqualTo("+1");
        assertThat(r.retrieveStatus()).isEqualTo(MmsRetrieveStatus.ERROR_PERMANENT_MESSAGE_NOT_FOUND);
        assertThat(r.retrieveText()).isEqualTo(MmsEncodedString.of("4504:Message not found"));
        assertThat(r.transactionId()).isNull();
        assertThat(r.body()).isEqualTo(MmsBody.single(MmsContentType.of("text/plain"), "gone".getBytes()));
        assertThat(r.body().isMultipart()).isFalse();
    }

    @Test
    void decodesAcknowledgeInd() {
        MmsAcknowledgeInd a = (MmsAcknowledgeInd) decoder.decode(pdu(
                0x8C, 0x85,                                   // X-Mms-Message-Type: m-acknowledge-ind
                0x98, "tid", 0x00,                            // X-Mms-Transaction-Id
                0x8D, 0x91,                                   // X-Mms-MMS-Version: 1.1
                0x91, 0x81));                                 // X-Mms-Report-Allowed: No
        assertThat(a).isEqualTo(new MmsAcknowledgeInd("tid", "1.1", false, List.of()));
    }

    @Test
    void decodesDeliveryInd() {
        MmsDeliveryInd d = (MmsDeliveryInd) decoder.decode(pdu(concat(new Object[] {
            0x8C, 0x86,                                       // X-Mms-Message-Type: m-delivery-ind
            0x8D, 0x90,                                       // X-Mms-MMS-Version: 1.0
            0x8B, "mid", 0x00,                                // Message-ID
            0x97, "+358500000000/TYPE=PLMN", 0x00 },          // To
            concat(DATE, 0x95, 0x82))));                      // Date, X-Mms-Status: Rejected
        assertThat(d).isEqualTo(new MmsDeliveryInd("1.0", "mid", List.of("+358500000000/TYPE=PLMN"), DATE_VALUE,
                MmsStatus.REJECTED, List.of()));
    }

    @Test
    void decodesReadRecAndReadOrigInd() {
        Object[] head = { 0x8D, 0x91,                         // X-Mms-MMS-Version: 1.1
            0x8B, "mid", 0x00,                                // Message-ID
            0x97, "+1/TYPE=PLMN", 0x00,                       // To
            0x89, 0x01, 0x81 };                               // From: Insert-address-token
        MmsReadRecInd rec = (MmsReadRecInd) decoder.decode(pdu(concat(concat(new Object[] { 0x8C, 0x87 }, head),
                concat(DATE, 0x9B, 0x80))));                  // m-read-rec-ind ... X-Mms-Read-Status: Read
        assertThat(rec).isEqualTo(new MmsReadRecInd("1.1", "mid", List.of("+1/TYPE=PLMN"), MmsPdu.INSERT_ADDRESS_TOKEN,
                DATE_VALUE, MmsReadStatus.READ, List.of()));
        MmsReadOrigInd orig = (MmsReadOrigInd) decoder.decode(pdu(concat(concat(new Object[] { 0x8C, 0x88 }, head),
                0x9B, 0x81)));                                // m-read-orig-ind, Deleted without being read, no Date
        assertThat(orig).isEqualTo(new MmsReadOrigInd("1.1", "mid", List.of("+1/TYPE=PLMN"), MmsPdu.INSERT_ADDRESS_TOKEN,
                null, MmsReadStatus.DELETED_WITHOUT_BEING_READ, List.of()));
    }

    @Test
    void keepsApplicationUnknownAndRepeatedHeadersInWireOrderAndRecordsQuirks() {
        DecodedMmsPdu d = decoder.decodeWithDetails(pdu(
                0x8C, 0x85, 0x98, "tid", 0x00,                // m-acknowledge-ind, Transaction-Id
                "X-Handset", 0x00, "Nokia", 0x00,             // application header: Token-text, Text-string
                0xFF, 0x81,                                   // well-known code 0x7F, not in MMS 1.3: skipped by shape
                0x98, "again", 0x00,                          // a second X-Mms-Transaction-Id
                0x8D, 0x90,                                   // X-Mms-MMS-Version after the others
                0x00, 0x00));                                 // NUL padding
        MmsAcknowledgeInd a = (MmsAcknowledgeInd) d.pdu();
        assertThat(a.transactionId()).isEqualTo("tid");
        assertThat(a.extraHeaders()).extracting(MmsHeader::name)
                .containsExactly("X-Handset", "X-Mms-0xff", "X-Mms-Transaction-Id");
        assertThat(a.extraHeaders("x-handset")).singleElement().isEqualTo(MmsHeader.application("X-Handset", "Nokia"));
        assertThat(d.headers()).hasSize(6);
        assertThat(d.quirks()).extracting(MmsQuirk::kind).containsExactly(MmsQuirk.Kind.UNKNOWN_HEADER_FIELD,
                MmsQuirk.Kind.TRAILING_NUL_PADDING, MmsQuirk.Kind.DUPLICATE_HEADER);
    }

    @Test
    void toleratesUnambiguousDeviationsOfRealHandsets() {
        DecodedMmsPdu d = decoder.decodeWithDetails(pdu(
                0x8C, 0x80, 0x98, "t", 0x00,                  // m-send-req without X-Mms-MMS-Version
                0x96, 0x05, 0xEA, 0xEF, 0xBB, 0xBF, "A",      // Subject: utf-8 with BOM, no NUL before the Value-length ends
                0x84, 0xA3));                                 // Content-Type: multipart.mixed, and no entry count at all
        MmsSendReq req = (MmsSendReq) d.pdu();
        assertThat(req.mmsVersion()).isEqualTo("1.0");
        assertThat(req.subject()).isEqualTo(new MmsEncodedString("A", "utf-8"));
        assertThat(req.body().parts()).isEmpty();
        assertThat(d.quirks()).extracting(MmsQuirk::kind).containsExactlyInAnyOrder(MmsQuirk.Kind.TEXT_WITHOUT_TERMINATOR,
                MmsQuirk.Kind.BYTE_ORDER_MARK_REMOVED, MmsQuirk.Kind.MISSING_PART_COUNT, MmsQuirk.Kind.MISSING_MMS_VERSION);
    }

    @Test
    void decodesPartDispositionAndAppHeadersAndPreviouslySent() {
        MmsRetrieveConf r = (MmsRetrieveConf) decoder.decode(pdu(
                0x8C, 0x84, 0x8D, 0x92,                       // m-retrieve-conf 1.2
                0xA0, 0x04, 0x81, "+2", 0x00,                 // X-Mms-Previously-Sent-By: counter 1, address
                0xA1, 0x04, 0x81, 0x02, 0x01, 0x00,           // X-Mms-Previously-Sent-Date: counter 1, Date 256
                0x84, 0xA3,                                   // Content-Type: multipart.mixed
                0x01, 0x28, 0x01,                             // 1 entry, HeadersLen 40, DataLen 1
                0x9E,                                         //   Content-type: image/jpeg
                0xAE, 0x08, 0x81, 0x86, "a.jpg", 0x00,        //   Content-Disposition: attachment; Filename a.jpg
                "Content-Transfer-Encoding", 0x00, 0x00,      //   application header with empty value
                0x81, 0x83,                                   //   WSP Accept-Charset (0x01): us-ascii, kept as extra
                0xFF));                                       //   data
        MmsPart part = r.body().parts().get(0);
        assertThat(part.contentDisposition()).isEqualTo(new MmsContentDisposition("attachment", Map.of("filename", "a.jpg")));
        assertThat(part.fileName()).isEqualTo("a.jpg");
        assertThat(part.extraHeaders()).extracting(MmsHeader::name).containsExactly("Content-Transfer-Encoding", "wsp-0x01");
        assertThat(part.data()).containsExactly(0xFF);
        assertThat(r.extraHeaders()).extracting(MmsHeader::value).containsExactly(
                new MmsPreviouslySent(1, "+2", null), new MmsPreviouslySent(1, null, Instant.ofEpochSecond(256)));
    }

    @Test
    void unwrapsTheWspPushOfANotification() {
        byte[] notification = pdu(0x8C, 0x82, 0x98, "t", 0x00, 0x8D, 0x92, 0x83, "http://m/1", 0x00);
        WspPush push = new WspPushDecoder(decoder).decode(pdu(
                0x2A,                                         // WSP TID
                0x06,                                         // PDU type: Push
                0x03,                                         // HeadersLen: 3
                0xBE,                                         // Content-Type: application/vnd.wap.mms-message
                0xAF, 0x84,                                   // X-Wap-Application-Id: x-wap-application:mms.ua
                notification));
        assertThat(push.transactionId()).isEqualTo(0x2A);
        assertThat(push.contentType()).isEqualTo("application/vnd.wap.mms-message");
        assertThat(push.pdu()).isEqualTo(decoder.decode(notification));
    }
}
