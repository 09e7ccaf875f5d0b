package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SmsEncoderTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesPlainTextAsOneGsmSeptetPerOctet() {
        EncodedSms e = SmsEncoder.encode("hello", 1);
        assertThat(e.coding()).isEqualTo(DataCoding.GSM7);
        assertThat(e.esmClass()).isZero();
        assertThat(HEX.formatHex(e.segments().get(0))).isEqualTo("68656c6c6f");
    }

    @Test
    void countsAnExtensionCharacterAsTwoSeptets() {
        assertThat(HEX.formatHex(GsmAlphabet.encode("€["))).isEqualTo("1b651b3c");
        assertThat(GsmAlphabet.septets("a€")).isEqualTo(3);
        // 159 plain characters and one euro sign are 161 septets: two segments
        assertThat(SmsEncoder.encode("a".repeat(159) + "€", 1).segments()).hasSize(2);
        assertThat(SmsEncoder.encode("a".repeat(158) + "€", 1).segments()).hasSize(1);
    }

    @Test
    void packsSeptetsAsTs23038Shows() {
        // 3GPP TS 23.038 6.1.2.1.1: "hellohello" packs to E8 32 9B FD 46 97 D9 EC 37
        assertThat(HEX.formatHex(GsmAlphabet.pack(GsmAlphabet.encode("hellohello"), 0)))
                .isEqualTo("e8329bfd4697d9ec37");
    }

    @Test
    void sendsChineseAsUcs2() {
        EncodedSms e = SmsEncoder.encode("您的火炬接力序号是 T08-1", 1);
        assertThat(e.coding()).isEqualTo(DataCoding.UCS2);
        assertThat(e.coding().code()).isEqualTo((byte) 0x08);
        assertThat(HEX.formatHex(e.segments().get(0))).startsWith("60a87684706b"); // 您 的 火, UTF-16BE
    }

    @Test
    void splitsLongChineseIntoSegmentsOf67WithAConcatenationHeader() {
        EncodedSms e = SmsEncoder.encode("火".repeat(71), 0x1234);
        assertThat(e.segments()).hasSize(2);
        assertThat(e.esmClass()).isEqualTo((byte) 0x40);
        byte[] first = e.segments().get(0);
        // UDHL 5, IEI 0x00 (8-bit reference), IEDL 3, reference (low byte), total 2, sequence 1
        assertThat(HEX.formatHex(first, 0, 6)).isEqualTo("050003340201");
        assertThat(first.length).isEqualTo(6 + 67 * 2);
        assertThat(HEX.formatHex(e.segments().get(1), 0, 6)).isEqualTo("050003340202");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "火".repeat(66) + "😀" + "火".repeat(10);
        EncodedSms e = SmsEncoder.encode(text, 1);
        assertThat(e.segments().get(0).length).isEqualTo(6 + 66 * 2); // the emoji moved whole to segment 2
    }

    @Test
    void neverSplitsAnEscapeSequence() {
        String text = "a".repeat(152) + "€" + "b".repeat(20);
        EncodedSms e = SmsEncoder.encode(text, 1);
        assertThat(e.segments().get(0).length).isEqualTo(6 + 152);
        assertThat(e.segments().get(1)[6]).isEqualTo((byte) GsmAlphabet.ESCAPE);
    }

    @Test
    void refusesATextOfMoreThan255Segments() {
        assertThatThrownBy(() -> SmsEncoder.encode("火".repeat(67 * 255 + 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
    }
}
