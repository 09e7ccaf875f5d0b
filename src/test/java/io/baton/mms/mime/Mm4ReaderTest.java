package io.baton.mms.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.baton.mms.MmsStatus;
import io.baton.mms.mime.Mm4Exception.Reason;

class Mm4ReaderTest {

    private final Mm4Reader reader = Mm4Reader.withDefaultLimits();

    private Mm4Record read(String fixture) {
        return reader.read(Mm4Records.bytes(fixture));
    }

    @Test
    void readsAForwardWithFoldedHeadersGb2312SubjectAndRelatedContent() {
        Mm4Forward f = (Mm4Forward) read("forward-req.eml");

        assertThat(f.messageType()).isEqualTo("MM4_forward.REQ");
        assertThat(f.mmsVersion()).isEqualTo("6.3.0");
        assertThat(f.transactionId()).isEqualTo("t-20080112-0001");
        assertThat(f.messageId()).as("X-Mms-Message-ID, not the SMTP Message-ID").isEqualTo("m-mm4-0001@mms.operator.com");
        assertThat(f.originatorSystem()).isEqualTo("system-user@mms.operator.com");
        assertThat(f.sender()).isEqualTo("+8613905000001");
        assertThat(f.recipients()).as("To then Cc, the e-mail recipient left out")
                .containsExactly("+8613906000002", "+8613907000003", "8613705000004");
        assertThat(f.date()).isEqualTo(Instant.parse("2008-01-12T04:00:00Z"));
        assertThat(f.content().subject()).isEqualTo("Fwd: 奥运火炬传递");
        assertThat(f.content().parts()).extracting(MimePart::mediaType)
                .containsExactly("application/smil", "image/jpeg", "text/plain");
        assertThat(f.content().parts().get(1).data()).startsWith(0xFF, 0xD8).hasSize(66);
        assertThat(new String(f.content().parts().get(2).data(), Charset.forName("GB2312")))
                .endsWith("#火炬接力2008#");
    }

    @Test
    void takesTheReceivedDateWhenDateIsMissingAndReadsGbkNamesTelAddressesAndLfLines() {
        Mm4Forward f = (Mm4Forward) read("forward-req-no-date.eml");

        assertThat(f.messageType()).as("type matched case-insensitively").isEqualTo("MM4_forward.REQ");
        assertThat(f.messageId()).as("quotes taken off").isEqualTo("m-mm4-0002");
        assertThat(f.sender()).as("number behind a GBK display name").isEqualTo("8613905000001");
        assertThat(f.recipients()).containsExactly("+8613906000002");
        assertThat(f.date()).as("from the Received line").isEqualTo(Instant.parse("2008-01-13T01:00:05Z"));
        assertThat(f.content().subject()).as("RFC 2047: space between adjacent encoded words is dropped").isEqualTo("转发火炬");
        assertThat(new String(f.content().parts().get(0).data(), StandardCharsets.UTF_8)).startsWith("我朋友说：");
        assertThat(f.originatorSystem()).isNull();
    }

    @Test
    void readsADeliveryReportWhoseFromIsTheRecipient() {
        Mm4DeliveryReport r = (Mm4DeliveryReport) read("delivery-report-retrieved.eml");

        assertThat(r.messageId()).isEqualTo("m-mm4-0001@mms.operator.com");
        assertThat(r.recipient()).isEqualTo("+8613906000002");
        assertThat(r.status()).isEqualTo(MmsStatus.RETRIEVED);
        assertThat(r.statusText()).isEqualTo("已提取");
        assertThat(r.date()).isEqualTo(Instant.parse("2008-01-12T04:00:07Z"));
        assertThat(r.transactionId()).isEqualTo("t-20080112-0002");
    }

    @Test
    void readsAFoldedAmericanSpelledStatusAndLeavesAnUnknownDateToTheCaller() {
        Mm4DeliveryReport r = (Mm4DeliveryReport) read("delivery-report-unrecognized.eml");

        assertThat(r.status()).isEqualTo(MmsStatus.UNRECOGNISED);
        assertThat(r.recipient()).isEqualTo("+8613906000002");
        assertThat(r.date()).isNull();
    }

