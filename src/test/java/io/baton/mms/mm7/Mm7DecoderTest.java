package io.baton.mms.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.support.SharedTestData;

/** The content of real captures, and quirks built by hand: what the MO keyword and reports rely on. */
class Mm7DecoderTest {

    private final Mm7Decoder decoder = Mm7Decoder.DEFAULT;

    private Mm7Message.DeliverReq sample(String file) throws Exception {
        Path root = SharedTestData.folder("mm7").getParent();
        Mm7Sample s = Mm7Sample.load(root, "mm7/instantcom-mm7/" + file);
        return (Mm7Message.DeliverReq) decoder.decode(s.contentType(), s.body());
    }

    @Test
    void aNestedMultipartWithSpacesInItsBoundaryIsFlattenedAndATruncatedBase64GifKept() throws Exception {
        List<Mm7Part> content = sample("deliver-req2.txt").content();
        assertThat(content).extracting(Mm7Part::mediaType).containsExactly("text/plain", "image/gif");
        assertThat(content.get(0).charset()).isEqualTo("us-ascii");
        assertThat(new String(content.get(1).data(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("GIF8");
        assertThat(content.get(1).contentId()).isEqualTo("saturn.gif");
    }

    @Test
    void anHrefThatMatchesNoContentIdTakesTheOnlyOtherPart() throws Exception {
        Mm7Message.DeliverReq d = sample("deliver-req1.txt");
        assertThat(d.contentHref()).isEqualTo("cid:forecast-location2000102-86453");
        Mm7Message.DeliverReq post = sample("deliver-req-post.txt");
        assertThat(post.contentHref()).isEqualTo("cid:forecast-location200102-86453");
        assertThat(post.content()).hasSize(1);
        assertThat(post.content().get(0).data()).isEqualTo(d.content().get(0).data());
    }

    @Test
    void aSpaceAfterCidAndAContentIdWithoutBracketsMatch() throws Exception {
        Mm7Message.DeliverReq d = sample("deliver-req5.txt");
        assertThat(d.contentHref()).isEqualTo("cid: content_15");
        assertThat(d.content()).extracting(Mm7Part::mediaType).containsExactly("application/smil", "image/jpeg");
        assertThat(new String(d.content().get(0).data(), StandardCharsets.UTF_8)).startsWith("<smil>");
        assertThat(d.content().get(1).contentLocation()).isEqualTo("DCIM_11.jpg");
        assertThat(d.recipients()).containsExactly(new Mm7Message.Recipient("To", Mm7Address.shortCode("121399")));
    }

    @Test
    void capitalisedParametersAndUpperCaseBase64AreRead() throws Exception {
        Mm7Message.DeliverReq d = sample("deliver-req3.txt");
        assertThat(d.content()).extracting(Mm7Part::mediaType).startsWith("application/smil", "image/gif");
        assertThat(new String(d.content().get(0).data(), StandardCharsets.UTF_8)).startsWith("<smil>");
    }

    @Test
    void aBigRealDeliverReqGivesItsJpegWhole() throws Exception {
        Mm7Message.DeliverReq d = sample("deliver-req4.txt");
        assertThat(d.sender()).isNull();
        byte[] jpeg = d.content().get(0).data();
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        assertThat(jpeg[jpeg.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xFF).isEqualTo(0xD9);
    }

    private static final String ENVELOPE = "<?xml version=\"1.0\"?><e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<e:Header><TransactionID>t-1</TransactionID></e:Header><e:Body><DeliverReq><MM7Version>5.3.0</MM7Version>"
            + "<Sender><RFC2822Address>8613905000001@mms.example</RFC2822Address></Sender>"
            + "<Content href=\"CID:%3CText%201%3E\"/></DeliverReq></e:Body></e:Envelope>";

    @Test
    void aStartThatNamesNoPartFallsBackToTheXmlPartAndCidsCompareLeniently() throws Exception {
        String body = "\r\n--b\r\nContent-Type: text/plain\r\nContent-ID: <other>\r\n\r\nignored\r\n"
                + "--b\r\nContent-Type: application/xml\r\n\r\n" + ENVELOPE + "\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-ID: < text 1 >\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n2008=E5=B9=B4=\r\n!\r\n--b--\r\n";
        Mm7Message.DeliverReq d = (Mm7Message.DeliverReq) decoder.decode(
                "multipart/related; boundary=b; start=\"<nowhere>\"", body.getBytes(StandardCharsets.UTF_8));
        assertThat(d.header()).isEqualTo(new Mm7Header(null, "t-1", null, "5.3.0"));
        assertThat(d.sender()).isEqualTo(new Mm7Address(Mm7Address.Kind.RFC2822_ADDRESS, "8613905000001@mms.example"));
        assertThat(d.content()).hasSize(1);
        assertThat(new String(d.content().get(0).data(), StandardCharsets.UTF_8)).isEqualTo("2008年!");
    }

    @Test
    void aMultipartCutBeforeItsClosingBoundaryIsRefused() {
        String body = "--b\r\nContent-Type: text/xml\r\n\r\n" + ENVELOPE + "\r\n--b\r\nContent-Type: text/plain\r\n\r\nx";
        assertThatThrownBy(() -> decoder.decode("multipart/related; boundary=b", body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Mm7Exception.class)
                .hasMessage("multipart: the body ends before the closing boundary \"--b--\"");
    }

    @Test
    void aMissingMandatoryElementIsNamed() {
        String xml = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body><DeliveryReportReq>"
                + "<MessageID>m</MessageID></DeliveryReportReq></e:Body></e:Envelope>";
        assertThatThrownBy(() -> decoder.decode("text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Mm7Exception.class)
                .hasMessage("SOAP envelope DeliveryReportReq/MMStatus: missing (mandatory)");
    }

    @Test
    void aStatusCodeThatIsNotANumberIsNamed() {
        String xml = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body><SubmitRsp>"
                + "<Status><StatusCode>OK</StatusCode></Status></SubmitRsp></e:Body></e:Envelope>";
        assertThatThrownBy(() -> decoder.decode("text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Mm7Exception.class)
                .hasMessage("SOAP envelope SubmitRsp/Status/StatusCode: not a number: \"OK\"");
    }
}
