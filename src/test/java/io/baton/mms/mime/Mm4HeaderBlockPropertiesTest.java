package io.baton.mms.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.baton.support.SeededRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import io.baton.mms.mime.Mm4Exception.Reason;

/**
 * The MM4 header parser and reader under generated and hostile input: folded fields read back to
 * their values, junk and damaged records end as a record or an {@link Mm4Exception} (never another
 * exception, never a hang), oversized blocks as HEADER_TOO_LARGE. Timeouts detect hangs only.
 */
class Mm4HeaderBlockPropertiesTest {

    private static final Duration HANG = Duration.ofSeconds(10);
    private static final List<String> FIXTURES = List.of("forward-req.eml", "forward-req-no-date.eml",
            "delivery-report-retrieved.eml", "delivery-report-unrecognized.eml", "read-reply-report.eml");

    private final Mm4Reader reader = Mm4Reader.withDefaultLimits();

    record Field(String name, List<String> words) {
        String value() {
            return String.join(" ", words);
        }
    }

    @Provide
    Arbitrary<List<Field>> fieldLists() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcXYZ-019_").ofMinLength(1).ofMaxLength(20)
                .map(n -> "X-" + n);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> unicodeWord = Arbitraries.strings().withChars("火炬接力传递é").ofMinLength(1).ofMaxLength(4);
        return Combinators.combine(name, Arbitraries.oneOf(word, unicodeWord).list().ofMinSize(1).ofMaxSize(8))
                .as(Field::new).list().ofMinSize(1).ofMaxSize(30);
    }

    /** Each field folded before random words, with CRLF or LF and a space or tab: unfolding gives the value back. */
    @Property(tries = 300)
    void foldedFieldsReadBackToTheirValues(@ForAll("fieldLists") List<Field> fields,
            @ForAll long seed, @ForAll boolean crlf) {
        Random random = new SeededRandom(seed);
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder block = new StringBuilder();
        for (Field f : fields) {
            block.append(f.name()).append(':');
            for (String w : f.words()) {
                boolean fold = block.length() > 0 && random.nextInt(3) == 0;
                block.append(fold ? eol + (random.nextBoolean() ? " " : "\t") : " ").append(w);
            }
            block.append(eol);
        }
        block.append(eol).append("body");
        byte[] raw = block.toString().getBytes(StandardCharsets.UTF_8);

        Mm4HeaderBlock h = Mm4HeaderBlock.read(raw, 1 << 20, 1000);

        for (Field f : fields) {
            String read = h.all(f.name()).get(fields.stream().filter(g -> g.name().equalsIgnoreCase(f.name()))
                    .toList().indexOf(f));
            assertThat(read.replaceAll("\\s+", " ")).isEqualTo(f.value());
        }
        assertThat(new String(raw, h.bodyOffset(), raw.length - h.bodyOffset(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    /** Random bytes, as header block and as a whole record: a result or the one exception type. */
    @Property(tries = 1000)
    void junkEndsAsARecordOrAnMm4Exception(@ForAll @Size(max = 2000) byte[] junk) {
        assertTimeoutPreemptively(HANG, () -> {
            readOrRefuse(junk);
            byte[] typed = concat("X-Mms-Message-Type: MM4_forward.REQ\r\n".getBytes(StandardCharsets.US_ASCII), junk);
            readOrRefuse(typed);
        });
    }

    /** Damaged fixtures (bit flips, cuts, inserted line breaks and NULs) end as a record or a precise refusal. */
    @Property(tries = 500)
    void damagedRecordsEndAsARecordOrAnMm4Exception(@ForAll @IntRange(min = 0, max = 4) int fixture,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int damages) {
        byte[] raw = Mm4Records.bytes(FIXTURES.get(fixture));
        Random random = new SeededRandom(seed);
        for (int i = 0; i < damages; i++) {
            int at = random.nextInt(raw.length);
            switch (random.nextInt(4)) {
                case 0 -> raw[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> raw = Arrays.copyOf(raw, Math.max(1, at));
                case 2 -> raw[at] = (byte) "\r\n\0:".charAt(random.nextInt(4));
                default -> raw[at] = (byte) (' ' + random.nextInt(2) * 9);
            }
        }
        byte[] damaged = raw;
        assertTimeoutPreemptively(HANG, () -> readOrRefuse(damaged));
    }

    /** Lines and blocks of hostile size stop at the limit with HEADER_TOO_LARGE, before the bytes are decoded. */
    @Property(tries = 50)
    void hostileSizesAreRefusedAtTheLimit(@ForAll @IntRange(min = 1, max = 200_000) int lineLength,
            @ForAll @IntRange(min = 1, max = 2000) int fieldCount, @ForAll boolean folded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] filler = new byte[lineLength];
        Arrays.fill(filler, (byte) 'x');
        out.writeBytes("X-Mms-Message-Type: MM4_forward.REQ\r\nSubject: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(filler);
        for (int i = 0; i < fieldCount; i++) {
            out.writeBytes((folded ? "\r\n x" : "\r\nX-F" + i + ": x").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] raw = out.toByteArray();
        int fields = folded ? 2 : 2 + fieldCount;
        int headerBytes = raw.length - 2;
        boolean tooLarge = headerBytes > Mm4Reader.MAX_HEADER_BYTES || fields > Mm4Reader.MAX_HEADER_FIELDS;

        if (tooLarge) {
            assertThatThrownBy(() -> reader.read(raw)).isInstanceOfSatisfying(Mm4Exception.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.HEADER_TOO_LARGE));
        } else {
            assertThatThrownBy(() -> reader.read(raw)).as("within limits: refused for another reason")
                    .isInstanceOfSatisfying(Mm4Exception.class,
                            e -> assertThat(e.reason()).isNotEqualTo(Reason.HEADER_TOO_LARGE));
        }
    }

    private void readOrRefuse(byte[] raw) {
        try {
            Mm4Record record = reader.read(raw);
            assertThat(record.messageId()).isNotBlank();
        } catch (Mm4Exception expected) {
            assertThat(expected.reason()).isNotNull();
            assertThat(expected.getMessage()).startsWith(expected.reason().name() + ": ");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
