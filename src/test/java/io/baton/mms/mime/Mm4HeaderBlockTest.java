package io.baton.mms.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.baton.mms.mime.Mm4Exception.Reason;

class Mm4HeaderBlockTest {

    private static Mm4HeaderBlock read(String block) {
        return Mm4HeaderBlock.read(block.getBytes(StandardCharsets.UTF_8), 64 * 1024, 500);
    }

    private static void assertRefused(String block, Reason reason, String detail) {
        assertThatThrownBy(() -> read(block)).isInstanceOfSatisfying(Mm4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void unfoldsContinuationLinesAndFindsFieldsWhateverTheirCase() {
        Mm4HeaderBlock h = read("From MAILER-DAEMON Sat Jan 12 12:00:00 2008\r\nSubject: a\r\n\tb\r\n  c\r\nx-mms-MESSAGE-type: "
                + "MM4_forward.REQ\r\nReceived: one\r\nReceived: two\r\n\r\nbody");

        assertThat(h.first("subject")).contains("a\tb  c");
        assertThat(h.first("X-Mms-Message-Type")).contains("MM4_forward.REQ");
        assertThat(h.all("RECEIVED")).containsExactly("one", "two");
        assertThat(h.first("from")).as("the mbox line is no field").isEmpty();
        assertThat(h.bodyOffset()).isEqualTo(h.bodyOffset());
        assertThat(new String("From MAILER-DAEMON Sat Jan 12 12:00:00 2008\r\nSubject: a\r\n\tb\r\n  c\r\nx-mms-MESSAGE-type: "
                + "MM4_forward.REQ\r\nReceived: one\r\nReceived: two\r\n\r\nbody").substring(h.bodyOffset())).isEqualTo("body");
    }

    @Test
    void readsEightBitValuesAsUtf8ElseLatin1AndABlockWithoutBody() {
        Mm4HeaderBlock utf8 = read("Subject: 火炬\nTo: x");
        assertThat(utf8.first("subject")).contains("火炬");
        assertThat(utf8.first("to")).contains("x");
        byte[] latin1 = "Subject: caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Mm4HeaderBlock.read(latin1, 1000, 10).first("subject")).contains("caf\u00e9");
    }

    @Test
    void refusesWhatIsNoHeaderBlockNamingTheLine() {
        assertRefused("Subject: a\r\nthis is prose\r\n\r\n", Reason.MALFORMED_HEADER, "line 2: not a header field");
        assertRefused(" folded: first\r\n", Reason.MALFORMED_HEADER, "line 1: continuation before the first field");
        assertRefused("Subject: a\r\n: no name\r\n", Reason.MALFORMED_HEADER, "line 2: empty field name");
        assertRefused("Sub ject: a\r\n", Reason.MALFORMED_HEADER, "line 1: not a header field");
        assertRefused("Subject: a\u0000b\r\n", Reason.MALFORMED_HEADER, "line 1: NUL byte");
    }

    @Test
    void refusesBlocksOverTheLimits() {
        String many = "A: 1\r\n".repeat(11);
        assertThatThrownBy(() -> Mm4HeaderBlock.read(many.getBytes(StandardCharsets.US_ASCII), 1000, 10))
                .isInstanceOfSatisfying(Mm4Exception.class, e -> assertThat(e.getMessage()).contains("more than 10 header fields"));
        String longLine = "Subject: " + "x".repeat(2000) + "\r\n\r\n";
        assertThatThrownBy(() -> Mm4HeaderBlock.read(longLine.getBytes(StandardCharsets.US_ASCII), 1000, 10))
                .isInstanceOfSatisfying(Mm4Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.HEADER_TOO_LARGE));
    }
}
