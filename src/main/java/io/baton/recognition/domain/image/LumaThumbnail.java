package io.baton.recognition.domain.image;

/**
 * A picture's mean luminance over {@value #SIDE}×{@value #SIDE} equal cells, summed while PDQ's
 * downsampler reads the rows (so it costs one addition per pixel and, like PDQ's grid, does not
 * depend on the picture's size or aspect; unlike the grid, which samples a narrow filter, it
 * averages every pixel, so posterisation bands, dithering and noise average out). It answers what
 * a hash cannot: <em>where</em> two pictures differ. A handset's logo in
 * a corner or a caption bar moves a PDQ hash by 40–70 bits because every DCT coefficient sees
 * every pixel; compared block by block, the same forward agrees with its seed everywhere but
 * under the overlay. See {@link #agreement(LumaThumbnail, LumaThumbnail)}.
 */
public final class LumaThumbnail {

    public static final int SIDE = 32;
    /** Blocks per side: each block is {@value #BLOCK}×{@value #BLOCK} thumbnail pixels. */
    public static final int BLOCKS = 8;
    private static final int BLOCK = SIDE / BLOCKS;

    private final float[] luma;

    private LumaThumbnail(float[] luma) {
        this.luma = luma;
    }

    /** Takes {@value #SIDE}² cell means as they are (the downsampler's own array). */
    static LumaThumbnail ofCells(float[] cellMeans) {
        return new LumaThumbnail(cellMeans);
    }

    public float get(int x, int y) {
        return luma[y * SIDE + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LumaThumbnail t && java.util.Arrays.equals(luma, t.luma);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(luma);
    }

    /** This thumbnail rotated or mirrored as {@link ImageVariants#transform} turns a picture. */
    public LumaThumbnail transformed(Dihedral d) {
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[d.target(x, y, SIDE, SIDE)] = luma[y * SIDE + x];
            }
        }
        return new LumaThumbnail(out);
    }

    /**
     * How two thumbnails agree block by block, after the best affine map of {@code seed}'s
     * luminance onto {@code probe}'s (so brightness, contrast and re-encoding do not count).
     *
     * <p>The map is fitted by least squares, then refitted twice on the pixels whose residual is
     * within three median residuals, so that an overlay covering a tenth of the picture does not
     * drag the fit. A block agrees when its mean absolute residual is at most
     * {@value #BLOCK_TOLERANCE} of the seed's contrast (its standard deviation, mapped). An
     * inverted or flattened map (gain below {@value #MIN_GAIN}) agrees nowhere.
     */
    public static Agreement agreement(LumaThumbnail seed, LumaThumbnail probe) {
        float[] a = seed.luma;
        float[] b = probe.luma;
        int n = a.length;
        boolean[] use = new boolean[n];
        java.util.Arrays.fill(use, true);
        double gain = 0;
        double offset = 0;
        float[] residual = new float[n];
        float[] sorted = new float[n];
        for (int round = 0; round < 3; round++) {
            double sa = 0, sb = 0, saa = 0, sab = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (use[i]) {
                    sa += a[i];
                    sb += b[i];
                    saa += (double) a[i] * a[i];
                    sab += (double) a[i] * b[i];
                    m++;
                }
            }
            double var = saa - sa * sa / m;
            if (m < n / 4 || var < 1e-6) {
                return Agreement.NONE;
            }
            gain = (sab - sa * sb / m) / var;
            offset = (sb - gain * sa) / m;
            for (int i = 0; i < n; i++) {
                residual[i] = (float) Math.abs(b[i] - (gain * a[i] + offset));
                sorted[i] = residual[i];
            }
            float cut = 3 * Select.kth(sorted, n, n / 2) + 1e-3f;
            for (int i = 0; i < n; i++) {
                use[i] = residual[i] <= cut;
            }
        }
        if (gain < MIN_GAIN) {
            return Agreement.NONE;
        }
        double mean = 0;
        for (float v : a) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (float v : a) {
            ss += (v - mean) * (v - mean);
        }
        double contrast = gain * Math.sqrt(ss / n);
        if (contrast < 1e-3) {
            return Agreement.NONE;
        }
        boolean[] agrees = new boolean[BLOCKS * BLOCKS];
        int count = 0;
        for (int by = 0; by < BLOCKS; by++) {
            for (int bx = 0; bx < BLOCKS; bx++) {
                double sum = 0;
                for (int y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
                    for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
                        sum += residual[y * SIDE + x];
                    }
                }
                if (sum / (BLOCK * BLOCK) <= BLOCK_TOLERANCE * contrast) {
                    agrees[by * BLOCKS + bx] = true;
                    count++;
                }
            }
        }
        return new Agreement(agrees, count, gain);
    }

    /** Mean absolute residual of an agreeing block, as a fraction of the seed's mapped contrast. */
    static final double BLOCK_TOLERANCE = 0.25;
    static final double MIN_GAIN = 0.3;

    /** Which of the {@value #BLOCKS}×{@value #BLOCKS} blocks agree, row-major. */
    public record Agreement(boolean[] blocks, int count, double gain) {
        static final Agreement NONE = new Agreement(new boolean[BLOCKS * BLOCKS], 0, 0);

        /** The share of all blocks that agree, 0..1. */
        public double fraction() {
            return count / (double) (BLOCKS * BLOCKS);
        }

        /** The share of the middle {@code BLOCKS/2}² blocks (a quarter of the picture) that agree. */
        public double centreFraction() {
            int lo = BLOCKS / 4;
            int hi = BLOCKS - lo;
            int c = 0;
            for (int y = lo; y < hi; y++) {
                for (int x = lo; x < hi; x++) {
                    c += blocks[y * BLOCKS + x] ? 1 : 0;
                }
            }
            return c / (double) ((hi - lo) * (hi - lo));
        }
    }
}
