package io.baton.mms.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.baton.mms.mime.Mm4Exception.Reason;
import io.baton.support.SharedTestData;

/**
 * The 92 carrier mails of monde/mms2r (read in place) through the MM4 reader. As they are, they are
 * mails, not MM4: each is refused as NOT_MM4 (some carry the handset's MM1 type, M-Send.req: still no MM4). Re-addressed as an MM4_forward.REQ (their From, To, Cc,
 * Date and mbox line replaced by MM4 headers, everything else byte for byte), each forward carries
 * exactly the subject and parts the mail reader finds in the mail, and a mail the mail reader refuses
 * is refused as BAD_CONTENT with the same reason: the MM4 path adds nothing and loses nothing.
 */
class Mm4CarrierMailTest {

    private static final String MM4_HEADERS = String.join("\r\n",
            "X-Mms-3GPP-MMS-Version: 6.3.0",
            "X-Mms-Message-Type: MM4_forward.REQ",
            "X-Mms-Transaction-ID: corpus-1",
            "X-Mms-Message-ID: <corpus-1@mms.operator.com>",
            "X-Mms-Originator-System: system-user@mms.operator.com",
            "From: +8613905000001/TYPE=PLMN@mms.operator.com",
            "To: +8613906000002/TYPE=PLMN@mms.example.cn",
            "Date: Sat, 12 Jan 2008 12:00:00 +0800", "");
    private static final List<String> REPLACED = List.of("from:", "to:", "cc:", "date:", "from ", "x-mms-message-type:", "x-mms-message-id:");

    private final Mm4Reader mm4 = Mm4Reader.withDefaultLimits();
    private final MimeMmsReader mail = MimeMmsReader.withDefaultLimits();

    @Test
    void everyCarrierMailIsRefusedAsNoMm4AndReadsAsTheSameContentWhenForwardedOverMm4() throws IOException {
        Path folder = SharedTestData.folder("mms-mime").resolve("mms2r");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".mail")).sorted().toList();
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] raw = Files.readAllBytes(file);

            Mm4Exception asMail = refusal(raw);
            if (declaresMm4(raw)) {
                // an MM4 forward that reached a mailbox: refused for its recipient, not for its type (Cricket's
                // also lack X-Mms-Message-ID; their Message-ID is used, or they would be MISSING_HEADER)
                assertThat(asMail).as(name).isNotNull();
                assertThat(asMail.getMessage()).as(name)
                        .isEqualTo("BAD_HEADER: To: none of 1 recipient addresses is a phone number");
                outcomes.merge("declares MM4, addressed to a mailbox", 1, Integer::sum);
            } else {
                assertThat(asMail).as(name + " as it is").isNotNull();
                assertThat(asMail.reason()).as(name + " as it is: " + asMail.getMessage()).isEqualTo(Reason.NOT_MM4);
            }

            byte[] forwarded = asForward(raw);
            MimeMms expected;
            try {
                expected = mail.read(raw);
            } catch (MimeMmsException refused) {
                Mm4Exception e = refusal(forwarded);
                assertThat(e).as(name + " forwarded").isNotNull();
                assertThat(e.reason()).as(name).isEqualTo(Reason.BAD_CONTENT);
                assertThat(e.getMessage()).as(name).contains(refused.reason().name());
                outcomes.merge("refused as BAD_CONTENT " + refused.reason(), 1, Integer::sum);
                continue;
            }
            Mm4Forward f = (Mm4Forward) mm4.read(forwarded);
            assertThat(f.messageId()).isEqualTo("corpus-1@mms.operator.com");
            assertThat(f.sender()).isEqualTo("+8613905000001");
            assertThat(f.recipients()).containsExactly("+8613906000002");
            assertThat(f.content().subject()).as(name).isEqualTo(expected.subject());
            assertThat(f.content().parts()).as(name).isEqualTo(expected.parts());
            outcomes.merge("forward read", 1, Integer::sum);
        }
        assertThat(files).hasSize(92);
        assertThat(outcomes).containsEntry("declares MM4, addressed to a mailbox", 5);
        assertThat(outcomes).as("7 Sprint mails only link to their pictures, 1 is carrier content only").containsEntry("forward read", 84)
                .containsEntry("refused as BAD_CONTENT NO_CONTENT_PARTS", 8);
    }

    /** Cricket, MTN and T-Mobile gateways keep X-MMS-Message-Type: MM4_forward.REQ on the mail they deliver. */
    private static boolean declaresMm4(byte[] raw) {
        return Mm4HeaderBlock.read(raw, 1 << 20, 1000).first("X-Mms-Message-Type").orElse("").startsWith("MM4_");
    }

    private Mm4Exception refusal(byte[] raw) {
        try {
            mm4.read(raw);
            return null;
        } catch (Mm4Exception e) {
            return e;
        }
    }

    /** MM4 headers first, then the mail's own header block without the replaced fields (and their folds), then its body. */
    private static byte[] asForward(byte[] raw) {
        int body = bodyStart(raw);
        String[] lines = new String(raw, 0, body, StandardCharsets.ISO_8859_1).split("\n", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MM4_HEADERS.getBytes(StandardCharsets.US_ASCII));
        boolean skipping = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (!continuation) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                skipping = REPLACED.stream().anyMatch(lower::startsWith);
            }
            if (!skipping) {
                out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.write(raw, body, raw.length - body);
        return out.toByteArray();
    }

    /** Offset just after the header block's last line (the blank line stays with the body). */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return raw.length;
    }
}
