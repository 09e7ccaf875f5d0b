package io.baton.mms.mime;

import static io.baton.mms.mime.MimeMmsFixtures.JPEG;
import static io.baton.mms.mime.MimeMmsFixtures.JPEG_BASE64;
import static io.baton.mms.mime.MimeMmsFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.baton.mms.mime.MimeMmsException.Reason;

class MimeMmsReaderTest {

    private static final Charset GB2312 = Charset.forName("GB2312");

    private final MimeMmsReader reader = MimeMmsReader.withDefaultLimits();

    @Test
    void readsAnMm4RelatedMessageWithSmilJpegAndGb2312Text() {
        MimeMms mms = reader.read(MimeMmsFixtures.relatedWithSmilJpegAndGb2312Text());

        assertThat(mms.from()).isEqualTo("+8613905000001/TYPE=PLMN@mms.example.com");
        assertThat(mms.to()).containsExactly("8613906000002/TYPE=PLMN@mms.example.com", "8613906000003@mms.example.com",
                "+86 139 0600 0004/TYPE=PLMN@mms.example.com");
        assertThat(mms.subject()).isEqualTo("你好");
        assertThat(mms.date()).isEqualTo(Instant.parse("2008-01-12T04:00:00Z"));
        assertThat(mms.messageId()).isEqualTo("m-1@mmsc.nj.example.com");
        assertThat(mms.parts()).extracting(MimePart::mediaType).containsExactly("application/smil", "image/jpeg", "text/plain");
        MimePart smil = mms.parts().get(0);
        assertThat(smil.contentId()).isEqualTo("smil");
        assertThat(smil.contentLocation()).isEqualTo("smil.xml");
        assertThat(new String(smil.data(), StandardCharsets.US_ASCII)).startsWith("<smil>").endsWith("</smil>");
        MimePart jpeg = mms.parts().get(1);
        assertThat(jpeg.data()).isEqualTo(JPEG);
        assertThat(jpeg.fileName()).isEqualTo("torch.jpg");
        assertThat(jpeg.contentId()).isEqualTo("torch");
        MimePart text = mms.parts().get(2);
        assertThat(text.contentType()).isEqualTo("text/plain; charset=gb2312");
        assertThat(new String(text.data(), GB2312)).isEqualTo("你好 #火炬2008#");
        assertThat(mms.removedAsCarrierContent()).isEmpty();
    }

    @Test
    void readsAMixedMessageDecodingWordsInSubjectAndFileNames() {
        MimeMms mms = reader.read(MimeMmsFixtures.mixedWithEncodedNames());

        assertThat(mms.from()).isEqualTo("8613905000009@mms.example.com");
        assertThat(mms.subject()).isEqualTo("火炬接力 2008");
        assertThat(mms.date()).isEqualTo(Instant.parse("2008-01-12T04:00:00Z"));
        assertThat(mms.parts()).extracting(MimePart::fileName).containsExactly(null, "奥运.jpg", "火.jpg");
        assertThat(new String(mms.parts().get(0).data(), StandardCharsets.UTF_8)).isEqualTo("转发 #火炬接力2008#");
        assertThat(mms.parts().get(2).data()).isEqualTo(JPEG);
    }

    @Test
    void flattensANestedAlternativeKeepingThePlainTextAndThePictureButNotTheHtmlOrTheLogo() {
        MimeMms mms = reader.read(MimeMmsFixtures.alternativeWithRelatedHtml());

        assertThat(mms.subject()).isEqualTo("Géorgie");
        assertThat(mms.parts()).extracting(MimePart::mediaType).containsExactly("text/plain", "image/jpeg");
        assertThat(new String(mms.parts().get(0).data(), StandardCharsets.ISO_8859_1)).isEqualTo("Café #torch2008#");
        assertThat(mms.parts().get(1).contentId()).isEqualTo("pic");
        assertThat(mms.removedAsCarrierContent()).containsExactly(
                "(unnamed) (text/html): HTML alternative of a text/plain part",
                "dottedline600.gif (image/gif): T-Mobile layout");
    }

    @Test
    void keepsAnHtmlAlternativeWhenThereIsNoPlainText() {
        MimeMms mms = reader.read(mail("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/html; charset=utf-8

                <p>#torch2008#</p>
                --b--
                """));

        assertThat(mms.parts()).extracting(MimePart::mediaType).containsExactly("text/html");
    }

    @Test
    void decodesBig5AndIso88591SubjectsAndUnfoldsLongOnes() {
        assertThat(subjectOf("=?Big5?B?tvi5QqT1rLI=?=")).isEqualTo("奧運火炬");
        assertThat(subjectOf("=?ISO-8859-1?Q?D'ici_un_mois_G=E9orgie?=")).isEqualTo("D'ici un mois Géorgie");
        assertThat(subjectOf("a long subject\n  folded  twice\n\tover three lines")).isEqualTo(
                "a long subject folded twice over three lines");
        assertThat(subjectOf("=?x-unknown?B?broken?=")).isEqualTo("=?x-unknown?B?broken?=");
    }

    @Test
    void readsAnEightBitUtf8SubjectAsUtf8() {
        byte[] raw = ("From: a@example.com\r\nSubject: 奥运\r\n\r\nhello #torch2008#\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(raw).subject()).isEqualTo("奥运");
    }

    @Test
    void blanksACarrierDefaultSubjectAndSaysSo() {
        MimeMms mms = reader.read(mail("From: 12068675309@mms.att.example\nSubject: Multimedia message\n\nhi\n"));

        assertThat(mms.subject()).isEmpty();
        assertThat(mms.removedAsCarrierContent()).containsExactly("subject \"Multimedia message\": carrier default subject");
    }

    @Test
    void cutsCarrierFootersAndDropsTextThatIsOnlyANotice() {
        MimeMms mms = reader.read(mail("""
                From: 2068675309@vzwpix.example
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                This is an MMS message.
                --b
                Content-Type: text/plain; charset=us-ascii

                Look at this!
                Sent from my iPhone
                --b
                Content-Type: image/jpeg
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(JPEG_BASE64)));

        assertThat(mms.parts()).extracting(MimePart::mediaType).containsExactly("text/plain", "image/jpeg");
        assertThat(new String(mms.parts().get(0).data(), StandardCharsets.US_ASCII)).isEqualTo("Look at this!");
        assertThat(mms.removedAsCarrierContent()).hasSize(3);
    }

