package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.support.SharedTestData;

/**
 * Our PDQ against the hashes the ThreatExchange implementations state for their own test images
 * (read in place from the shared corpus). The PDQ authors call an implementation correct when,
 * for pictures of quality ≥ 80, it lands within 10 bits of the reference; implementations that
 * decode differently (Python through PIL) differ from the C++ reference by up to 12 bits, which
 * is why Python-only hashes get the Python suite's own bound of 16.
 */
class PdqHasherTest {

    private static final ImageDecoding FULL = new ImageDecoding(new ImageDecoding.Limits(64 << 20, 20_000, 100_000_000L, 0));
    private static final int AUTHORS_BOUND = 10;
    private static final int PYTHON_SUITE_BOUND = 16;

    record Stated(String hex, Integer quality, String implementation) {
        boolean isCppOrJava() {
            return implementation.startsWith("C++") || implementation.startsWith("Java");
        }

        boolean isPython() {
            return implementation.startsWith("Python");
        }
    }

    record Vector(Path file, List<Stated> stated) {
        int statedQuality() {
            return stated.stream().map(Stated::quality).filter(q -> q != null).max(Integer::compare).orElse(-1);
        }

        /** C++ first, then Java's tool, then any other Java or Python hash. */
        Optional<Stated> reference() {
            return stated.stream().filter(s -> s.isCppOrJava() || s.isPython()).min(Comparator.comparingInt(
                    s -> s.implementation().startsWith("C++") ? 0 : s.isCppOrJava() ? 1 : 2));
        }
    }

    static List<Vector> vectors() throws IOException {
        Path pdq = SharedTestData.folder("pdq");
        ObjectMapper json = new ObjectMapper();
        List<Vector> out = new ArrayList<>();
        for (String line : Files.readAllLines(pdq.resolve("expected.jsonl"))) {
            JsonNode o = json.readTree(line);
            List<Stated> stated = new ArrayList<>();
            for (JsonNode e : o.get("expected")) {
                stated.add(new Stated(e.get("hash_hex").asText(), e.get("quality").isNull() ? null : e.get("quality").asInt(),
                        e.get("implementation").asText()));
            }
            // "file" is relative to the testdata root and starts with the folder name
            out.add(new Vector(pdq.getParent().resolve(o.get("file").asText()), stated));
        }
        return out;
    }

    static PdqFingerprint hash(Path file) throws IOException, UnreadableImageException {
        return new PdqHasher().hash(FULL.decode(Files.readAllBytes(file)).pixels());
    }

    @TestFactory
    Stream<DynamicTest> landsWithinTenBitsOfTheReferenceForEveryImageOfStatedQualityAtLeast80() throws IOException {
        List<Vector> good = vectors().stream().filter(v -> v.statedQuality() >= 80).toList();
        assertThat(good).hasSizeGreaterThanOrEqualTo(20);
        return good.stream().map(v -> dynamicTest(v.file().getFileName().toString(), () -> {
            PdqFingerprint ours = hash(v.file());
            Stated ref = v.reference().orElseThrow();
            int distance = PdqHash.fromHex(ref.hex()).hammingDistance(ours.hash());
            int nearest = v.stated().stream().mapToInt(s -> PdqHash.fromHex(s.hex()).hammingDistance(ours.hash())).min().orElseThrow();
            if (ref.isCppOrJava()) {
                assertThat(distance).as("distance to %s", ref.implementation()).isLessThanOrEqualTo(AUTHORS_BOUND);
            } else {
                assertThat(distance).as("distance to %s", ref.implementation()).isLessThanOrEqualTo(PYTHON_SUITE_BOUND);
                assertThat(nearest).as("distance to the nearest stated hash").isLessThanOrEqualTo(AUTHORS_BOUND);
            }
            assertThat(ours.quality()).as("quality").isCloseTo(v.statedQuality(), org.assertj.core.data.Offset.offset(10));
        }));
    }

    @TestFactory
    Stream<DynamicTest> staysWithinThePythonSuitesBoundWhereNoQualityIsStated() throws IOException {
        return vectors().stream().filter(v -> v.statedQuality() < 0 && v.reference().isPresent())
                .map(v -> dynamicTest(v.file().getFileName().toString(), () -> {
                    Stated ref = v.reference().orElseThrow();
                    assertThat(PdqHash.fromHex(ref.hex()).hammingDistance(hash(v.file()).hash()))
                            .as("distance to %s", ref.implementation()).isLessThanOrEqualTo(PYTHON_SUITE_BOUND);
                }));
    }

