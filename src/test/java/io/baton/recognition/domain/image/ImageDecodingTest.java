package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.baton.recognition.domain.image.UnreadableImageException.Reason;
import io.baton.support.SharedTestData;

class ImageDecodingTest {

    /** A hang detector, not a performance bound: each case takes milliseconds. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private static final ImageDecoding MMS = new ImageDecoding(ImageDecoding.MMS);
    private static final BufferedImage PICTURE = ArtworkFixtures.artwork(21, 320, 240);

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(img, format, out)).as("a writer for " + format).isTrue();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Reason reasonFor(byte[] data) {
        return assertTimeoutPreemptively(GENEROUS, () -> {
            UnreadableImageException e = catchThrowableOfType(UnreadableImageException.class, () -> MMS.decode(data));
            assertThat(e).as("an UnreadableImageException").isNotNull();
            return e.reason();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "jpeg", "png", "gif", "bmp" })
    void decodesEachFormatAHandsetSends(String format) throws Exception {
        BufferedImage source = format.equals("gif") ? ImageVariants.palette256(PICTURE, true) : PICTURE;
        DecodedImage d = MMS.decode(format.equals("jpeg") ? ImageVariants.jpeg(source, 0.9f) : encode(source, format));
        assertThat(d.format()).isEqualTo(format);
        assertThat(d.width()).isEqualTo(320);
        assertThat(d.height()).isEqualTo(240);
        assertThat(d.pixels().getWidth()).isEqualTo(320);
        int distance = new PdqHasher().hash(source).hash().hammingDistance(new PdqHasher().hash(d.pixels()).hash());
        assertThat(distance).isLessThanOrEqualTo(format.equals("jpeg") ? 10 : 0);
    }

    @Test
    void decodesWirelessBitmapsFromOldWapHandsets() throws Exception {
        BufferedImage bw = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_BINARY);
        bw.createGraphics().drawImage(PICTURE, 0, 0, 120, 90, null);
        DecodedImage d = MMS.decode(encode(bw, "wbmp"));
        assertThat(d.format()).isEqualTo("wbmp");
        assertThat(d.pixels().getWidth()).isEqualTo(120);
        assertThat(new PdqHasher().hash(d.pixels()).hash()).isEqualTo(new PdqHasher().hash(bw).hash());
    }

    @Test
    void recognisesTheFormatFromTheBytesWhateverTheFileWasCalled() throws Exception {
        assertThat(MMS.decode(encode(PICTURE, "png")).format()).isEqualTo("png");
        assertThat(reasonFor("<html><body>not a picture</body></html>".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Reason.UNKNOWN_FORMAT);
    }

    @Test
    void decodesJpegThroughTwelveMonkeysSoCmykAndBrokenHandsetFilesAreRead() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        assertThat(readers.next().getClass().getName()).startsWith("com.twelvemonkeys");
    }

    /**
     * Adobe CMYK (APP14, transform 0, inverted samples) as Photoshop writes it and some handset
     * galleries pass on; the JDK's own reader refuses it.
     */
    @Test
    void decodesAnAdobeCmykJpeg() throws Exception {
        BufferedImage source = ArtworkFixtures.photo(5, 320, 240);
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 320, 240, 4, null);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int p = source.getRGB(x, y);
                // inverted CMYK with no black: stored C, M, Y are R, G, B; stored K 255 is K = 0
                cmyk.setPixel(x, y, new int[] { p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff, 255 });
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
        }
        writer.dispose();
        byte[] plain = bytes.toByteArray();
        byte[] adobe = { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 };
        byte[] file = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, file, 0, 2);
        System.arraycopy(adobe, 0, file, 2, adobe.length);
        System.arraycopy(plain, 2, file, 2 + adobe.length, plain.length - 2);

        PdqHasher h = new PdqHasher();
        PdqHash expected = h.hash(source).hash();
        assertThat(h.hash(MMS.decode(file).pixels()).hash().hammingDistance(expected)).isLessThanOrEqualTo(6);
        DecodedImage forHashing = MMS.decodeForHashing(file); // not luma: decoded in colour
        assertThat(forHashing.pixels().getColorModel().getNumColorComponents()).isEqualTo(3);
        assertThat(h.hash(forHashing.pixels()).hash().hammingDistance(expected)).isLessThanOrEqualTo(6);
    }

    @Test
    void decodesTheReferenceCorpusJpegsAndPng() throws Exception {
        Path images = SharedTestData.folder("pdq").resolve("images/misc-images");
        for (String f : new String[] { "c.png", "small.jpg", "wee.jpg" }) {
            assertThat(MMS.decode(Files.readAllBytes(images.resolve(f))).pixels().getWidth()).as(f).isPositive();
        }
    }

    @Test
    void hashesTheLumaOfAJpegLikeItsColourPixels() throws Exception {
        PdqHasher h = new PdqHasher();
        for (long seed = 0; seed < 6; seed++) {
            byte[] jpeg = ImageVariants.jpeg(ArtworkFixtures.photo(seed, 640, 480), 0.85f);
            DecodedImage luma = MMS.decodeForHashing(jpeg);
            assertThat(luma.pixels().getColorModel().getNumColorComponents()).isEqualTo(1); // a grey view of band 0
            assertThat(h.hash(luma.pixels()).hash().hammingDistance(h.hash(MMS.decode(jpeg).pixels()).hash())).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void hashesTheLumaOfTheReferenceJpegsWithinAFewBitsOfTheirColourPixels() throws Exception {
        PdqHasher h = new PdqHasher();
        List<Path> jpegs;
        try (Stream<Path> files = Files.walk(SharedTestData.folder("pdq").resolve("images"))) {
            jpegs = files.filter(f -> f.toString().endsWith(".jpg")).toList();
        }
        assertThat(jpegs).hasSizeGreaterThan(20);
        for (Path f : jpegs) {
            byte[] bytes = Files.readAllBytes(f);
            PdqFingerprint colour = h.hash(MMS.decode(bytes).pixels());
            PdqFingerprint luma = h.hash(MMS.decodeForHashing(bytes).pixels());
            if (colour.quality() >= ImageMatchPolicy.MIN_QUALITY) {
                // 8 on q0122.jpg, a small picture of fine texture; 0-2 on the others
                assertThat(luma.hash().hammingDistance(colour.hash())).as(f.toString()).isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void givesColourPixelsForHashingWhenTheFileIsNotAJpeg() throws Exception {
        assertThat(MMS.decodeForHashing(encode(PICTURE, "png")).pixels().getColorModel().getNumColorComponents()).isEqualTo(3);
    }

    @Test
    void subsamplesLargePicturesButReportsTheirTrueSize() throws Exception {
        BufferedImage large = ImageVariants.resize(PICTURE, 2000, 1500);
        DecodedImage d = MMS.decode(encode(large, "png"));
        assertThat(d.width()).isEqualTo(2000);
        assertThat(d.height()).isEqualTo(1500);
        assertThat(d.stepX()).isEqualTo(2000 / ImageDecoding.MMS.minDecodedSide());
        assertThat(d.stepY()).isEqualTo(1500 / ImageDecoding.MMS.minDecodedSide());
        assertThat(d.pixels().getWidth()).isGreaterThanOrEqualTo(ImageDecoding.MMS.minDecodedSide()).isLessThan(2000);
    }

    @Test
    void leavesPicturesUpToTwiceTheMinimumSideWhole() throws Exception {
        DecodedImage d = MMS.decode(ImageVariants.jpeg(ImageVariants.resize(PICTURE, 640, 480), 0.8f));
        assertThat(d.stepX()).isEqualTo(1);
        assertThat(d.pixels().getWidth()).isEqualTo(640);
    }

    @Test
    void refusesNothingAndTooMuch() {
        assertThat(reasonFor(new byte[0])).isEqualTo(Reason.EMPTY);
        ImageDecoding small = new ImageDecoding(new ImageDecoding.Limits(1000, 100, 10_000, 0));
        assertThatThrownBy(() -> small.decode(new byte[1001])).isInstanceOfSatisfying(UnreadableImageException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BYTES));
        assertThatThrownBy(() -> small.decode(encode(PICTURE, "png"))).isInstanceOfSatisfying(UnreadableImageException.class,
                e -> assertThat(e.reason()).isIn(Reason.TOO_MANY_BYTES, Reason.TOO_LARGE));
    }

    @Test
    void refusesAPictureWiderThanAllowedFromItsHeaderAlone() {
        ImageDecoding narrow = new ImageDecoding(new ImageDecoding.Limits(1 << 20, 100, 1_000_000, 0));
        assertThatThrownBy(() -> narrow.decode(encode(PICTURE, "png"))).isInstanceOfSatisfying(
                UnreadableImageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.format()).isEqualTo("png");
                    assertThat(e.getMessage()).contains("320×240");
                });
    }

    /**
     * 60000² would be 10 GB of pixels. The JDK's BMP reader refuses any header declaring more
     * pixel bytes than the file holds before we see the size, hence CORRUPT there.
     */
    @ParameterizedTest
    @CsvSource({ "png, TOO_LARGE", "jpeg, TOO_LARGE", "gif, TOO_LARGE", "bmp, CORRUPT", "wbmp, TOO_LARGE" })
    void refusesAHostileHugeHeaderQuicklyAndWithoutAllocating(String format, Reason expected) {
        byte[] hostile = HostileImageHeaders.of(format, 60_000, 60_000);
        long before = usedMemory();
        assertThat(reasonFor(hostile)).isEqualTo(expected);
        assertThat(usedMemory() - before).isLessThan(256L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = { "png", "jpeg", "gif", "wbmp" })
    void refusesAHeaderBeyondEitherLimitAsTooLarge(String format) {
        assertThat(reasonFor(HostileImageHeaders.of(format, 17_000, 100))).as("a side beyond 16384").isEqualTo(Reason.TOO_LARGE);
        assertThat(reasonFor(HostileImageHeaders.of(format, 8_000, 7_000))).as("56 MP, beyond 48 MP").isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void refusesABmpDeclaringMorePixelsThanItCarriesAsCorrupt() {
        assertThat(reasonFor(HostileImageHeaders.bmp(17_000, 100))).isEqualTo(Reason.CORRUPT);
        assertThat(reasonFor(HostileImageHeaders.bmp(300, 200))).isEqualTo(Reason.CORRUPT);
    }

    private static long usedMemory() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void reportsATruncatedJpegOrPngAsTruncated() {
        byte[] jpeg = ImageVariants.jpeg(PICTURE, 0.9f);
        byte[] png = encode(PICTURE, "png");
        assertThat(reasonFor(Arrays.copyOf(jpeg, jpeg.length / 2))).isEqualTo(Reason.TRUNCATED);
        assertThat(reasonFor(Arrays.copyOf(png, png.length / 2))).isEqualTo(Reason.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "jpeg", "png", "gif", "bmp", "wbmp" })
    void reportsEveryCutOfAFileAsAnUnreadableImageAndNothingElse(String format) {
        BufferedImage source = format.equals("wbmp") ? binary(PICTURE) : PICTURE;
        byte[] whole = format.equals("jpeg") ? ImageVariants.jpeg(source, 0.9f) : encode(source, format);
        for (int cut : new int[] { 1, 2, 3, 5, 8, 13, 20, 40, 100, whole.length / 3, whole.length * 2 / 3, whole.length - 40 }) {
            byte[] truncated = Arrays.copyOf(whole, Math.min(cut, whole.length - 1));
            assertThat(reasonFor(truncated)).as("%s cut at %d", format, cut).isIn(Reason.TRUNCATED, Reason.CORRUPT,
                    Reason.UNKNOWN_FORMAT);
        }
    }

    @Test
    void reportsRandomBytesWithoutAMagicNumberAsAnUnknownFormat() {
        Random random = new Random(41);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[1 + random.nextInt(3000)];
            random.nextBytes(data);
            if (ImageFormat.sniff(data) == null) {
                assertThat(reasonFor(data)).isEqualTo(Reason.UNKNOWN_FORMAT);
            }
        }
    }

    /**
     * Garbage behind a real magic number: usually refused, sometimes a valid picture (any bits
     * after a WBMP header are pixels), never any other exception, never a hang.
     */
    @Test
    void decodesOrRefusesRandomBytesBehindEachMagicNumberAndNeverThrowsAnythingElse() {
        Random random = new Random(42);
        byte[][] magics = { {}, { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' },
            "GIF89a".getBytes(StandardCharsets.US_ASCII), "BM".getBytes(StandardCharsets.US_ASCII), { 0, 0 } };
        for (int i = 0; i < 300; i++) {
            byte[] magic = magics[i % magics.length];
            byte[] data = new byte[magic.length + 14 + random.nextInt(2000)];
            random.nextBytes(data);
            System.arraycopy(magic, 0, data, 0, magic.length);
            decodeOrRefuse(data);
        }
    }

    /** Either outcome is fine; any exception other than UnreadableImageException fails the test. */
    static void decodeOrRefuse(byte[] data) {
        assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                assertThat(MMS.decode(data).pixels()).isNotNull();
            } catch (UnreadableImageException e) {
                assertThat(e.reason()).isNotNull();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "jpeg", "png", "gif", "bmp" })
    void survivesEverySingleBitFlipInTheFirstKilobyte(String format) {
        byte[] whole = format.equals("jpeg") ? ImageVariants.jpeg(PICTURE, 0.9f)
                : encode(format.equals("gif") ? ImageVariants.palette256(PICTURE, false) : PICTURE, format);
        for (int bit = 0; bit < Math.min(whole.length, 1024) * 8; bit += 7) {
            byte[] flipped = whole.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            decodeOrRefuse(flipped);
        }
    }

    static BufferedImage binary(BufferedImage src) {
        BufferedImage bw = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        bw.createGraphics().drawImage(src, 0, 0, null);
        return bw;
    }
}
