package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Malformed input gives one precise {@link MmsCodecException}: the offset, the field, the reason. */
class MmsPduDecoderMalformedInputTest {

    private final MmsPduDecoder decoder = new MmsPduDecoder(1024, 2, 8);

    private MmsCodecException refused(Object... pieces) {
        MmsCodecException e = catchThrowableOfType(() -> decoder.decode(Bytes.of(pieces)), MmsCodecException.class);
        assertThat(e).as("expected MmsCodecException").isNotNull();
        return e;
    }

    private static void assertError(MmsCodecException e, int offset, String field, String reason) {
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.reason()).as(e.getMessage()).contains(reason);
        assertThat(e.getMessage()).isEqualTo(field + " at offset " + offset + ": " + e.reason());
    }

    @Test
    void refusesEmptyInputAndInputThatIsNotAPdu() {
        assertError(refused(), 0, "X-Mms-Message-Type", "empty PDU");
        assertError(refused("This is not a valid MMS PDU\n"), 0, "X-Mms-Message-Type", "found 0x54");
    }

    @Test
    void refusesUnknownAndUnsupportedMessageTypes() {
        assertError(refused(0x8C, 0xA5, 0x8D, 0x90), 1, "X-Mms-Message-Type", "unknown value 0xa5");
        assertError(refused(0x8C, 0x89, 0x8D, 0x90), 1, "X-Mms-Message-Type", "unsupported message type m-forward-req");
    }

    @Test
    void refusesPduOverTheSizeLimit() {
        byte[] big = new byte[1025];
        big[0] = (byte) 0x8C;
        MmsCodecException e = catchThrowableOfType(() -> decoder.decode(big), MmsCodecException.class);
        assertError(e, 0, "PDU", "1025 octets exceed the limit of 1024");
    }

    @Test
    void refusesTextCutByTheEndOfThePdu() {
        assertError(refused(0x8C, 0x82, 0x98, "tid"), 3, "X-Mms-Transaction-Id", "without its terminating NUL");
    }

    @Test
    void refusesValueLengthBeyondTheEnd() {
        // Subject announces 30 octets, 3 follow.
        assertError(refused(0x8C, 0x80, 0x96, 0x1E, 0xEA, "a", 0x00), 3, "Subject", "Value-length 30 exceeds the 3");
        // Length-quote with a Uintvar of 2^32-1.
        assertError(refused(0x8C, 0x80, 0x96, 0x1F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F), 4, "Subject", "length 4294967295 exceeds");
    }

    @Test
    void refusesUintvarLongerThanFiveOctets() {
        assertError(refused(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x81, 0x80, 0x80, 0x80, 0x80, 0x01), 7,
                "multipart entry count", "Uintvar longer than 5 octets");
    }

    @Test
    void refusesPartCountOverTheLimitAndPartLengthsBeyondTheEnd() {
        assertError(refused(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x03, "................"), 7,
                "multipart entry count", "3 parts exceed the limit of 2");
        assertError(refused(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x01, 0x01, 0x7F, 0x83), 9,
                "part 0 DataLen", "length 127 exceeds the 0 octets after the part headers");
        assertError(refused(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x01, 0x09, 0x00, 0x83), 8,
                "part 0 HeadersLen", "length 9 exceeds the 2 octets that remain");
    }

    @Test
    void refusesUnknownWellKnownValues() {
        assertError(refused(0x8C, 0x80, 0x8F, 0x85), 3, "X-Mms-Priority", "unknown value 0x85");
        assertError(refused(0x8C, 0x80, 0x86, 0x82), 3, "X-Mms-Delivery-Report", "expected Yes (0x80) or No (0x81)");
        assertError(refused(0x8C, 0x80, 0x8A, 0x84), 3, "X-Mms-Message-Class", "unknown Class-identifier 0x84");
        assertError(refused(0x8C, 0x80, 0x89, 0x01, 0x82), 4, "From", "Address-present-token");
        assertError(refused(0x8C, 0x80, 0x84, 0xFF), 3, "Content-Type", "unknown well-known content type 0x7f");
        assertError(refused(0x8C, 0x80, 0x84, 0x02, 0x83, 0xFE), 5, "Content-Type", "unknown well-known parameter 0x7e");
    }

    @Test
    void refusesIntegersTooLargeForTheirField() {
        assertError(refused(0x8C, 0x80, 0x85, 0x09, 1, 2, 3, 4, 5, 6, 7, 8, 9), 3, "Date", "9 octets exceeds 64 bits");
        assertError(refused(0x8C, 0x80, 0x85, 0x08, 0xFF, 2, 3, 4, 5, 6, 7, 8), 3, "Date", "exceeds 63 bits");
        // Found by the bit-flip property: a date past Instant.MAX once escaped as DateTimeException.
        assertError(refused(0x8C, 0x80, 0x85, 0x08, 0x7F, 2, 3, 4, 5, 6, 7, 8), 3, "Date", "beyond any representable date");
        assertError(refused(0x8C, 0x82, 0x88, 0x0A, 0x80, 0x08, 0x7F, 2, 3, 4, 5, 6, 7, 8), 5, "X-Mms-Expiry",
                "beyond any representable date");
    }

    @Test
    void refusesTooManyHeaders() {
        Object[] pieces = new Object[2 + 2 * 9];
        pieces[0] = 0x8C;
        pieces[1] = 0x85;
        for (int i = 0; i < 9; i++) {
            pieces[2 + 2 * i] = 0x91;
            pieces[3 + 2 * i] = 0x80;
        }
        assertError(refused(pieces), 16, "header field", "more than 8 headers");
    }

    @Test
    void refusesControlOctetsWhereAHeaderMustStart() {
        assertError(refused(0x8C, 0x85, 0x05, 0x01), 2, "header field", "expected a header field, found 0x05");
        // Found by the random-octets property: a space read as an application header name.
        assertError(refused(0x8C, 0x80, 0x20, 0x00), 2, "header field", "expected a header field, found 0x20");
    }

    @Test
    void refusesPushesThatAreNotForTheMmsUserAgent() {
        WspPushDecoder push = new WspPushDecoder(decoder);
        byte[] notification = Bytes.of(0x8C, 0x82, 0x98, "t", 0x00, 0x8D, 0x92);
        MmsCodecException e = catchThrowableOfType(() -> push.decode(Bytes.of(0x01, 0x05, 0x03, 0xBE, 0xAF, 0x84,
                notification)), MmsCodecException.class);
        assertError(e, 1, "WSP PDU type", "expected Push (0x06)");
        e = catchThrowableOfType(() -> push.decode(Bytes.of(0x01, 0x06, 0x01, 0xBE, notification)), MmsCodecException.class);
        assertError(e, 2, "X-Wap-Application-Id", "missing");
        e = catchThrowableOfType(() -> push.decode(Bytes.of(0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84,
                0x8C, 0x81, 0x98, "t", 0x00, 0x8D, 0x92)), MmsCodecException.class);
        assertError(e, 7, "X-Mms-Message-Type", "m-send-conf is never pushed");
        e = catchThrowableOfType(() -> push.decode(Bytes.of(0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84,
                0x8C, 0x82, 0x98, "tid")), MmsCodecException.class);
        assertError(e, 9, "X-Mms-Transaction-Id", "NUL");
    }
}
