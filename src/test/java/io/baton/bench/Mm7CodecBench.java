package io.baton.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.stream.MimeConfig;

import io.baton.mms.mm7.Mm7Address;
import io.baton.mms.mm7.Mm7Body;
import io.baton.mms.mm7.Mm7Decoder;
import io.baton.mms.mm7.Mm7Encoder;
import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Part;
import io.baton.support.SubmitReqWire;

/**
 * MM7 decoding throughput ({@code bench/mm7}): Baton's {@link Mm7Decoder} against a baseline in the
 * same run, mime4j (DOM, bodies decoded) plus a JDK DOM parse of the SOAP part, on the same bodies:
 * a generated SubmitReq with a 50 KB picture and, when ../shared/testdata is here, the 406 KB real
 * DeliverReq of a Nokia MMSC.
 */
public final class Mm7CodecBench {

    private Mm7CodecBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[] picture = new byte[50_000];
        new Random(7).nextBytes(picture);
        Mm7Body submit = new Mm7Encoder().encode(new Mm7Message.SubmitReq(
                Mm7Header.of("http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-1-4",
                        "baton-seed-1", "6.8.0"),
                "baton", "torch", Mm7Address.shortCode("10658000"),
                List.of(new Mm7Message.Recipient("To", Mm7Address.number("8613905000001"))), null, null, true,
                "奥运火炬传递", null, null,
                List.of(new Mm7Part("application/smil", "smil", null, "<smil/>".getBytes(StandardCharsets.UTF_8)),
                        new Mm7Part("image/jpeg", "seed1.jpg", "seed1.jpg", picture),
                        new Mm7Part("text/plain; charset=utf-8", "seed2.txt", "seed2.txt",
                                "奥运火炬传到了你手上！".getBytes(StandardCharsets.UTF_8)))));
        System.out.printf("%-34s %12s %10s %14s %10s %6s%n", "body", "bytes", "Baton/s", "mime4j+DOM/s", "Baton MB/s",
                "ratio");
        run("generated SubmitReq, 50 KB picture", submit.contentType(), submit.body(), seconds);
        Path real = Path.of("../shared/testdata/mm7/instantcom-mm7/deliver-req4.txt");
        if (Files.exists(real)) {
            run("real DeliverReq (deliver-req4)", "multipart/related; boundary=\"==MM7-SOAP==96ac8e10-0e3a-4c9f-9b2f-"
                    + "3730f3801bff\"; type=text/xml", Files.readAllBytes(real), seconds);
        }
    }

    private static void run(String name, String contentType, byte[] body, int seconds) throws Exception {
        Mm7Decoder decoder = Mm7Decoder.DEFAULT;
        double baton = perSecond(seconds, () -> decoder.decode(contentType, body));
        double baseline = perSecond(seconds, () -> mime4jAndDom(contentType, body));
        System.out.printf("%-34s %12d %10.0f %14.0f %10.1f %6.2f%n", name, body.length, baton, baseline,
                baton * body.length / 1e6, baton / baseline);
    }

    interface Work {
        void run() throws Exception;
    }

    private static double perSecond(int seconds, Work work) throws Exception {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            work.run();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            work.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void mime4jAndDom(String contentType, byte[] body) throws Exception {
        Message m = SubmitReqWire.mime(contentType, body, MimeConfig.PERMISSIVE);
        Multipart mp = (Multipart) m.getBody();
        try (InputStream soap = ((SingleBody) mp.getBodyParts().get(0).getBody()).getInputStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(soap);
        }
        for (var p : mp.getBodyParts().subList(1, mp.getBodyParts().size())) {
            if (p.getBody() instanceof Multipart inner) {
                for (var leaf : inner.getBodyParts()) {
                    try (InputStream data = ((SingleBody) leaf.getBody()).getInputStream()) {
                        data.readAllBytes();
                    }
                }
            }
        }
    }
}
