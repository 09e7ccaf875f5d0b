package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.baton.support.SeededRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips and fuzzing. Whatever the input — random octets, real PDUs cut at every offset, with
 * a bit flipped or octets overwritten, absurd declared lengths, 10 MB of junk — the decoder either
 * returns a PDU or throws {@link MmsCodecException}; anything else fails the property. Decodes run
 * under a hang detector (a generous bound, not a speed target).
 */
class MmsPduCodecPropertiesTest {

    /**
     * A hang, not a speed limit: linear decoding of 10 MB takes ~0.1 s; a loop or a quadratic scan
     * of it takes minutes. Generous so that a busy 2-core CI machine does not trip it.
     */
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final int BIG_FILE = 64 * 1024;

    private final MmsPduDecoder decoder = new MmsPduDecoder();
    private final MmsPduEncoder encoder = new MmsPduEncoder();
    private final MmsPduDecoder roomy = new MmsPduDecoder(16 * 1024 * 1024, 100, 256);

    /** Decodes or refuses; any other outcome, or a decode slower than the hang bound, fails. */
    private boolean decodesOrRefuses(MmsPduDecoder d, byte[] bytes) {
        long start = System.nanoTime();
        try {
            d.decode(bytes);
            return true;
        } catch (MmsCodecException e) {
            assertThat(e.offset()).isBetween(0, Math.max(0, bytes.length));
            assertThat(e.field()).isNotBlank();
            return false;
        } finally {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG);
        }
    }

    @Provide
    Arbitrary<MmsPdu> pdus() {
        return Arbitraries.randomValue(RandomMmsPdus::any);
    }

    @Property(tries = 1000)
    void everyPduTypeSurvivesEncodeThenDecode(@ForAll("pdus") MmsPdu pdu) {
        byte[] bytes = encoder.encode(pdu);
        DecodedMmsPdu decoded = decoder.decodeWithDetails(bytes);
        assertThat(decoded.pdu()).isEqualTo(pdu);
        assertThat(decoded.quirks()).allMatch(q -> q.kind() == MmsQuirk.Kind.UNKNOWN_CHARSET);
        assertThat(encoder.encode(decoded.pdu())).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void chineseSubjectsSurviveInEveryCharsetTheyFit(@ForAll("hanzi") String text,
            @ForAll("chineseCharsets") String charset) {
        MmsSendReq req = new MmsSendReq("t", "1.2", null, MmsPdu.INSERT_ADDRESS_TOKEN, List.of("+8613905000001/TYPE=PLMN"),
                List.of(), List.of(), new MmsEncodedString(text, charset), null, null, null, null, null, null, null,
                null, List.of());
        assertThat(((MmsSendReq) decoder.decode(encoder.encode(req))).subject()).isEqualTo(req.subject());
    }

    @Provide
    Arbitrary<String> hanzi() {
        return Arbitraries.strings().withChars("你好中文转发朋友大奖新年快乐彩信图片恭喜发财abc 123").ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> chineseCharsets() {
        return Arbitraries.of("utf-8", "gb2312", "gbk", "gb18030", "iso-10646-ucs-2", "utf-16");
    }

    @Example
    void decodedRealPdusReEncodeToTheSameValues() {
        int checked = 0;
        for (byte[] bytes : realPdus()) {
            MmsPdu first = decoder.decode(bytes);
            MmsPdu again = decoder.decode(encoder.encode(first));
            assertThat(again).isEqualTo(first);
            checked++;
        }
        // 105 files outside wap-push/ and negative/, of which 4 are not PDUs.
        assertThat(checked).isEqualTo(101);
    }

    @Property(tries = 2000)
    void randomOctetsDecodeOrAreRefused(@ForAll @Size(max = 600) byte[] bytes) {
        decodesOrRefuses(decoder, bytes);
    }

    @Property(tries = 2000)
    void randomOctetsAfterAValidMessageTypeDecodeOrAreRefused(@ForAll @IntRange(min = 0x80, max = 0x88) int type,
            @ForAll @Size(max = 600) byte[] rest) {
        byte[] bytes = new byte[rest.length + 2];
        bytes[0] = (byte) 0x8C;
        bytes[1] = (byte) type;
        System.arraycopy(rest, 0, bytes, 2, rest.length);
        decodesOrRefuses(decoder, bytes);
    }

    @Property(tries = 1000)
    void randomOctetsAsANestedMultipartDecodeOrAreRefused(@ForAll @Size(max = 600) byte[] bytes) {
        MmsContentType related = MmsContentType.of("application/vnd.wap.multipart.related");
        try {
            assertThat(decoder.decodeBody(related, bytes).parts().size()).isLessThanOrEqualTo(MmsPduDecoder.DEFAULT_MAX_PARTS);
        } catch (MmsCodecException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
    }

    @Example
    void everyPduCutAtEveryOffsetDecodesOrIsRefused() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int refused = 0;
            for (byte[] pdu : allPdus()) {
                for (int cut : cuts(pdu)) {
                    if (!decodesOrRefuses(decoder, Arrays.copyOf(pdu, cut))) {
                        refused++;
                    }
                }
            }
            assertThat(refused).isGreaterThan(1000);
        });
    }

    /**
     * Every offset of small PDUs. Cutting a 1 MB PDU at each of its offsets would copy half a
     * terabyte, so big ones are cut at every offset of their headers and part headers (up to 300
     * octets before and 16 into each part's data, and 300 after it) and at 300 offsets spread over
     * the rest.
     */
    private List<Integer> cuts(byte[] pdu) {
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>();
        if (pdu.length <= BIG_FILE) {
            for (int i = 0; i < pdu.length; i++) {
                cuts.add(i);
            }
            return new ArrayList<>(cuts);
        }
        denseRange(cuts, 0, 4096, pdu.length);
        for (int i = 0; i < 300; i++) {
            cuts.add((int) ((long) pdu.length * i / 300));
        }
        int from = 0;
        for (int[] data : partDataRanges(pdu)) {
            denseRange(cuts, data[0] - 300, data[0] + 16, pdu.length);
            denseRange(cuts, data[1] - 16, data[1] + 300, pdu.length);
            from = data[1];
        }
        assertThat(from).as("parts located").isPositive();
        return new ArrayList<>(cuts);
    }

    private static void denseRange(java.util.SortedSet<Integer> cuts, int from, int to, int length) {
        for (int i = Math.max(0, from); i < Math.min(to, length); i++) {
            cuts.add(i);
        }
    }

    /** Where each part's data lies in the PDU, found by searching for it after the previous one. */
    private List<int[]> partDataRanges(byte[] pdu) {
        List<int[]> ranges = new ArrayList<>();
        MmsPdu decoded = decoder.decode(pdu);
        int from = 0;
        for (MmsPart part : RealPduCorpusTest.body(decoded).parts()) {
            byte[] data = part.data();
            int at = indexOf(pdu, data, from);
            if (at >= 0) {
                ranges.add(new int[] { at, at + data.length });
                from = at + data.length;
            }
        }
        return ranges;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        int probe = Math.min(needle.length, 32);
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < probe; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Example
    void everySingleBitFlipOfOurCorpusDecodesOrIsRefused() throws IOException {
        int refused = 0;
        for (Path file : MmsFuzzCorpusTest.files()) {
            byte[] pdu = Files.readAllBytes(file);
            for (int bit = 0; bit < pdu.length * 8; bit++) {
                byte[] flipped = pdu.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                if (!decodesOrRefuses(decoder, flipped)) {
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(100);
    }

    @Example
    void everySingleBitFlipInTheHeadersOfRealPdusDecodesOrIsRefused() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int decodes = 0;
            for (byte[] pdu : smallPdus()) {
                for (int bit = 0; bit < Math.min(pdu.length, 256) * 8; bit++) {
                    byte[] flipped = pdu.clone();
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    decodesOrRefuses(decoder, flipped);
                    decodes++;
                }
            }
            assertThat(decodes).isGreaterThan(100_000);
        });
    }

    @Property(tries = 3000)
    void bitFlipsAndOverwritesOfRealPdusDecodeOrAreRefused(@ForAll("pduIndex") int index, @ForAll long seed) {
        // without ../shared (a user's clone) the property still runs, on our own fuzz corpus
        List<byte[]> all = io.baton.support.SharedTestData.available("mms-pdu") ? smallPdus() : ownCorpus();
        byte[] pdu = all.get(index % all.size()).clone();
        Random r = new SeededRandom(seed);
        if (pdu.length == 0) {
            return;
        }
        if (r.nextBoolean()) {
            int bit = r.nextInt(Math.min(pdu.length, 2048) * 8);
            pdu[bit / 8] ^= (byte) (1 << (bit % 8));
        } else {
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
                pdu[r.nextInt(pdu.length)] = (byte) r.nextInt(256);
            }
        }
        decodesOrRefuses(decoder, pdu);
    }

    @Provide
    Arbitrary<Integer> pduIndex() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Example
    void hugeDeclaredLengthsAreRefusedWithoutAllocatingThem() throws IOException {
        List<byte[]> hostile = new ArrayList<>(MmsFuzzCorpusTest.malformed(encoder).values());
        hostile.add(Bytes.of(0x8C, 0x84, 0x8D, 0x92, 0x84, 0xA3, 0x01, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x83));
        hostile.add(Bytes.of(0x8C, 0x84, 0x8D, 0x92, 0x84, 0x1F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0xA3));
        hostile.add(Bytes.of(0x8C, 0x82, 0x88, 0x1F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x81, 0x01, 0x01));
        hostile.add(Bytes.of(0x8C, 0x82, 0x8E, 0x1E, 0xFF, 0xFF, 0xFF));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (byte[] bytes : hostile) {
            long before = threads.getCurrentThreadAllocatedBytes();
            assertThatThrownBy(() -> roomy.decode(bytes)).isInstanceOf(MmsCodecException.class);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // Exception, quirk list and a few cursors: kilobytes, never the announced gigabytes.
            assertThat(allocated).as(Arrays.toString(bytes)).isLessThan(256 * 1024);
        }
    }

    @Example
    void tenMegabytesOfJunkDecodeOrAreRefusedWithinTheHangBound() {
        Random r = new Random(20261129);
        byte[] random = new byte[10 * 1024 * 1024];
        r.nextBytes(random);
        random[0] = (byte) 0x8C;
        random[1] = (byte) 0x80;
        byte[] unterminated = new byte[random.length];
        Arrays.fill(unterminated, (byte) 'A');
        unterminated[0] = (byte) 0x8C;
        unterminated[1] = (byte) 0x82;
        unterminated[2] = (byte) 0x98;
        byte[] padding = new byte[random.length];
        padding[0] = (byte) 0x8C;
        padding[1] = (byte) 0x85;
        byte[] singlePart = Arrays.copyOf(Bytes.of(0x8C, 0x84, 0x8D, 0x92, 0x84, 0x9E), random.length);
        for (byte[] junk : List.of(random, unterminated, padding, singlePart)) {
            assertTimeoutPreemptively(HANG, () -> decodesOrRefuses(roomy, junk));
        }
        assertThat(decodesOrRefuses(roomy, padding)).isTrue();
        assertThat(decodesOrRefuses(roomy, unterminated)).isFalse();
        assertThat(((MmsRetrieveConf) roomy.decode(singlePart)).body().parts().get(0).size()).isEqualTo(random.length - 6);
        MmsCodecException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> decoder.decode(random),
                MmsCodecException.class);
        assertThat(e.reason()).contains("exceed the limit of " + MmsPduDecoder.DEFAULT_MAX_PDU_SIZE);
    }

    @Example
    void ourFuzzCorpusReplaysAsExpected() throws IOException {
        for (Path file : MmsFuzzCorpusTest.files()) {
            boolean decoded = decodesOrRefuses(decoder, Files.readAllBytes(file));
            assertThat(decoded).as(file.toString()).isEqualTo(!file.getFileName().toString().startsWith("malformed-"));
        }
    }

    /** Real PDUs that decode (push bodies unwrapped), for re-encoding. */
    private List<byte[]> realPdus() {
        List<byte[]> out = new ArrayList<>();
        for (CorpusEntry entry : CorpusEntry.all()) {
            if (entry.isNegative() || entry.isPush()) {
                continue;
            }
            byte[] bytes = entry.bytes();
            try {
                decoder.decode(bytes);
                out.add(bytes);
            } catch (MmsCodecException e) {
                // Not a PDU; RealPduCorpusTest checks these are the expected ones.
            }
        }
        return out;
    }

    private static List<byte[]> allPdus() throws IOException {
        List<byte[]> out = new ArrayList<>();
        CorpusEntry.all().forEach(e -> out.add(e.bytes()));
        for (Path file : MmsFuzzCorpusTest.files()) {
            out.add(Files.readAllBytes(file));
        }
        return out;
    }

    private static List<byte[]> ownCorpus() {
        try {
            List<byte[]> out = new ArrayList<>();
            for (Path file : MmsFuzzCorpusTest.files()) {
                out.add(Files.readAllBytes(file));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<byte[]> smallCache;

    private static synchronized List<byte[]> smallPdus() {
        if (smallCache == null) {
            try {
                smallCache = allPdus().stream().filter(b -> b.length <= BIG_FILE).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return smallCache;
    }
}
