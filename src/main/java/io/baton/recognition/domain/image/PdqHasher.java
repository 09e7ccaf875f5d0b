package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;

/**
 * PDQ, Facebook's perceptual image hash (ThreatExchange {@code pdq/hashing/hashing.pdf}), written
 * for Baton from the paper and the reference implementations:
 * <ol>
 * <li>luminance of every pixel ({@link Luminance});
 * <li>two passes of horizontal then vertical box filters, each window about 1/128 of the side,
 * then 64×64 samples at cell centres ({@link JaroszDownsampler});
 * <li>quality: the sum of significant neighbour differences on the 64×64 grid;
 * <li>a 2-D DCT keeping frequencies 1..16 on each axis (the DC term carries only brightness);
 * <li>bit {@code k} is set when coefficient {@code k} exceeds the median coefficient, so exactly
 * half the bits are set and brightness/contrast changes leave the hash alone.
 * </ol>
 * Float arithmetic in the reference's order, so our hashes land within a few bits of theirs.
 *
 * <p>Not thread-safe: an instance keeps its working buffers between calls so a busy thread does
 * not allocate per image. Use one instance per thread.
 */
public final class PdqHasher {

    private static final int N = JaroszDownsampler.GRID;
    private static final int K = 16;

    /** Rows 1..16 of the orthonormal 64-point DCT-II, row-major 16×64. */
    private static final float[] DCT = dctMatrix();

    private final JaroszDownsampler downsampler = new JaroszDownsampler();
    private final float[] grid = new float[N * N];
    private final float[] partial = new float[K * N];
    private final float[] dct = new float[K * K];
    private final float[] transformed = new float[K * K];
    private final float[] sorted = new float[K * K];
    private final boolean[] bits = new boolean[PdqHash.BITS];

    private static float[] dctMatrix() {
        float[] d = new float[K * N];
        double scale = Math.sqrt(2.0 / N);
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                d[i * N + j] = (float) (scale * Math.cos(Math.PI / 2 / N * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    public PdqFingerprint hash(BufferedImage image) {
        gridAndDct(Luminance.rows(image), image.getWidth(), image.getHeight());
        return new PdqFingerprint(hashOf(dct), quality(), thumbnail());
    }

    /**
     * Hashes a luminance plane given row-major, values 0..255; {@code luminance} is left untouched.
     */
    public PdqFingerprint hashLuminance(float[] luminance, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > luminance.length) {
            throw new IllegalArgumentException("luminance of " + luminance.length + " values is not a " + width + "×"
                    + height + " picture");
        }
        gridAndDct((y, row) -> System.arraycopy(luminance, y * width, row, 0, width), width, height);
        return new PdqFingerprint(hashOf(dct), quality(), thumbnail());
    }

    /**
     * The fingerprint and the luminance profiles crop alignment reads, from one pass over the
     * picture (the profiles are summed as the rows stream through the downsampler).
     */
    public Summary summarise(BufferedImage image) {
        PdqFingerprint fingerprint = hash(image);
        return new Summary(fingerprint, new CropAlignment.Profiles(downsampler.columnMeans(), downsampler.rowMeans()));
    }

    /** A picture as recognition keeps it: its fingerprint and its mean luminance per column and per row. */
    public record Summary(PdqFingerprint fingerprint, CropAlignment.Profiles profiles) {
    }

    private LumaThumbnail thumbnail() {
        return LumaThumbnail.ofCells(downsampler.cellMeans());
    }

    /** The hashes of the picture under all eight rotations and mirrorings, from one DCT. */
    public DihedralHashes dihedralHashes(BufferedImage image) {
        gridAndDct(Luminance.rows(image), image.getWidth(), image.getHeight());
        PdqHash[] hashes = new PdqHash[Dihedral.values().length];
        for (Dihedral d : Dihedral.values()) {
            d.apply(dct, transformed);
            hashes[d.ordinal()] = hashOf(transformed);
        }
        return new DihedralHashes(hashes, quality(), thumbnail());
    }

    private void gridAndDct(Luminance.Rows rows, int width, int height) {
        downsampler.downsample(rows, width, height, grid);
        dct64To16();
    }

    /** dct = D · grid · Dᵀ, computing only the 16×16 corner we keep. */
    private void dct64To16() {
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                float sum = 0f;
                for (int k = 0; k < N; k++) {
                    sum += DCT[i * N + k] * grid[k * N + j];
                }
                partial[i * N + j] = sum;
            }
        }
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float sum = 0f;
                for (int k = 0; k < N; k++) {
                    sum += partial[i * N + k] * DCT[j * N + k];
                }
                dct[i * K + j] = sum;
            }
        }
    }

    /**
     * Counts neighbour differences of at least 1% of full scale on the 64×64 grid; a picture with
     * 9,000 such percent-steps or more scores 100. Flat pictures score near 0.
     */
    private int quality() {
        int gradientSum = 0;
        for (int i = 0; i < N - 1; i++) {
            for (int j = 0; j < N; j++) {
                gradientSum += Math.abs((int) (((grid[i * N + j] - grid[(i + 1) * N + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N - 1; j++) {
                gradientSum += Math.abs((int) (((grid[i * N + j] - grid[i * N + j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** Sets bits above the lower median (the 128th smallest), as the reference's Torben median does. */
    private PdqHash hashOf(float[] coefficients) {
        System.arraycopy(coefficients, 0, sorted, 0, K * K);
        float median = Select.kth(sorted, K * K, K * K / 2 - 1);
        for (int k = 0; k < K * K; k++) {
            bits[k] = coefficients[k] > median;
        }
        return PdqHash.fromBits(bits);
    }
}
