package io.baton.mms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The fuzz corpus in {@code src/test/resources/mms/fuzz-corpus}: our encoder's output for
 * {@link MmsPduFixtures} (which pins that output: a change in encoding shows here) and a few
 * hand-made malformed PDUs. Regenerate with {@code -Dmms.fuzz-corpus.write=true} after an
 * intended encoding change. {@link MmsPduCodecPropertiesTest} mutates and replays all of them.
 */
class MmsFuzzCorpusTest {

    static final Path DIR = Path.of("src/test/resources/mms/fuzz-corpus");

    private final MmsPduEncoder encoder = new MmsPduEncoder();
    private final MmsPduDecoder decoder = new MmsPduDecoder();

    /** Malformed PDUs by file name: each is refused. */
    static Map<String, byte[]> malformed(MmsPduEncoder encoder) {
        byte[] notification = encoder.encode(MmsPduFixtures.notificationInd());
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("malformed-truncated-content-location.mms", Arrays.copyOf(notification, notification.length - 3));
        bad.put("malformed-value-length-4294967295.mms", Bytes.of(0x8C, 0x80, 0x98, "t", 0x00, 0x96, 0x1F, 0x8F, 0xFF,
                0xFF, 0xFF, 0x7F, 0xEA, "x", 0x00));
        bad.put("malformed-uintvar-six-octets.mms", Bytes.of(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x81, 0x80, 0x80,
                0x80, 0x80, 0x01));
        bad.put("malformed-part-count-4294967295.mms", Bytes.of(0x8C, 0x80, 0x98, "t", 0x00, 0x84, 0xA3, 0x8F, 0xFF,
                0xFF, 0xFF, 0x7F, 0x01, 0x02, 0x83, "hi"));
        bad.put("malformed-part-data-length-beyond-end.mms", Bytes.of(0x8C, 0x84, 0x8D, 0x92, 0x84, 0xA3, 0x01, 0x01,
                0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x83, "hi"));
        bad.put("malformed-long-integer-nine-octets.mms", Bytes.of(0x8C, 0x86, 0x85, 0x09, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        bad.put("malformed-unknown-priority.mms", Bytes.of(0x8C, 0x82, 0x98, "t", 0x00, 0x8F, 0x99));
        bad.put("malformed-not-a-pdu.mms", Bytes.of("GET /mms HTTP/1.1\r\n\r\n"));
        return bad;
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".mms")).sorted().toList();
        }
    }

    @Test
    void corpusHoldsOurEncodingOfEveryFixture() throws IOException {
        if (Boolean.getBoolean("mms.fuzz-corpus.write")) {
            Files.createDirectories(DIR);
            for (Map.Entry<String, MmsPdu> e : MmsPduFixtures.all().entrySet()) {
                Files.write(DIR.resolve(e.getKey()), encoder.encode(e.getValue()));
            }
            for (Map.Entry<String, byte[]> e : malformed(encoder).entrySet()) {
                Files.write(DIR.resolve(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, MmsPdu> e : MmsPduFixtures.all().entrySet()) {
            byte[] stored = Files.readAllBytes(DIR.resolve(e.getKey()));
            assertThat(stored).as(e.getKey()).isEqualTo(encoder.encode(e.getValue()));
            assertThat(decoder.decode(stored)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(files()).hasSize(MmsPduFixtures.all().size() + malformed(encoder).size());
    }

    @Test
    void malformedCorpusFilesAreRefused() throws IOException {
        for (Map.Entry<String, byte[]> e : malformed(encoder).entrySet()) {
            byte[] stored = Files.readAllBytes(DIR.resolve(e.getKey()));
            assertThat(stored).as(e.getKey()).isEqualTo(e.getValue());
            assertThatThrownBy(() -> decoder.decode(stored)).as(e.getKey()).isInstanceOf(MmsCodecException.class);
        }
    }
}