    @Test
    void readsASinglePartMessageWithoutOptionalHeaders() {
        MimeMms mms = reader.read(mail("From: someone@example.com\n\nhello #torch2008#\n"));

        assertThat(mms.subject()).isEmpty();
        assertThat(mms.date()).isNull();
        assertThat(mms.messageId()).isNull();
        assertThat(mms.to()).isEmpty();
        assertThat(mms.parts()).singleElement().satisfies(part -> {
            assertThat(part.contentType()).isEqualTo("text/plain; charset=us-ascii");
            assertThat(new String(part.data(), StandardCharsets.US_ASCII)).isEqualTo("hello #torch2008#\r\n");
        });
    }

    @Test
    void keepsAnAttachedMailAsOnePartWithoutOpeningIt() {
        MimeMms mms = reader.read(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: message/rfc822

                From: b@example.com
                Content-Type: multipart/mixed; boundary=c

                --c
                Content-Type: image/gif; name=spacer.gif

                GIF89a
                --c--
                --b--
                """));

        assertThat(mms.parts()).extracting(MimePart::mediaType).containsExactly("message/rfc822");
        assertThat(new String(mms.parts().get(0).data(), StandardCharsets.US_ASCII)).startsWith("From: b@example.com");
    }

    @Test
    void takesTheMm4MessageIdWhenThereIsNoMessageIdHeader() {
        MimeMms mms = reader.read(mail("From: a@example.com\nX-Mms-Message-ID: \"mmsc-42\"\n\nhello\n"));

        assertThat(mms.messageId()).isEqualTo("mmsc-42");
    }

    @Test
    void refusesBytesThatAreNoMailMessage() {
        assertRefused(new byte[] { 0x00, 0x01, 0x02 }, Reason.NOT_A_MIME_MESSAGE);
        assertRefused("just some text\nwith lines\n".getBytes(StandardCharsets.US_ASCII), Reason.NOT_A_MIME_MESSAGE);
        assertRefused(new byte[0], Reason.NOT_A_MIME_MESSAGE);
    }

    @Test
    void refusesAMessageOverTheSizeLimitBeforeParsingIt() {
        assertThatThrownBy(() -> new MimeMmsReader(100, 64, 8).read(new byte[101]))
                .isInstanceOfSatisfying(MimeMmsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MESSAGE_TOO_LARGE));
    }

    @Test
    void refusesAMessageWhosePartsAreAllEmptyOrCarrierContent() {
        assertRefused(mail("""
                From: a@example.com
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: image/gif; name=spacer.gif

                GIF89a
                --b
                Content-Type: text/plain

                \s
                --b--
                """), Reason.NO_CONTENT_PARTS);
    }

    @Test
    void readsWhatItCanOfATruncatedMultipartOrOneWithoutBoundary() {
        MimeMms truncated = reader.read(mail("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n" + JPEG_BASE64 + "\n--b\n"
                + "Content-Type: text/plain\n\nhello, then the conn"));
        assertThat(truncated.parts()).extracting(MimePart::mediaType).containsExactly("image/jpeg", "text/plain");
        assertThat(truncated.parts().get(0).data()).isEqualTo(JPEG);

        MimeMms noBoundary = reader.read(mail("From: a@example.com\nContent-Type: multipart/mixed\n\n--x\nhello\n--x--\n"));
        assertThat(noBoundary.parts()).hasSize(1);
    }

    @Test
    void decodesBrokenBase64AsFarAsItGoes() {
        MimeMms mms = reader.read(mail("From: a@example.com\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n"
                + "/9j/4A!!$$AQ SkZJ\n####\n"));

        assertThat(mms.parts().get(0).data()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
    }

    @Test
    void extractsThePhoneNumberOfAnAddressWhenItsLocalPartIsOne() {
        assertThat(PhoneAddress.localPartNumber("8613905000001@mms.example.com")).contains("8613905000001");
        assertThat(PhoneAddress.localPartNumber("+1 555 123 4567/TYPE=PLMN@carrier")).contains("+15551234567");
        assertThat(PhoneAddress.localPartNumber("\"206-867-5309\"@vzwpix.com")).contains("2068675309");
        assertThat(PhoneAddress.localPartNumber("+8613905000001/TYPE=PLMN")).contains("+8613905000001");
        assertThat(PhoneAddress.localPartNumber("o2.5551234@mms.o2online.de")).isEmpty();
        assertThat(PhoneAddress.localPartNumber("joe.example@unicel.com")).isEmpty();
        assertThat(PhoneAddress.localPartNumber("12@short.example")).isEmpty();
        assertThat(PhoneAddress.localPartNumber(null)).isEmpty();
    }

    private String subjectOf(String subject) {
        return reader.read(mail("From: a@example.com\nSubject: " + subject + "\n\nhello\n")).subject();
    }

    private void assertRefused(byte[] raw, Reason reason) {
        assertThatThrownBy(() -> reader.read(raw))
                .isInstanceOfSatisfying(MimeMmsException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
