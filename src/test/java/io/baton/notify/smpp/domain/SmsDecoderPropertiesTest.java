package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsDecoderPropertiesTest {

    @Provide
    Arbitrary<Byte> codings() {
        return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x03, (byte) 0x08, (byte) 0x04, (byte) 0xF0);
    }

    /** Whatever an SMSC sends, the decoder gives a text or its one precise exception, never another one. */
    @Property(tries = 2000)
    void arbitraryBytesDecodeOrFailPrecisely(@ForAll("codings") byte coding, @ForAll byte[] message,
            @ForAll boolean udhi) {
        try {
            DecodedSms d = SmsDecoder.decode(coding, message, udhi);
            assertThat(d.text()).isNotNull();
            d.part().ifPresent(p -> assertThat(p.sequence()).isBetween(1, p.total()));
        } catch (SmsDecodingException e) {
            assertThat(e.field()).isIn("udh", "short_message", "data_coding");
        }
    }

    /** Flipping one bit of a valid concatenated segment never escapes as anything but a decoding error. */
    @Property(tries = 1000)
    void oneBitFlipsOfASegmentDecodeOrFailPrecisely(@ForAll("bitIndex") int bit) {
        byte[] seg = SmsEncoder.encode("火".repeat(80), 9).segments().get(0).clone();
        seg[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
            SmsDecoder.decode((byte) 0x08, seg, true);
        } catch (SmsDecodingException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Integer> bitIndex() {
        return Arbitraries.integers().between(0, (6 + 67 * 2) * 8 - 1);
    }

    @Test
    void readsLatin1AndA16BitReferenceHeader() throws Exception {
        DecodedSms latin = SmsDecoder.decode((byte) 0x03, "olé".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                false);
        assertThat(latin.text()).isEqualTo("olé");
        // UDHL 6, IEI 0x08, IEDL 4, reference 0x0102, total 3, sequence 2, then "hi" in GSM
        DecodedSms seg = SmsDecoder.decode((byte) 0x00, HexFormat.of().parseHex("060804010203026869"), true);
        assertThat(seg.text()).isEqualTo("hi");
        assertThat(seg.part()).contains(new DecodedSms.Part(0x0102, 3, 2));
    }

    @Test
    void refusesAHeaderLongerThanTheMessage() {
        assertThatThrownBy(() -> SmsDecoder.decode((byte) 0, HexFormat.of().parseHex("0500030102"), true))
                .isInstanceOf(SmsDecodingException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> SmsDecoder.decode((byte) 0x08, new byte[] { 0x00, 0x41, 0x00 }, false))
                .isInstanceOf(SmsDecodingException.class).hasMessageContaining("odd length");
    }
}