    @Test
    void equalsTheJavaReferenceUpToFloatRoundingWhenBothDecodeWithImageIo() throws Exception {
        List<Stated> sameDecoder = new ArrayList<>();
        for (Vector v : vectors()) {
            for (Stated s : v.stated()) {
                if (s.implementation().contains("fromBufferedImage")) {
                    sameDecoder.add(s);
                    assertThat(PdqHash.fromHex(s.hex()).hammingDistance(hash(v.file()).hash())).as(v.file().toString())
                            .isLessThanOrEqualTo(2);
                }
            }
        }
        assertThat(sameDecoder).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> derivesTheHashOfEachRotatedOrMirroredFileFromTheOriginalAlone() throws Exception {
        Path dih = SharedTestData.folder("pdq").resolve("images/reg-test-input/dih");
        Map<String, Vector> byName = new java.util.HashMap<>();
        vectors().forEach(v -> byName.put(v.file().getFileName().toString(), v));
        DihedralHashes derived = new PdqHasher().dihedralHashes(FULL.decode(Files.readAllBytes(dih.resolve("bridge-1-original.jpg"))).pixels());
        Map<String, Dihedral> files = Map.of("bridge-1-original.jpg", Dihedral.ORIGINAL, "bridge-2-rotate-90.jpg",
                Dihedral.ROTATE_90, "bridge-3-rotate-180.jpg", Dihedral.ROTATE_180, "bridge-4-rotate-270.jpg",
                Dihedral.ROTATE_270, "bridge-5-flipx.jpg", Dihedral.FLIP_X, "bridge-6-flipy.jpg", Dihedral.FLIP_Y,
                "bridge-7-flip-plus-1.jpg", Dihedral.FLIP_PLUS_1, "bridge-8-flip-minus-1.jpg", Dihedral.FLIP_MINUS_1);
        return files.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> dynamicTest(e.getKey(), () -> {
            Stated cpp = byName.get(e.getKey()).reference().orElseThrow();
            assertThat(cpp.implementation()).startsWith("C++");
            PdqHash stated = PdqHash.fromHex(cpp.hex());
            assertThat(derived.get(e.getValue()).hammingDistance(stated)).isLessThanOrEqualTo(AUTHORS_BOUND);
            // and it is not merely close to everything: the other seven transforms are far
            for (Dihedral other : Dihedral.values()) {
                if (other != e.getValue()) {
                    assertThat(derived.get(other).hammingDistance(stated)).isGreaterThan(64);
                }
            }
        }));
    }

    @Test
    void givesTheSameHashWhateverThePixelLayoutOfTheSamePicture() {
        BufferedImage rgb = ArtworkFixtures.artwork(11, 320, 240);
        PdqHash expected = new PdqHasher().hash(rgb).hash();
        for (int type : new int[] { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_4BYTE_ABGR }) {
            BufferedImage other = new BufferedImage(320, 240, type);
            other.setRGB(0, 0, 320, 240, rgb.getRGB(0, 0, 320, 240, null, 0, 320), 0, 320);
            assertThat(new PdqHasher().hash(other).hash()).as("type %d", type).isEqualTo(expected);
        }
    }

    @Test
    void readsPalettesAndGreyTheSameWayAsTheGenericPath() {
        BufferedImage indexed = ImageVariants.palette256(ArtworkFixtures.photo(12, 200, 150), true);
        BufferedImage asRgb = ImageVariants.copy(indexed);
        assertThat(new PdqHasher().hash(indexed).hash()).isEqualTo(new PdqHasher().hash(asRgb).hash());
        BufferedImage grey = ImageVariants.greyscale(ArtworkFixtures.photo(13, 200, 150));
        float[] luma = new float[200 * 150];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = grey.getRaster().getSample(i % 200, i / 200, 0);
        }
        assertThat(new PdqHasher().hash(grey).hash()).isEqualTo(new PdqHasher().hashLuminance(luma, 200, 150).hash());
    }

    @Test
    void setsHalfTheBitsBecauseEachBitSaysAboveOrBelowTheMedian() {
        PdqHash h = new PdqHasher().hash(ArtworkFixtures.artwork(14, 400, 300)).hash();
        int set = 0;
        for (int k = 0; k < PdqHash.BITS; k++) {
            set += h.bit(k) ? 1 : 0;
        }
        assertThat(set).isEqualTo(128);
    }

    @Test
    void ratesAFlatPictureAtQualityZeroAndABusyOneAt100() {
        assertThat(new PdqHasher().hash(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB)).quality()).isZero();
        assertThat(new PdqHasher().hash(ArtworkFixtures.flat(1, 300, 200)).quality()).isLessThan(50);
        assertThat(new PdqHasher().hash(ArtworkFixtures.artwork(1, 300, 200)).quality()).isEqualTo(100);
    }

    @Test
    void hashesPicturesSmallerThanTheGridAndThinOnes() {
        PdqHasher h = new PdqHasher();
        for (int[] size : new int[][] { { 1, 1 }, { 3, 2 }, { 1, 500 }, { 500, 1 }, { 63, 65 } }) {
            assertThat(h.hash(ArtworkFixtures.photo(15, size[0], size[1])).quality()).isBetween(0, 100);
        }
    }

    @Test
    void refusesALuminancePlaneOfTheWrongSize() {
        assertThatThrownBy(() -> new PdqHasher().hashLuminance(new float[10], 4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdqHasher().hashLuminance(new float[10], 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesRotationsAndMirrorsOfASyntheticPictureThroughTheDihedralHashes() {
        PdqHasher h = new PdqHasher();
        BufferedImage picture = ArtworkFixtures.artwork(16, 640, 480);
        DihedralHashes index = h.dihedralHashes(picture);
        for (Dihedral d : Dihedral.values()) {
            PdqHash rotated = h.hash(ImageVariants.transform(picture, d)).hash();
            assertThat(index.get(d).hammingDistance(rotated)).as(d.name()).isLessThanOrEqualTo(ImageMatchPolicy.MATCH_DISTANCE);
            assertThat(index.original().hammingDistance(rotated)).as(d.name()).isGreaterThan(d == Dihedral.ORIGINAL ? -1 : 64);
        }
    }
}
