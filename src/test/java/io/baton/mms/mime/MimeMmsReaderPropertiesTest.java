package io.baton.mms.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import io.baton.support.SeededRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import io.baton.mms.mime.MimeMmsException.Reason;

/**
 * Generated messages read back to the parts they were built from; damaged and hostile input ends as
 * a decode or a {@link MimeMmsException}, nothing else. The timeouts detect hangs, they are no speed target.
 */
class MimeMmsReaderPropertiesTest {

    private static final Duration HANG = Duration.ofSeconds(10);
    private static final String BOUNDARY = "=_b0undary";

    private final MimeMmsReader reader = MimeMmsReader.withDefaultLimits();

    enum Encoding { BASE64, QUOTED_PRINTABLE, EIGHT_BIT }

    /** A part to write: media type, its text (null for binary) or bytes, names, encoding. */
    record Written(String mediaType, String text, byte[] bytes, String fileName, boolean rfc2231, String contentId,
            Encoding encoding) {
        byte[] data() {
            return text == null ? bytes : text.getBytes(StandardCharsets.UTF_8);
        }
    }

    record Message(String subject, List<Written> parts, int nestedFrom, byte[] raw) {
        @Override
        public String toString() {
            return "Message[" + subject + ", " + parts + ", nested from " + nestedFrom + "]";
        }
    }

    @Property(tries = 200)
    void generatedMessagesReadBackToTheSameParts(@ForAll("messages") Message message) {
        MimeMms mms = reader.read(message.raw());

        assertThat(mms.subject()).isEqualTo(message.subject());
        assertThat(mms.from()).isEqualTo("+8613905000001/TYPE=PLMN@mms.example.com");
        assertThat(mms.removedAsCarrierContent()).isEmpty();
        assertThat(mms.parts()).hasSameSizeAs(message.parts());
        for (int i = 0; i < message.parts().size(); i++) {
            Written written = message.parts().get(i);
            MimePart read = mms.parts().get(i);
            assertThat(read.mediaType()).isEqualTo(written.mediaType());
            assertThat(read.fileName()).isEqualTo(written.fileName());
            assertThat(read.contentId()).isEqualTo(written.contentId());
            assertThat(read.data()).isEqualTo(written.data());
            if (written.text() != null) {
                assertThat(read.contentType()).contains("charset=utf-8");
            }
        }
    }

    @Property(tries = 300)
    void junkIsReadOrRefusedNeverAnythingElse(@ForAll @Size(max = 4000) byte[] junk) {
        assertReadOrRefused(junk);
    }

    @Property(tries = 300)
    void truncatedMessagesAreReadOrRefused(@ForAll("messages") Message message, @ForAll @IntRange(max = 100_000) int cut) {
        assertReadOrRefused(Arrays.copyOf(message.raw(), cut % (message.raw().length + 1)));
    }

