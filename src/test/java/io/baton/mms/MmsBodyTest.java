package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The helpers a campaign needs on a body: its SMIL, and part text in the part's charset. */
class MmsBodyTest {

    private static MmsPart part(String type, String charset, String id, byte[] data) {
        Map<String, String> params = charset == null ? Map.of() : Map.of("charset", charset);
        return MmsPart.of(new MmsContentType(type, params), id, null, data);
    }

    @Test
    void smilIsTheStartPartWhenItIsSmilElseTheFirstSmilPart() {
        MmsPart first = part("application/smil", null, "<a>", "<smil>a</smil>".getBytes(StandardCharsets.US_ASCII));
        MmsPart start = part("application/smil", null, "<b>", "<smil>b</smil>".getBytes(StandardCharsets.US_ASCII));
        MmsContentType related = new MmsContentType("application/vnd.wap.multipart.related", Map.of("start", "<b>"));
        assertThat(MmsBody.multipart(related, List.of(first, start)).smilText()).contains("<smil>b</smil>");
        MmsContentType mixed = MmsContentType.of("application/vnd.wap.multipart.mixed");
        assertThat(MmsBody.multipart(mixed, List.of(first, start)).smil()).contains(first);
        assertThat(MmsBody.multipart(mixed, List.of()).smil()).isEmpty();
    }

    @Test
    void partTextIsReadInItsCharset() {
        byte[] ucs2 = { (byte) 0xFE, (byte) 0xFF, 0x4E, 0x2D, 0x65, (byte) 0x87 };
        assertThat(part("text/plain", "iso-10646-ucs-2", null, ucs2).text()).isEqualTo("中文");
        assertThat(part("text/plain", "gb2312", null, "转发".getBytes(Charset.forName("GB2312"))).text()).isEqualTo("转发");
        assertThat(part("text/plain", "utf-8", null, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i' }).text())
                .isEqualTo("Hi");
        // No charset and not UTF-8: ISO-8859-1 rather than replacement characters.
        assertThat(part("text/plain", null, null, new byte[] { 'c', (byte) 0xE9 }).text()).isEqualTo("cé");
    }

    @Test
    void nestedMultipartIsCarriedAsPartDataAndDecodedOnDemand() {
        MmsPduEncoder encoder = new MmsPduEncoder();
        MmsPduDecoder decoder = new MmsPduDecoder();
        MmsBody alternative = MmsBody.multipart(MmsContentType.of("application/vnd.wap.multipart.alternative"), List.of(
                part("text/plain", "utf-8", "<t>", "接力".getBytes(StandardCharsets.UTF_8)),
                part("text/html", "utf-8", "<h>", "<b>接力</b>".getBytes(StandardCharsets.UTF_8))));
        MmsPart nested = part(alternative.contentType().mediaType(), null, "<alt>", encoder.encodeBody(alternative));
        MmsBody related = MmsBody.multipart(MmsContentType.of("application/vnd.wap.multipart.related"), List.of(nested));
        MmsRetrieveConf conf = new MmsRetrieveConf(null, "1.2", null, null, null, List.of(), List.of(), null, null, null,
                null, null, null, null, related, List.of());

        MmsPart decoded = ((MmsRetrieveConf) decoder.decode(encoder.encode(conf))).body().parts().get(0);

        assertThat(decoder.decodeBody(decoded.contentType(), decoded.data())).isEqualTo(alternative);
        assertThat(decoder.decodeBody(decoded.contentType(), decoded.data()).parts().get(1).text()).isEqualTo("<b>接力</b>");
    }

    @Test
    void singlePartBodyHoldsExactlyOnePart() {
        assertThatThrownBy(() -> new MmsBody(MmsContentType.of("text/plain"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        MmsBody single = MmsBody.single(MmsContentType.of("text/plain"), new byte[] { 'x' });
        assertThat(single.isMultipart()).isFalse();
        assertThat(single.parts()).singleElement().extracting(MmsPart::size).isEqualTo(1);
    }
}
