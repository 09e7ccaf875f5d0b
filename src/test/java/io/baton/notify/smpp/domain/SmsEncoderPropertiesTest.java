package io.baton.notify.smpp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsEncoderPropertiesTest {

    /** Every character of the GSM default alphabet and its extension table, the escape itself excluded. */
    static final String GSM_CHARS = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" + "\f^{}\\[~]|€";

    @Provide
    Arbitrary<String> gsmTexts() {
        return Arbitraries.strings().withChars(GSM_CHARS.toCharArray()).ofMinLength(0).ofMaxLength(800);
    }

    /** GSM text with a few characters from elsewhere: Chinese, emoji (surrogate pairs), Cyrillic. */
    @Provide
    Arbitrary<String> mixedTexts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars(GSM_CHARS.toCharArray()).ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(20),
                Arbitraries.of("😀", "🔥", "𝄞", "Ж", "ñ", "€", "{", "\\"),
                Arbitraries.strings().ofMaxLength(10).map(s -> s.replaceAll("[\\uD800-\\uDFFF]", "")));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void gsmTextRoundTripsAndStaysGsm(@ForAll("gsmTexts") String text) throws Exception {
        EncodedSms e = SmsEncoder.encode(text, 7);
        assertThat(e.coding()).isEqualTo(DataCoding.GSM7);
        assertThat(decode(e)).isEqualTo(text);
        assertSegmentsFitAndAreMinimal(text, e);
    }

    @Property(tries = 500)
    void anyTextRoundTrips(@ForAll("mixedTexts") String text) throws Exception {
        EncodedSms e = SmsEncoder.encode(text, 200);
        assertThat(e.coding()).isEqualTo(GsmAlphabet.septets(text) < 0 ? DataCoding.UCS2 : DataCoding.GSM7);
        assertThat(decode(e)).isEqualTo(text);
        assertSegmentsFitAndAreMinimal(text, e);
    }

    @Property(tries = 300)
    void arbitraryUnicodeRoundTrips(@ForAll String text) throws Exception {
        String valid = text.replaceAll("[\\uD800-\\uDFFF]", ""); // lone surrogates are not text
        assertThat(decode(SmsEncoder.encode(valid, 1))).isEqualTo(valid);
    }

    static String decode(EncodedSms e) throws SmsDecodingException {
        StringBuilder out = new StringBuilder();
        int n = e.segments().size();
        for (int i = 0; i < n; i++) {
            DecodedSms d = SmsDecoder.decode(e.coding().code(), e.segments().get(i), e.concatenated());
            if (e.concatenated()) {
                assertThat(d.part()).contains(new DecodedSms.Part(e.segments().get(0)[3] & 0xFF, n, i + 1));
            } else {
                assertThat(d.part()).isEmpty();
            }
            out.append(d.text());
        }
        return out.toString();
    }

    /**
     * Every segment fits 140 octets on the air and 254 in short_message, none splits an escape or a
     * surrogate pair, and none but the last could have taken the next segment's first character
     * (so no split uses more segments than needed).
     */
    static void assertSegmentsFitAndAreMinimal(String text, EncodedSms e) throws SmsDecodingException {
        List<byte[]> segs = e.segments();
        boolean udh = e.concatenated();
        int capacity = e.coding() == DataCoding.GSM7 ? (udh ? 153 : 160) : (udh ? 67 : 70);
        String[] texts = new String[segs.size()];
        for (int i = 0; i < segs.size(); i++) {
            byte[] s = segs.get(i);
            assertThat(SmsEncoder.airOctets(e.coding(), s, udh)).isLessThanOrEqualTo(140);
            assertThat(s.length).isLessThanOrEqualTo(254);
            texts[i] = SmsDecoder.decode(e.coding().code(), s, udh).text();
            if (e.coding() == DataCoding.GSM7) {
                int body = s.length - (udh ? 6 : 0);
                assertThat(body).isLessThanOrEqualTo(capacity);
                assertThat(body > 0 && s[s.length - 1] == GsmAlphabet.ESCAPE).as("ends in an escape").isFalse();
            } else {
                assertThat(texts[i].length()).isLessThanOrEqualTo(capacity);
                if (!texts[i].isEmpty()) {
                    assertThat(Character.isLowSurrogate(texts[i].charAt(0))).isFalse();
                    assertThat(Character.isHighSurrogate(texts[i].charAt(texts[i].length() - 1))).isFalse();
                }
            }
        }
        for (int i = 0; i + 1 < texts.length; i++) {
            String next = texts[i + 1];
            int firstCost = e.coding() == DataCoding.GSM7 ? GsmAlphabet.septets(next.charAt(0))
                    : Character.charCount(next.codePointAt(0));
            int used = e.coding() == DataCoding.GSM7 ? GsmAlphabet.septets(texts[i]) : texts[i].length();
            assertThat(used + firstCost).as("segment %d could hold more", i + 1).isGreaterThan(capacity);
        }
        if (segs.size() == 1) {
            int size = e.coding() == DataCoding.GSM7 ? GsmAlphabet.septets(text) : text.length();
            assertThat(size).isLessThanOrEqualTo(e.coding() == DataCoding.GSM7 ? 160 : 70);
        } else {
            int size = e.coding() == DataCoding.GSM7 ? GsmAlphabet.septets(text) : text.length();
            assertThat(size).as("a text that fits one SMS is not split")
                    .isGreaterThan(e.coding() == DataCoding.GSM7 ? 160 : 70);
        }
    }
}
