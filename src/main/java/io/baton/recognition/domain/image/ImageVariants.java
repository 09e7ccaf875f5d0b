package io.baton.recognition.domain.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The edits a seed picture suffers between the campaign and a forward: the handset's crop,
 * rotation and caption, the MMSC's rescaling and re-encoding, an old display's palette. Pure
 * functions of their arguments (randomness only from the {@link Random} passed in), used to
 * index a seed under the edits its hash does not survive and by the benchmark to make forwards.
 * {@link VariantCatalogue} lists the standard ones.
 *
 * <p>Outputs are {@code TYPE_INT_RGB} unless said otherwise; alpha is dropped (MMS pictures are
 * shown on white, and PDQ ignores alpha).
 */
public final class ImageVariants {

    private ImageVariants() {
    }

    /** Keeps the middle, cutting the given fractions (0 ≤ f < 0.5) off each edge. */
    public static BufferedImage crop(BufferedImage src, double left, double top, double right, double bottom) {
        int w = src.getWidth();
        int h = src.getHeight();
        int x0 = (int) Math.round(w * left);
        int y0 = (int) Math.round(h * top);
        int x1 = w - (int) Math.round(w * right);
        int y1 = h - (int) Math.round(h * bottom);
        if (left < 0 || top < 0 || right < 0 || bottom < 0 || x1 - x0 < 1 || y1 - y0 < 1) {
            throw new IllegalArgumentException("crop leaves nothing: " + left + ", " + top + ", " + right + ", " + bottom);
        }
        return copy(src.getSubimage(x0, y0, x1 - x0, y1 - y0));
    }

    /** The picture rotated or mirrored exactly (no resampling). */
    public static BufferedImage transform(BufferedImage src, Dihedral d) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int ow = d.swapsAxes() ? h : w;
        int oh = d.swapsAxes() ? w : h;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[d.target(x, y, w, h)] = in[y * w + x];
            }
        }
        BufferedImage result = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, ow, oh, out, 0, ow);
        return result;
    }

    /** Scaled to exactly {@code width}×{@code height}, stretching if the aspect differs. */
    public static BufferedImage resize(BufferedImage src, int width, int height) {
        BufferedImage current = src;
        // halve first, as good scalers do: one bilinear step from far away skips pixels
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, height);
    }

    /** Scaled to fit inside {@code maxWidth}×{@code maxHeight}, aspect kept. */
    public static BufferedImage fit(BufferedImage src, int maxWidth, int maxHeight) {
        double scale = Math.min((double) maxWidth / src.getWidth(), (double) maxHeight / src.getHeight());
        return resize(src, Math.max(1, (int) Math.round(src.getWidth() * scale)),
                Math.max(1, (int) Math.round(src.getHeight() * scale)));
    }

    /** Every pixel as {@code (v - 128) * contrast + 128 + brightness}, per channel, clamped. */
    public static BufferedImage tone(BufferedImage src, int brightness, double contrast) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Math.max(0, Math.min(255, (int) Math.round((v - 128) * contrast + 128 + brightness)));
        }
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = lut[p >> 16 & 0xff] << 16 | lut[p >> 8 & 0xff] << 8 | lut[p & 0xff];
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    /** 8-bit grey ({@code TYPE_BYTE_GRAY}) holding the PDQ luminance, as a greyscale display shows it. */
    public static BufferedImage greyscale(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            data[i] = (byte) Math.round(Luminance.of(px[i] >> 16 & 0xff, px[i] >> 8 & 0xff, px[i] & 0xff));
        }
        return out;
    }

    /** 256 colours (3-3-2 cube), as an indexed image. */
    public static BufferedImage palette256(BufferedImage src, boolean dither) {
        return ColourReduction.toCube332(src, dither);
    }

    /** 16 colours (VGA palette), as an indexed image. */
    public static BufferedImage palette16(BufferedImage src, boolean dither) {
        return ColourReduction.toVga16(src, dither);
    }

    /**
     * A solid bar across the top or bottom holding word-like marks, as a handset's "Sent from…"
     * caption or an operator's footer: {@code fraction} of the height (at most 0.25).
     */
    public static BufferedImage captionBar(BufferedImage src, double fraction, boolean bottom, Random random) {
        BufferedImage out = copy(src);
        int w = out.getWidth();
        int barHeight = Math.max(1, (int) Math.round(out.getHeight() * Math.min(fraction, 0.25)));
        int y0 = bottom ? out.getHeight() - barHeight : 0;
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillRect(0, y0, w, barHeight);
        // "text" as glyph-sized blocks: fonts may be missing on a headless server, words are not
        g.setColor(new Color(random.nextInt(0x1000000)));
        int glyph = Math.max(1, barHeight / 2);
        for (int x = glyph / 2; x < w - glyph; ) {
            int word = 2 + random.nextInt(7);
            for (int i = 0; i < word && x < w - glyph; i++, x += glyph * 2 / 3 + 1) {
                g.fillRect(x, y0 + barHeight / 4, Math.max(1, glyph / 2), glyph);
            }
            x += glyph;
        }
        g.dispose();
        return out;
    }

    /**
     * A logo-like mark (a disc on a square) in a random corner, covering {@code areaFraction} of
     * the picture (at most 0.25).
     */
    public static BufferedImage logo(BufferedImage src, double areaFraction, Random random) {
        BufferedImage out = copy(src);
        int side = Math.max(1, (int) Math.round(Math.sqrt(Math.min(areaFraction, 0.25) * out.getWidth() * out.getHeight())));
        side = Math.min(side, Math.min(out.getWidth(), out.getHeight()));
        int margin = Math.min(out.getWidth(), out.getHeight()) / 40;
        int x = random.nextBoolean() ? margin : out.getWidth() - side - margin;
        int y = random.nextBoolean() ? margin : out.getHeight() - side - margin;
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillRect(x, y, side, side);
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillOval(x + side / 8, y + side / 8, side * 3 / 4, side * 3 / 4);
        g.dispose();
        return out;
    }

    /** JPEG bytes at {@code quality} 0..1 (baseline, 4:2:0 as the JDK writes it). */
    public static byte[] jpeg(BufferedImage src, float quality) {
        return write(opaque(src), "jpeg", quality);
    }

    public static byte[] png(BufferedImage src) {
        return write(src, "png", -1f);
    }

    /** GIF bytes: 256 colours, Floyd–Steinberg dithered, as handsets convert photos for old phones. */
    public static byte[] gif(BufferedImage src) {
        return write(palette256(src, true), "gif", -1f);
    }

    /** Decodes bytes these methods wrote (a trusted round trip; untrusted bytes go through {@link ImageDecoding}). */
    public static BufferedImage read(byte[] encoded) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded));
            if (img == null) {
                throw new IllegalStateException("no reader for bytes we wrote");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage img, String format, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality >= 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen short of a writer bug
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** What the JPEG writer accepts: opaque RGB or grey, not palettes or alpha. */
    private static BufferedImage opaque(BufferedImage src) {
        return switch (src.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY -> src;
            default -> copy(src);
        };
    }

    /** An RGB copy (alpha composed onto white). */
    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, Color.WHITE, null);
        g.dispose();
        return out;
    }

    private static BufferedImage draw(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, width, height, Color.WHITE, null);
        g.dispose();
        return out;
    }
}
