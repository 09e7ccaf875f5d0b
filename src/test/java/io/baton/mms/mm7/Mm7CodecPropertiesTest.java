package io.baton.mms.mm7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Build → parse gives back the message; damaged and hostile bodies end in a decode or an
 * {@link Mm7Exception} with a place and a reason, never another exception or a hang (the timeout
 * detects hangs, it is no speed target).
 */
class Mm7CodecPropertiesTest {

    private static final Duration HANG = Duration.ofSeconds(5);
    private static final List<String> NAMESPACES = List.of(
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-0",
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-3",
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4",
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-6-7");

    private final Mm7Encoder encoder = new Mm7Encoder();
    private final Mm7Decoder decoder = new Mm7Decoder(1 << 20, 50, 4);

    @Provide
    Arbitrary<String> namespaces() {
        return Arbitraries.oneOf(Arbitraries.of(NAMESPACES), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4e50').ofMaxLength(40)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<Mm7Part> parts() {
        Arbitrary<Mm7Part> text = texts().map(t -> new Mm7Part("text/plain; charset=utf-8", "t" + t.length(), null,
                t.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Mm7Part> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)
                .map(b -> new Mm7Part("image/jpeg", "img", "seed.jpg", b));
        return Arbitraries.oneOf(text, binary);
    }

    @Provide
    Arbitrary<Mm7Message.SubmitReq> submits() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(15);
        return Combinators.combine(namespaces(), digits, digits.list().ofMinSize(1).ofMaxSize(5), texts(),
                parts().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as((ns, from, to, subject, content, report) -> new Mm7Message.SubmitReq(
                        Mm7Header.of(ns, "seed-" + from, "6.8.0"), "vasp&<1>", "vas", Mm7Address.shortCode(from),
                        to.stream().map(t -> new Mm7Message.Recipient("To", Mm7Address.number(t))).toList(), "svc",
                        null, report, subject, null, null, content));
    }

    @Property(tries = 200)
    void submitReqRoundTrips(@ForAll("submits") Mm7Message.SubmitReq sent) throws Exception {
        Mm7Body body = encoder.encode(sent);
        Mm7Message.SubmitReq read = (Mm7Message.SubmitReq) decoder.decode(body.contentType(), body.body());

        assertThat(read.header()).isEqualTo(sent.header());
        assertThat(read.senderAddress()).isEqualTo(sent.senderAddress());
        assertThat(read.recipients()).isEqualTo(sent.recipients());
        assertThat(read.subject()).isEqualTo(sent.subject());
        assertThat(read.vaspId()).isEqualTo(sent.vaspId());
        assertThat(read.deliveryReport()).isEqualTo(sent.deliveryReport());
        assertThat(read.content()).hasSameSizeAs(sent.content());
        for (int i = 0; i < sent.content().size(); i++) {
            assertThat(read.content().get(i).data()).isEqualTo(sent.content().get(i).data());
            assertThat(read.content().get(i).contentType()).isEqualTo(sent.content().get(i).contentType());
            assertThat(read.content().get(i).contentId()).isEqualTo(sent.content().get(i).contentId());
        }
    }

    @Property(tries = 200)
    void responsesRoundTrip(@ForAll("namespaces") String ns, @ForAll @IntRange(min = 1000, max = 4999) int code,
            @ForAll("texts") String text, @ForAll("texts") String transaction) throws Exception {
        Mm7Header h = Mm7Header.of(ns, transaction, "6.8.0");
        Mm7Status status = new Mm7Status(code, text);
        List<Mm7Message> messages = List.of(new Mm7Message.SubmitRsp(h, status, "m-" + code),
                new Mm7Message.DeliverRsp(h, status, null), new Mm7Message.DeliveryReportRsp(h, status),
                new Mm7Message.ReadReplyRsp(h, status),
                new Mm7Message.Fault(h, "env:Client", text, "RSErrorRsp", status),
                new Mm7Message.DeliveryReportReq(h, "m-1", Mm7Address.number("8613905000001"),
                        Mm7Address.shortCode("10658000"), "2008-01-12T12:00:07+08:00", "Retrieved", text),
                new Mm7Message.ReadReplyReq(h, "m-1", Mm7Address.number("8613905000001"),
                        Mm7Address.shortCode("10658000"), "2008-01-12T12:00:07+08:00", "Read", text));
        for (Mm7Message m : messages) {
            Mm7Body body = encoder.encode(m);
            assertThat(decoder.decode(body.contentType(), body.body())).isEqualTo(m);
        }
    }

    @Property(tries = 300)
    void truncationIsReadOrRefusedPrecisely(@ForAll("submits") Mm7Message.SubmitReq sent,
            @ForAll @IntRange(min = 1, max = 100_000) int cut) {
        byte[] full = encoder.encode(sent).body();
        byte[] truncated = Arrays.copyOf(full, Math.max(1, full.length - 1 - cut % full.length));
        assertDecodedOrRefused(encoder.encode(sent).contentType(), truncated);
    }

    @Property(tries = 300)
    void bitFlipsAreReadOrRefusedPrecisely(@ForAll("submits") Mm7Message.SubmitReq sent,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> flips) {
        Mm7Body body = encoder.encode(sent);
        byte[] damaged = body.body();
        for (int f : flips) {
            damaged[f % damaged.length] ^= (byte) (1 << (f % 8));
        }
        assertDecodedOrRefused(body.contentType(), damaged);
    }

    @Property(tries = 300)
    void junkIsReadOrRefusedPrecisely(@ForAll @Size(max = 4000) byte[] junk,
            @ForAll("contentTypes") String contentType) {
        assertDecodedOrRefused(contentType, junk);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(null, "text/xml", "multipart/related; boundary=b", "multipart/related",
                "multipart/related; boundary=\"\"; start=\"<x>\"");
    }

    @Example
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[(1 << 20) + 1];
        assertThatThrownBy(() -> decoder.decode("text/xml", big)).isInstanceOf(Mm7Exception.class)
                .hasMessage("body: 1048577 bytes, over the limit of 1048576");
    }

    @Example
    void tooManyPartsAreRefused() {
        StringBuilder b = new StringBuilder("--b\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n");
        for (int i = 0; i < 60; i++) {
            b.append("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        b.append("--b--\r\n");
        assertThatThrownBy(() -> decoder.decode("multipart/related; boundary=b", bytes(b)))
                .isInstanceOf(Mm7Exception.class).hasMessage("multipart: more than 50 parts");
    }

    @Example
    void deepNestingIsRefused() {
        StringBuilder b = new StringBuilder("--b0\r\nContent-Type: text/xml\r\n\r\n").append(envelopeWithContent())
                .append("\r\n");
        for (int i = 0; i < 6; i++) {
            b.append("--b").append(i).append("\r\nContent-Type: multipart/related; boundary=b").append(i + 1)
                    .append("\r\n\r\n");
        }
        b.append("--b6\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        for (int i = 6; i >= 0; i--) {
            b.append("--b").append(i).append("--\r\n");
        }
        assertThatThrownBy(() -> decoder.decode("multipart/related; boundary=b0", bytes(b)))
                .isInstanceOf(Mm7Exception.class).hasMessageContaining("nested deeper than 4 levels");
    }

    @Example
    void entitiesAndDoctypesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<e:Envelope xmlns:e=\"" + Mm7Encoder.SOAP_NS + "\"><e:Body>&x;</e:Body></e:Envelope>";
        assertThatThrownBy(() -> decoder.decode("text/xml", bytes(xxe))).isInstanceOf(Mm7Exception.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Example
    void anUnknownOperationIsRefusedAsUnsupported() {
        String xml = "<e:Envelope xmlns:e=\"" + Mm7Encoder.SOAP_NS + "\"><e:Body><CancelReq/></e:Body></e:Envelope>";
        assertThatThrownBy(() -> decoder.decode("text/xml", bytes(xml))).isInstanceOf(Mm7Exception.class)
                .satisfies(e -> assertThat(((Mm7Exception) e).statusCode()).isEqualTo(Mm7Status.UNSUPPORTED_OPERATION))
                .hasMessage("SOAP envelope CancelReq: unsupported operation CancelReq");
    }

    private static String envelopeWithContent() {
        return "<e:Envelope xmlns:e=\"" + Mm7Encoder.SOAP_NS + "\"><e:Body><DeliverReq><MM7Version>6.8.0</MM7Version>"
                + "<Content href=\"cid:c\"/></DeliverReq></e:Body></e:Envelope>";
    }

    private void assertDecodedOrRefused(String contentType, byte[] body) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                decoder.decode(contentType, body);
            } catch (Mm7Exception e) {
                assertThat(e.where()).isNotBlank();
                assertThat(e.reason()).isNotBlank();
            }
        });
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