    @Test
    void readsAReadReplyReport() {
        Mm4ReadReplyReport r = (Mm4ReadReplyReport) read("read-reply-report.eml");

        assertThat(r.messageId()).isEqualTo("m-mm4-0001@mms.operator.com");
        assertThat(r.readStatus()).isEqualTo("Read");
    }

    @Test
    void refusesEachUnusableRecordWithAPreciseReasonThatNamesNoAddress() {
        assertRefused("forward-res.eml", Reason.UNSUPPORTED_TYPE, "MM4_forward.RES is a response between MMSCs");
        assertRefused("forward-req-email-sender.eml", Reason.BAD_HEADER, "From: not a phone number");
        assertRefused("delivery-report-unknown-status.eml", Reason.BAD_HEADER,
                "X-Mms-MM-Status-Code: unknown status \"Delivered\"");
        assertRefused("delivery-report-ipv4.eml", Reason.BAD_HEADER, "From: not a phone number");
        assertRefused("delivery-report-no-message-id.eml", Reason.MISSING_HEADER, "X-Mms-Message-ID: required");
    }

    private void assertRefused(String fixture, Reason reason, String detail) {
        assertThatThrownBy(() -> read(fixture)).as(fixture).isInstanceOfSatisfying(Mm4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(detail).doesNotContain("8613").doesNotContain("joe@");
        });
    }

    @Test
    void refusesAMailWithoutMm4TypeAndAnUnknownType() {
        byte[] mail = "From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(mail)).isInstanceOfSatisfying(Mm4Exception.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_MM4));
        byte[] odd = "X-Mms-Message-Type: MM4_magic.REQ\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(odd)).isInstanceOfSatisfying(Mm4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
            assertThat(e.getMessage()).contains("unknown X-Mms-Message-Type \"MM4_magic.REQ\"");
        });
    }

    @Test
    void refusesAForwardWhoseRecipientsAreNoPhoneNumbersOrWhoseContentIsUnreadable() {
        String head = "X-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-Message-ID: m-9\r\nFrom: +8613905000001/TYPE=PLMN@a\r\n";
        byte[] mailboxes = (head + "To: a@example.com, b@example.com\r\nContent-Type: text/plain\r\n\r\nhi")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(mailboxes)).isInstanceOfSatisfying(Mm4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER);
            assertThat(e.getMessage()).contains("none of 2 recipient addresses is a phone number");
        });
        byte[] noTo = (head + "Content-Type: text/plain\r\n\r\nhi").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(noTo)).isInstanceOfSatisfying(Mm4Exception.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
        byte[] empty = (head + "To: +8613906000002/TYPE=PLMN@b\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(empty)).isInstanceOfSatisfying(Mm4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_CONTENT);
            assertThat(e.getMessage()).contains("NO_CONTENT_PARTS");
        });
    }

    @Test
    void refusesARecordOverTheLimitBeforeReadingIt() {
        Mm4Reader small = new Mm4Reader(100, MimeMmsReader.withDefaultLimits());
        assertThatThrownBy(() -> small.read(Mm4Records.bytes("forward-req.eml")))
                .isInstanceOfSatisfying(Mm4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.RECORD_TOO_LARGE));
        assertThatThrownBy(() -> small.read(new byte[0]))
                .isInstanceOfSatisfying(Mm4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_MM4));
    }

    @Test
    void phoneNumbersComeFromEveryMmscAddressFormButNotFromOtherAddressTypes() {
        assertThat(PhoneAddress.number("+8613905000001/TYPE=PLMN@mms.operator.com")).contains("+8613905000001");
        assertThat(PhoneAddress.number("tel:+8613905000001")).contains("+8613905000001");
        assertThat(PhoneAddress.number("TEL:8613905000001")).contains("8613905000001");
        assertThat(PhoneAddress.number("8613905000001/type=plmn")).contains("8613905000001");
        assertThat(PhoneAddress.number("+358500000000/TYPE=PLNM")).as("misspelt by a real MMSC").contains("+358500000000");
        assertThat(PhoneAddress.number("10.1.2.3/TYPE=IPv4@mms.example.cn")).isEmpty();
        assertThat(PhoneAddress.number("joe@example.com")).isEmpty();
        assertThat(PhoneAddress.number(null)).isEmpty();
    }
}
