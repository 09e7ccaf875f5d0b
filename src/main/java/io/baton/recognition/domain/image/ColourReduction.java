package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/**
 * Palette reduction as old handsets and MMSC adaptation do it: a fixed palette (no per-picture
 * optimisation), optionally with Floyd–Steinberg error diffusion. 8-bit uses the 3-3-2 colour
 * cube (256 colours), 4-bit the 16 colours of the classic VGA palette.
 */
final class ColourReduction {

    private static final IndexColorModel CUBE_332 = cube332();
    private static final IndexColorModel VGA_16 = vga16();

    private ColourReduction() {
    }

    /** 256 colours, 3 bits red, 3 green, 2 blue: what an 8-bit handset display or GIF shows. */
    static BufferedImage toCube332(BufferedImage src, boolean dither) {
        // on a grid palette the nearest colour is the nearest level on each axis
        return reduce(src, CUBE_332, dither, (r, g, b) -> level(r, 7) << 5 | level(g, 7) << 2 | level(b, 3));
    }

    /** 16 colours, the VGA palette: a 4-bit display. */
    static BufferedImage toVga16(BufferedImage src, boolean dither) {
        return reduce(src, VGA_16, dither, (r, g, b) -> nearest(VGA_16, r, g, b));
    }

    private interface Nearest {
        int index(float r, float g, float b);
    }

    private static int level(float v, int max) {
        return Math.max(0, Math.min(max, Math.round(v * max / 255f)));
    }

    private static IndexColorModel cube332() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) ((i >> 5 & 7) * 255 / 7);
            g[i] = (byte) ((i >> 2 & 7) * 255 / 7);
            b[i] = (byte) ((i & 3) * 255 / 3);
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    private static IndexColorModel vga16() {
        int[] rgb = { 0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
            0xFF0000, 0x00FF00, 0xFFFF00, 0x0000FF, 0xFF00FF, 0x00FFFF, 0xFFFFFF };
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(4, 16, r, g, b);
    }

    /** The picture in {@code palette}'s colours, as an indexed image (one byte per pixel). */
    private static BufferedImage reduce(BufferedImage src, IndexColorModel palette, boolean dither, Nearest nearest) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        float[][] err = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            err[0][i] = argb[i] >> 16 & 0xff;
            err[1][i] = argb[i] >> 8 & 0xff;
            err[2][i] = argb[i] & 0xff;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette.getMapSize() == 256
                ? palette : expand(palette));
        WritableRaster raster = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int best = nearest.index(err[0][i], err[1][i], err[2][i]);
                raster.setSample(x, y, 0, best);
                if (dither) {
                    for (int c = 0; c < 3; c++) {
                        float e = err[c][i] - component(palette, best, c);
                        spread(err[c], w, h, x + 1, y, e * 7 / 16);
                        spread(err[c], w, h, x - 1, y + 1, e * 3 / 16);
                        spread(err[c], w, h, x, y + 1, e * 5 / 16);
                        spread(err[c], w, h, x + 1, y + 1, e / 16);
                    }
                }
            }
        }
        return out;
    }

    /** A 16-colour palette padded to 256 entries, so the picture fits TYPE_BYTE_INDEXED. */
    private static IndexColorModel expand(IndexColorModel p) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < p.getMapSize(); i++) {
            r[i] = (byte) p.getRed(i);
            g[i] = (byte) p.getGreen(i);
            b[i] = (byte) p.getBlue(i);
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    private static int component(IndexColorModel p, int index, int channel) {
        return channel == 0 ? p.getRed(index) : channel == 1 ? p.getGreen(index) : p.getBlue(index);
    }

    private static int nearest(IndexColorModel palette, float r, float g, float b) {
        int best = 0;
        float bestDistance = Float.MAX_VALUE;
        for (int i = 0; i < palette.getMapSize(); i++) {
            float dr = r - palette.getRed(i);
            float dg = g - palette.getGreen(i);
            float db = b - palette.getBlue(i);
            float d = 2 * dr * dr + 4 * dg * dg + db * db; // rough perceptual weights
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static void spread(float[] plane, int w, int h, int x, int y, float e) {
        if (x >= 0 && x < w && y < h) {
            plane[y * w + x] += e;
        }
    }
}
