package io.baton.recognition.domain.image;

/**
 * One-dimensional moving averages over a row-major plane, the building block of PDQ's Jarosz
 * downsampling. Sample {@code i} averages {@code [i - behind, i + ahead]} clipped to the plane,
 * with {@code ahead = (window + 2) / 2 - 1} and {@code behind = window - 1 - ahead}: the window is
 * centred, leaning right when even, exactly as in the reference, because moving the window by
 * one sample moves the 64×64 grid and flips bits.
 */
final class BoxFilter {

    private BoxFilter() {
    }

    static void alongRows(float[] in, float[] out, int width, int height, int window) {
        int ahead = (window + 2) / 2 - 1;
        int behind = window - 1 - ahead;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            float sum = 0f;
            int next = 0; // the next sample to enter the window
            for (; next < Math.min(ahead, width); next++) {
                sum += in[row + next];
            }
            for (int x = 0; x < width; x++) {
                // branches on x only: the JIT splits this loop into its head, middle and tail
                if (next < width) {
                    sum += in[row + next++];
                }
                int leaving = x - behind - 1;
                if (leaving >= 0) {
                    sum -= in[row + leaving];
                }
                out[row + x] = sum / (Math.min(width - 1, x + ahead) - Math.max(0, x - behind) + 1);
            }
        }
    }

    /**
     * Same filter down each column, computed a whole row at a time (one running sum per column)
     * so memory is read in order, and the inner loops vectorise.
     */
    static void alongColumns(float[] in, float[] out, int width, int height, int window) {
        int ahead = (window + 2) / 2 - 1;
        int behind = window - 1 - ahead;
        float[] sums = new float[width];
        int next = 0;
        for (; next < Math.min(ahead, height); next++) {
            add(in, next * width, sums);
        }
        for (int y = 0; y < height; y++) {
            if (next < height) {
                add(in, next++ * width, sums);
            }
            int leaving = y - behind - 1;
            if (leaving >= 0) {
                subtract(in, leaving * width, sums);
            }
            float count = Math.min(height - 1, y + ahead) - Math.max(0, y - behind) + 1;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = sums[x] / count;
            }
        }
    }

    private static void add(float[] in, int offset, float[] sums) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] += in[offset + x];
        }
    }

    private static void subtract(float[] in, int offset, float[] sums) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] -= in[offset + x];
        }
    }

    /**
     * The filtered value at one sample, {@code a[offset + i * stride]} being sample {@code i} of
     * {@code n}: what {@link #alongRows} would write there.
     */
    static float mean(float[] a, int offset, int stride, int n, int i, int window) {
        int ahead = (window + 2) / 2 - 1;
        int from = Math.max(0, i - (window - 1 - ahead));
        int to = Math.min(n - 1, i + ahead);
        float sum = 0f;
        for (int k = from; k <= to; k++) {
            sum += a[offset + k * stride];
        }
        return sum / (to - from + 1);
    }
}