    @Property(tries = 300)
    void messagesWithFlippedBytesAreReadOrRefused(@ForAll("messages") Message message, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int flips) {
        byte[] damaged = message.raw().clone();
        Random random = new SeededRandom(seed);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(damaged.length);
            damaged[at] = random.nextBoolean() ? (byte) (damaged[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        assertReadOrRefused(damaged);
    }

    @Property(tries = 100)
    void hugeDeclaredSizesAreIgnoredOrRefused(@ForAll("messages") Message message,
            @ForAll @IntRange(min = 10, max = 19) int digits) {
        String huge = "9".repeat(digits);
        byte[] raw = concat(("Content-Length: " + huge + "\r\nX-Mms-Message-Size: " + huge + "\r\n")
                .getBytes(StandardCharsets.US_ASCII), message.raw());
        assertReadOrRefused(raw);
    }

    @Example
    void tenMegabytesOfJunkAreRefusedBeforeParsing() {
        byte[] junk = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(junk);
        assertRefusedWithin(junk, Reason.MESSAGE_TOO_LARGE);
    }

    @Example
    void aNestingBombStopsAtTheDepthLimit() {
        StringBuilder bomb = new StringBuilder("From: a@example.com\r\n");
        for (int level = 0; level < 50_000; level++) {
            bomb.append("Content-Type: multipart/mixed; boundary=l").append(level).append("\r\n\r\n--l").append(level).append("\r\n");
        }
        assertRefusedWithin(bomb.toString().getBytes(StandardCharsets.US_ASCII), Reason.NESTED_TOO_DEEP);
    }

    @Example
    void aHundredThousandPartsStopAtThePartLimit() {
        StringBuilder many = new StringBuilder("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        many.append("--b\r\n\r\nx\r\n".repeat(100_000)).append("--b--\r\n");
        assertRefusedWithin(many.toString().getBytes(StandardCharsets.US_ASCII), Reason.TOO_MANY_PARTS);
    }

    @Example
    void aHundredThousandHeaderFieldsAreRefused() {
        String fields = "From: a@example.com\r\n" + "X-Junk: x\r\n".repeat(100_000) + "\r\nhello\r\n";
        assertRefusedWithin(fields.getBytes(StandardCharsets.US_ASCII), Reason.HEADER_TOO_LARGE);
    }

    @Example
    void aHeaderFoldedOverAMegabyteIsRefused() {
        String folded = "From: a@example.com\r\nSubject: x" + "\r\n x".repeat(400_000) + "\r\n\r\nhello\r\n";
        assertRefusedWithin(folded.getBytes(StandardCharsets.US_ASCII), Reason.HEADER_TOO_LARGE);
    }

    @Example
    void aFourMegabyteLineWithoutNewlineIsReadOrRefused() {
        byte[] raw = concat("From: a@example.com\r\nSubject: ".getBytes(StandardCharsets.US_ASCII),
                "x".repeat(4 * 1024 * 1024 - 40).getBytes(StandardCharsets.US_ASCII));
        assertReadOrRefused(raw);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> subjects = words().map(word -> "s" + word);
        Arbitrary<List<Written>> parts = written().list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(subjects, parts, Arbitraries.integers().between(0, 6))
                .as((subject, list, nestedFrom) -> new Message(subject, list, nestedFrom, write(subject, list, nestedFrom)));
    }

    private static Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789#火炬接力奥运").ofMinLength(1).ofMaxLength(30);
    }

    private static Arbitrary<Written> written() {
        Arbitrary<String> binaryTypes = Arbitraries.of("image/jpeg", "image/gif", "image/png", "audio/amr", "video/3gpp",
                "application/octet-stream");
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3000);
        Arbitrary<String> fileNames = Arbitraries.oneOf(Arbitraries.just((String) null),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(name -> "p" + name + ".jpg"),
                words().map(name -> "图" + name.replace("#", "") + ".jpg"));
        Arbitrary<String> contentIds = Arbitraries.oneOf(Arbitraries.just((String) null),
                Arbitraries.integers().between(0, 9999).map(n -> "c" + n + "@baton"));
        Arbitrary<Written> binary = Combinators.combine(binaryTypes, bytes, fileNames, Arbitraries.of(true, false), contentIds,
                Arbitraries.of(Encoding.BASE64, Encoding.QUOTED_PRINTABLE))
                .as((type, data, name, rfc2231, id, encoding) -> new Written(type, null, data, name, rfc2231, id, encoding));
        Arbitrary<Written> text = Combinators.combine(words(), Arbitraries.of(Encoding.values()), contentIds)
                .as((words, encoding, id) -> new Written("text/plain", "t" + words, null, null, false, id, encoding));
        return Arbitraries.oneOf(binary, text);
    }

    private static byte[] write(String subject, List<Written> parts, int nestedFrom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "From: +8613905000001/TYPE=PLMN@mms.example.com\r\nTo: 8613906000002@mms.example.com\r\n"
                + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"" + BOUNDARY + "\"\r\n\r\n");
        for (int i = 0; i < parts.size(); i++) {
            if (i == nestedFrom) {
                ascii(out, "--" + BOUNDARY + "\r\nContent-Type: multipart/mixed; boundary=\"" + BOUNDARY + "n\"\r\n\r\n");
            }
            ascii(out, "--" + BOUNDARY + (i >= nestedFrom ? "n" : "") + "\r\n");
            writePart(out, parts.get(i));
        }
        if (nestedFrom < parts.size()) {
            ascii(out, "--" + BOUNDARY + "n--\r\n");
        }
        ascii(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void writePart(ByteArrayOutputStream out, Written part) {
        StringBuilder header = new StringBuilder("Content-Type: ").append(part.mediaType());
        if (part.text() != null) {
            header.append("; charset=utf-8");
        }
        if (part.fileName() != null && !part.rfc2231()) {
            header.append("; name=\"=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(part.fileName().getBytes(StandardCharsets.UTF_8))).append("?=\"");
        }
        header.append("\r\n");
        if (part.fileName() != null && part.rfc2231()) {
            header.append("Content-Disposition: attachment; filename*=UTF-8''").append(percent(part.fileName())).append("\r\n");
        }
        if (part.contentId() != null) {
            header.append("Content-ID: <").append(part.contentId()).append(">\r\n");
        }
        header.append("Content-Transfer-Encoding: ").append(switch (part.encoding()) {
            case BASE64 -> "base64";
            case QUOTED_PRINTABLE -> "quoted-printable";
            case EIGHT_BIT -> "8bit";
        }).append("\r\n\r\n");
        ascii(out, header.toString());
        byte[] data = part.data();
        switch (part.encoding()) {
            case BASE64 -> ascii(out, Base64.getMimeEncoder().encodeToString(data));
            case QUOTED_PRINTABLE -> ascii(out, quotedPrintable(data));
            case EIGHT_BIT -> out.writeBytes(data);
        }
        ascii(out, "\r\n");
    }

    /** Every byte that is not a safe printable as =XX, soft line breaks before 76 characters. */
    private static String quotedPrintable(byte[] data) {
        StringBuilder encoded = new StringBuilder();
        int line = 0;
        for (byte b : data) {
            int c = b & 0xFF;
            String piece = c > 32 && c < 127 && c != '=' ? String.valueOf((char) c) : String.format("=%02X", c);
            if (line + piece.length() > 72) {
                encoded.append("=\r\n");
                line = 0;
            }
            encoded.append(piece);
            line += piece.length();
        }
        return encoded.toString();
    }

    private static String percent(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            encoded.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return encoded.toString();
    }

    private void assertReadOrRefused(byte[] raw) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                MimeMms mms = reader.read(raw);
                assertThat(mms.parts()).isNotEmpty();
            } catch (MimeMmsException refused) {
                assertThat(refused.reason()).isNotNull();
            }
        });
    }

    private void assertRefusedWithin(byte[] raw, Reason reason) {
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> reader.read(raw))
                .isInstanceOfSatisfying(MimeMmsException.class, e -> assertThat(e.reason()).isEqualTo(reason)));
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
