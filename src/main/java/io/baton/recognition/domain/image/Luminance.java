package io.baton.recognition.domain.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads a picture's luminance, Y = 0.299 R + 0.587 G + 0.114 B (the Rec. 601 weights the PDQ
 * reference uses), straight from the raster's data buffer for the layouts decoders produce
 * (interleaved bytes, packed ints, byte palettes, 8-bit grey). {@code getRGB} per pixel costs more
 * than the whole hash. Samples are taken as they are, without colour management: the C++
 * reference ignores embedded ICC profiles and treats 8-bit grey as Y, and so do we. Alpha is
 * ignored, as in the reference.
 */
final class Luminance {

    static final float R = 0.299f;
    static final float G = 0.587f;
    static final float B = 0.114f;

    private Luminance() {
    }

    /** {@code R * i} etc. for every 8-bit value: the same floats as multiplying, a third faster. */
    private static final float[] RED = table(R);
    private static final float[] GREEN = table(G);
    private static final float[] BLUE = table(B);

    private static float[] table(float weight) {
        float[] t = new float[256];
        for (int i = 0; i < 256; i++) {
            t[i] = weight * i;
        }
        return t;
    }

    /** Luminance of 8-bit samples, summed in the reference's order so results match it bit for bit. */
    static float of(int r, int g, int b) {
        return RED[r] + GREEN[g] + BLUE[b];
    }

    /** Reads one row of luminance, 0..255, into {@code out[0..width)}. */
    interface Rows {
        void read(int y, float[] out);
    }

    /** Fills {@code out[y * width + x]} with the luminance of every pixel, 0..255. */
    static void read(BufferedImage image, float[] out) {
        int w = image.getWidth();
        Rows rows = rows(image);
        float[] row = new float[w];
        for (int y = 0; y < image.getHeight(); y++) {
            rows.read(y, row);
            System.arraycopy(row, 0, out, y * w, w);
        }
    }

    /** Luminance rows of {@code image}, by the fastest route its layout allows. */
    static Rows rows(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        DataBuffer buffer = raster.getDataBuffer();
        int w = image.getWidth();
        boolean plain = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0;
        if (plain && buffer instanceof DataBufferByte bytes && raster.getSampleModel() instanceof ComponentSampleModel sm
                && cm instanceof ComponentColorModel) {
            int type = cm.getColorSpace().getType();
            if (type == ColorSpace.TYPE_RGB && sm.getNumBands() >= 3) {
                return interleavedRgb(bytes.getData(), sm, w);
            }
            if (type == ColorSpace.TYPE_GRAY && sm.getNumBands() <= 2) {
                return grey(bytes.getData(), sm, w);
            }
        }
        if (plain && buffer instanceof DataBufferInt ints && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && cm instanceof DirectColorModel dcm && !dcm.isAlphaPremultiplied() && eightBitsEach(dcm)) {
            return packed(ints.getData(), sm, dcm, w);
        }
        if (plain && buffer instanceof DataBufferByte bytes && cm instanceof IndexColorModel icm
                && raster.getSampleModel() instanceof ComponentSampleModel sm && sm.getPixelStride() == 1) {
            return indexed(bytes.getData(), sm, icm, w);
        }
        return anyLayout(image);
    }

    private static Rows interleavedRgb(byte[] data, ComponentSampleModel sm, int w) {
        int[] offsets = sm.getBandOffsets();
        int stride = sm.getPixelStride();
        int scan = sm.getScanlineStride();
        int ro = offsets[0];
        int go = offsets[1];
        int bo = offsets[2];
        return (y, out) -> {
            int p = y * scan;
            for (int x = 0; x < w; x++, p += stride) {
                out[x] = of(data[p + ro] & 0xff, data[p + go] & 0xff, data[p + bo] & 0xff);
            }
        };
    }

    private static Rows grey(byte[] data, ComponentSampleModel sm, int w) {
        int stride = sm.getPixelStride();
        int scan = sm.getScanlineStride();
        int off = sm.getBandOffsets()[0];
        if (stride == 1) { // the usual grey raster: a loop the compiler vectorises
            return (y, out) -> {
                int p = y * scan + off;
                for (int x = 0; x < w; x++) {
                    out[x] = data[p + x] & 0xff;
                }
            };
        }
        return (y, out) -> {
            int p = y * scan + off;
            for (int x = 0; x < w; x++, p += stride) {
                out[x] = data[p] & 0xff;
            }
        };
    }

    private static boolean eightBitsEach(DirectColorModel cm) {
        return Integer.bitCount(cm.getRedMask()) == 8 && Integer.bitCount(cm.getGreenMask()) == 8
                && Integer.bitCount(cm.getBlueMask()) == 8;
    }

    private static Rows packed(int[] data, SinglePixelPackedSampleModel sm, DirectColorModel cm, int w) {
        int scan = sm.getScanlineStride();
        int rs = Integer.numberOfTrailingZeros(cm.getRedMask());
        int gs = Integer.numberOfTrailingZeros(cm.getGreenMask());
        int bs = Integer.numberOfTrailingZeros(cm.getBlueMask());
        return (y, out) -> {
            int p = y * scan;
            for (int x = 0; x < w; x++) {
                int px = data[p + x];
                out[x] = of(px >>> rs & 0xff, px >>> gs & 0xff, px >>> bs & 0xff);
            }
        };
    }

    private static Rows indexed(byte[] data, ComponentSampleModel sm, IndexColorModel cm, int w) {
        float[] palette = new float[256];
        for (int i = 0; i < cm.getMapSize(); i++) {
            palette[i] = of(cm.getRed(i), cm.getGreen(i), cm.getBlue(i));
        }
        int scan = sm.getScanlineStride();
        int off = sm.getBandOffsets()[0];
        return (y, out) -> {
            int p = y * scan + off;
            for (int x = 0; x < w; x++) {
                out[x] = palette[data[p + x] & 0xff];
            }
        };
    }

    /** Any other layout (packed 1/2/4-bit palettes, 16-bit samples, CMYK): a row of ARGB at a time. */
    private static Rows anyLayout(BufferedImage image) {
        int w = image.getWidth();
        int[] argb = new int[w];
        return (y, out) -> {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int px = argb[x];
                out[x] = of(px >>> 16 & 0xff, px >>> 8 & 0xff, px & 0xff);
            }
        };
    }
}
