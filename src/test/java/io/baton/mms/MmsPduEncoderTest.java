package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The octets Baton writes, field by field, and what the encoder refuses to write. */
class MmsPduEncoderTest {

    private final MmsPduEncoder encoder = new MmsPduEncoder();
    private final MmsPduDecoder decoder = new MmsPduDecoder();

    @Test
    void writesANotificationInSpecOrder() {
        MmsNotificationInd n = new MmsNotificationInd("t1", "1.2", "+8613905000001/TYPE=PLMN",
                new MmsEncodedString("转发", "gb2312"), "Personal", 1337L, MmsTimeValue.after(Duration.ofDays(3)),
                "http://m/1", true, MmsPriority.HIGH, List.of(MmsHeader.application("X-Campaign", "spring")));
        assertThat(encoder.encode(n)).isEqualTo(Bytes.of(
                0x8C, 0x82,                                   // X-Mms-Message-Type: m-notification-ind
                0x98, "t1", 0x00,                             // X-Mms-Transaction-Id
                0x8D, 0x92,                                   // X-Mms-MMS-Version: 1.2
                0x89, 0x1A, 0x80, "+8613905000001/TYPE=PLMN", 0x00, // From: Value-length 26, Address-present-token
                0x96, 0x09, 0x02, 0x07, 0xE9,                 // Subject: Value-length 9, Charset 2025 gb2312
                0x7F, 0xD7, 0xAA, 0xB7, 0xA2, 0x00,           //   Quote, "转发" in GB2312, NUL
                0x8A, 0x80,                                   // X-Mms-Message-Class: Personal
                0x8E, 0x02, 0x05, 0x39,                       // X-Mms-Message-Size: Long-integer 1337
                0x88, 0x05, 0x81, 0x03, 0x03, 0xF4, 0x80,     // X-Mms-Expiry: Relative-token, 259200 s
                0x83, "http://m/1", 0x00,                     // X-Mms-Content-Location
                0x86, 0x80,                                   // X-Mms-Delivery-Report: Yes
                0x8F, 0x82,                                   // X-Mms-Priority: High
                "X-Campaign", 0x00, "spring", 0x00));         // application header, kept last
    }

    @Test
    void writesTheDecodedSendReqBackToTheSameOctets() {
        assertThat(encoder.encode(decoder.decode(MmsPduDecoderTest.SEND_REQ))).isEqualTo(MmsPduDecoderTest.SEND_REQ);
    }

    @Test
    void refusesWhatItCannotWriteFaithfully() {
        MmsCodecException e = refused(sendReq("t", new MmsEncodedString("🎉", "gb2312")));
        assertThat(e.field()).isEqualTo("Subject");
        assertThat(e.reason()).isEqualTo("text not representable in gb2312");
        e = refused(sendReq("t\u0000", null));
        assertThat(e.field()).isEqualTo("X-Mms-Transaction-Id");
        assertThat(e.reason()).isEqualTo("text contains a NUL character");
        e = refused(sendReq("t", new MmsEncodedString("x", "klingon")));
        assertThat(e.reason()).isEqualTo("unknown charset name klingon");
        e = refused(new MmsAcknowledgeInd("t", "1.2", null, List.of(MmsHeader.application("X-Ünïcode", "v"))));
        assertThat(e.field()).isEqualTo("application header name");
        e = catchThrowableOfType(() -> new MmsPduEncoder(8).encode(sendReq("t", null)), MmsCodecException.class);
        assertThat(e.reason()).isEqualTo("10 octets exceed the limit of 8");
    }

    private MmsCodecException refused(MmsPdu pdu) {
        return catchThrowableOfType(() -> encoder.encode(pdu), MmsCodecException.class);
    }

    private static MmsSendReq sendReq(String transactionId, MmsEncodedString subject) {
        return new MmsSendReq(transactionId, "1.2", null, MmsPdu.INSERT_ADDRESS_TOKEN, List.of(), List.of(), List.of(),
                subject, null, null, null, null, null, null, null, null, List.of());
    }
}
