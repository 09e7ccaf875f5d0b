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
            for (int x = 0; x < Math.min(ahead, width); x++) {
                sum += in[row + x];
            }
            for (int x = 0; x < width; x++) {
                if (x + ahead < width) {
                    sum += in[row + x + ahead];
                }
                if (x - behind - 1 >= 0) {
                    sum -= in[row + x - behind - 1];
                }
                int count = Math.min(width - 1, x + ahead) - Math.max(0, x - behind) + 1;
                out[row + x] = sum / count;
            }
        }
    }

    /**
     * Same filter down each column, computed a whole row at a time (one running sum per column)
     * so memory is read in order rather than with a stride of a row per sample.
     */
    static void alongColumns(float[] in, float[] out, int width, int height, int window) {
        int ahead = (window + 2) / 2 - 1;
        int behind = window - 1 - ahead;
        float[] sums = new float[width];
        for (int y = 0; y < Math.min(ahead, height); y++) {
            addRow(in, y * width, sums, 1f);
        }
        for (int y = 0; y < height; y++) {
            if (y + ahead < height) {
                addRow(in, (y + ahead) * width, sums, 1f);
            }
            if (y - behind - 1 >= 0) {
                addRow(in, (y - behind - 1) * width, sums, -1f);
            }
            float count = Math.min(height - 1, y + ahead) - Math.max(0, y - behind) + 1;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = sums[x] / count;
            }
        }
    }

    private static void addRow(float[] in, int offset, float[] sums, float sign) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] += sign * in[offset + x];
        }
    }
}
