package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class JpegMarkersTest {

    /** SOI, optional APP segments, then SOF0 with the given component ids. */
    private static byte[] jpeg(byte[][] apps, char... componentIds) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xD8);
        for (byte[] app : apps) {
            b.writeBytes(app);
        }
        int length = 8 + 3 * componentIds.length;
        b.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xC0, 0, (byte) length, 8, 0, 16, 0, 16, (byte) componentIds.length });
        for (char id : componentIds) {
            b.writeBytes(new byte[] { (byte) id, 0x11, 0 });
        }
        b.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD9 });
        return b.toByteArray();
    }

    private static byte[] app(int marker, String id, byte... rest) {
        byte[] name = id.getBytes(StandardCharsets.US_ASCII);
        int length = 2 + name.length + rest.length;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length });
        b.writeBytes(name);
        b.writeBytes(rest);
        return b.toByteArray();
    }

    private static byte[] adobe(int transform) {
        // "Adobe", version (2), flags0 (2), flags1 (2), transform (1): transform is byte 11
        return app(0xEE, "Adobe", (byte) 0, (byte) 100, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) transform);
    }

    @Test
    void takesJfifAndUnmarkedThreeComponentFilesAsYcbcr() {
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[][] { app(0xE0, "JFIF\0", (byte) 1, (byte) 1) }, '\1', '\2', '\3'))).isTrue();
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[0][], '\1', '\2', '\3'))).isTrue();
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[][] { adobe(1) }, '\1', '\2', '\3'))).isTrue();
    }

    @Test
    void takesOneComponentAsGrey() {
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[0][], '\1'))).isTrue();
    }

    @Test
    void leavesRgbCmykAndYcckToTheColourDecoder() {
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[][] { adobe(0) }, '\1', '\2', '\3'))).as("Adobe, no transform").isFalse();
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[0][], 'R', 'G', 'B'))).as("ids R G B").isFalse();
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[][] { adobe(2) }, '\1', '\2', '\3', '\4'))).as("YCCK").isFalse();
        assertThat(JpegMarkers.firstBandIsLuma(jpeg(new byte[0][], '\1', '\2', '\3', '\4'))).as("CMYK").isFalse();
    }

    @Test
    void answersNoToEveryCutAndGarbageRatherThanReadingOutOfBounds() {
        byte[] whole = jpeg(new byte[][] { app(0xE0, "JFIF\0", (byte) 1, (byte) 1) }, '\1', '\2', '\3');
        for (int cut = 0; cut < whole.length - 2; cut++) { // the frame header ends 2 bytes before the end
            assertThat(JpegMarkers.firstBandIsLuma(Arrays.copyOf(whole, cut))).as("cut at %d", cut).isFalse();
        }
        assertThat(JpegMarkers.firstBandIsLuma(Arrays.copyOf(whole, whole.length - 2))).isTrue();
        assertThat(JpegMarkers.firstBandIsLuma(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) 0xFF,
            (byte) 0xFF })).isFalse();
    }

    @Test
    void recognisesWhatTheJdkWriterProduces() throws Exception {
        BufferedImage grey = ImageVariants.greyscale(ArtworkFixtures.photo(3, 64, 48));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(grey, "jpeg", out);
        assertThat(JpegMarkers.firstBandIsLuma(out.toByteArray())).isTrue();
        assertThat(JpegMarkers.firstBandIsLuma(ImageVariants.jpeg(ArtworkFixtures.photo(3, 64, 48), 0.8f))).isTrue();
    }
}
