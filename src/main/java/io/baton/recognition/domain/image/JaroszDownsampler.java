package io.baton.recognition.domain.image;

import java.util.Arrays;

/**
 * PDQ's reduction of a picture to 64×64: two passes of one-dimensional box filters (along rows,
 * then down columns), each window about 1/128 of the side, then samples at the centres of a
 * 64×64 grid. Repeated box filters approximate a tent filter (Jarosz, "Fast image convolutions",
 * SIGGRAPH 2001) at a cost independent of the window.
 *
 * <p>Sample {@code i} of a pass averages {@code [i - behind, i + ahead]} clipped to the side,
 * {@code ahead = (window + 2) / 2 - 1}, {@code behind = window - 1 - ahead}: centred, leaning
 * right when the window is even, exactly as the reference does, since moving the window by one
 * pixel moves the grid and flips bits.
 *
 * <p>Streams the picture once, row by row: the first pass runs on each row as it is read, the
 * column sums keep only the last {@code window + 1} filtered rows in a ring, and the second pass
 * is computed only where the grid samples it, without writing and re-reading four planes of the
 * picture's size. The sums are the reference's; the divisions are not all in its order (a
 * reciprocal in the interior of a row, one division per grid sample in the second pass), which
 * moves a float by an ulp and, rarely, a hash bit (PdqHasherTest bounds it). While the rows
 * stream through, each pixel is also added to its thumbnail cell, its column and its row
 * ({@link LumaThumbnail}, crop alignment profiles). Not thread-safe: buffers are reused between pictures.
 */
final class JaroszDownsampler {

    static final int GRID = 64;
    private static final int WINDOW_DIVISOR = 128;

    private float[] luma = new float[0];
    private float[] ring = new float[0];
    private float[] sums = new float[0];
    private float[] gridColumns = new float[0];
    /** Per grid column, the first and last column of its second-pass window. */
    private final int[] columnFrom = new int[GRID];
    private final int[] columnTo = new int[GRID];
    /** Rows some grid row's vertical window reads: only these need the second horizontal pass. */
    private boolean[] neededRow = new boolean[0];
    /** Area sums of the last picture: {@link LumaThumbnail#SIDE}² cells, every column, every row. */
    private final float[] cells = new float[LumaThumbnail.SIDE * LumaThumbnail.SIDE];
    private float[] columnSums = new float[0];
    /** Column sums over the rows of the current band of thumbnail cells. */
    private float[] bandColumns = new float[0];
    private float[] rowSums = new float[0];
    private int[] cellOfColumn = new int[0];
    private int lastWidth;
    private int lastHeight;

    /** Writes the 64×64 downsample of a {@code width}×{@code height} picture into {@code grid}, row-major. */
    void downsample(Luminance.Rows rows, int width, int height, float[] grid) {
        int rowWindow = (width + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        int columnWindow = (height + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        int ahead = (columnWindow + 2) / 2 - 1;
        int behind = columnWindow - 1 - ahead;
        int ringRows = columnWindow + 1; // rows y - behind - 1 .. y + ahead
        ensureCapacity(width, height, ringRows);
        Arrays.fill(sums, 0, width, 0f);
        Arrays.fill(cells, 0f);
        Arrays.fill(columnSums, 0, width, 0f);
        Arrays.fill(bandColumns, 0, width, 0f);
        for (int x = 0; x < width; x++) {
            cellOfColumn[x] = (int) ((long) x * LumaThumbnail.SIDE / width);
        }
        lastWidth = width;
        lastHeight = height;
        int rowAhead = (rowWindow + 2) / 2 - 1;
        for (int j = 0; j < GRID; j++) {
            int c = centre(j, width);
            columnFrom[j] = Math.max(0, c - (rowWindow - 1 - rowAhead));
            columnTo[j] = Math.min(width - 1, c + rowAhead);
        }
        Arrays.fill(neededRow, 0, height, false);
        for (int i = 0; i < GRID; i++) {
            int c = centre(i, height);
            for (int y = Math.max(0, c - behind); y <= Math.min(height - 1, c + ahead); y++) {
                neededRow[y] = true;
            }
        }
        int next = 0; // the next row to read, filter and add to the column sums
        for (; next < Math.min(ahead, height); next++) {
            addRow(rows, next, width, rowWindow, ringRows, -1);
        }
        for (int y = 0; y < height; y++) {
            int leaving = y - behind - 1;
            int leavingOffset = leaving >= 0 ? (leaving % ringRows) * width : -1;
            if (next < height) {
                // adds the entering row and takes off the leaving one in one sweep: (sum + in) - out, as before
                addRow(rows, next++, width, rowWindow, ringRows, leavingOffset);
            } else if (leavingOffset >= 0) {
                for (int x = 0; x < width; x++) {
                    sums[x] -= ring[leavingOffset + x];
                }
            }
            if (!neededRow[y]) {
                continue; // no grid row's vertical window reaches this row
            }
            float count = Math.min(height - 1, y + ahead) - Math.max(0, y - behind) + 1;
            // the second horizontal pass only where the grid samples it: one division per grid column
            for (int j = 0; j < GRID; j++) {
                int from = columnFrom[j];
                int to = columnTo[j];
                float sum = 0f;
                for (int x = from; x <= to; x++) {
                    sum += sums[x];
                }
                gridColumns[y * GRID + j] = sum / (count * (to - from + 1));
            }
        }
        for (int i = 0; i < GRID; i++) {
            int y = centre(i, height);
            for (int j = 0; j < GRID; j++) {
                grid[i * GRID + j] = mean(gridColumns, j, GRID, height, y, columnWindow);
            }
        }
    }

    private void addRow(Luminance.Rows rows, int y, int width, int window, int ringRows, int leavingOffset) {
        rows.read(y, luma);
        // area sums: per column within the current band of thumbnail rows (independent per x, so the
        // loop vectorises), the row's sum over four partial sums (no one long chain of dependent adds)
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int x = 0;
        for (; x + 3 < width; x += 4) {
            s0 += luma[x];
            s1 += luma[x + 1];
            s2 += luma[x + 2];
            s3 += luma[x + 3];
        }
        for (; x < width; x++) {
            s0 += luma[x];
        }
        rowSums[y] = (s0 + s1) + (s2 + s3);
        for (x = 0; x < width; x++) {
            bandColumns[x] += luma[x];
        }
        int band = (int) ((long) y * LumaThumbnail.SIDE / lastHeight);
        if (y == lastHeight - 1 || (int) ((long) (y + 1) * LumaThumbnail.SIDE / lastHeight) != band) {
            int cellRow = band * LumaThumbnail.SIDE;
            for (x = 0; x < width; x++) {
                float v = bandColumns[x];
                cells[cellRow + cellOfColumn[x]] += v;
                columnSums[x] += v;
                bandColumns[x] = 0f;
            }
        }
        int off = (y % ringRows) * width;
        runningMean(luma, ring, off, width, window);
        if (leavingOffset < 0) {
            for (int i = 0; i < width; i++) {
                sums[i] += ring[off + i];
            }
        } else {
            for (int i = 0; i < width; i++) {
                sums[i] = sums[i] + ring[off + i] - ring[leavingOffset + i];
            }
        }
    }

    /** The last picture's mean luminance over each of {@link LumaThumbnail#SIDE}² equal cells, row-major. */
    float[] cellMeans() {
        float[] out = new float[cells.length];
        int side = LumaThumbnail.SIDE;
        for (int cy = 0; cy < side; cy++) {
            int rows = cellEnd(cy, lastHeight) - cellEnd(cy - 1, lastHeight);
            for (int cx = 0; cx < side; cx++) {
                int columns = cellEnd(cx, lastWidth) - cellEnd(cx - 1, lastWidth);
                out[cy * side + cx] = rows * columns == 0 ? 0f : cells[cy * side + cx] / (rows * columns);
            }
        }
        if (lastWidth < side || lastHeight < side) {
            fillEmptyCells(out);
        }
        return out;
    }

    /** One past the last pixel of cell {@code c} (the pixels {@code x} with {@code x * SIDE / n <= c}). */
    private static int cellEnd(int c, int n) {
        return (int) Math.min(n, ((long) (c + 1) * n + LumaThumbnail.SIDE - 1) / LumaThumbnail.SIDE);
    }

    /** A picture narrower than the thumbnail leaves cells without pixels: they take the nearest filled one. */
    private void fillEmptyCells(float[] out) {
        int side = LumaThumbnail.SIDE;
        for (int cy = 0; cy < side; cy++) {
            int y = Math.min(lastHeight - 1, (int) ((cy + 0.5) * lastHeight / side));
            int srcRow = (int) ((long) y * side / lastHeight);
            for (int cx = 0; cx < side; cx++) {
                int x = Math.min(lastWidth - 1, (int) ((cx + 0.5) * lastWidth / side));
                out[cy * side + cx] = out[srcRow * side + (int) ((long) x * side / lastWidth)];
            }
        }
    }

    /** The last picture's mean luminance of every column. */
    double[] columnMeans() {
        double[] out = new double[lastWidth];
        for (int x = 0; x < lastWidth; x++) {
            out[x] = columnSums[x] / lastHeight;
        }
        return out;
    }

    /** The last picture's mean luminance of every row. */
    double[] rowMeans() {
        double[] out = new double[lastHeight];
        for (int y = 0; y < lastHeight; y++) {
            out[y] = rowSums[y] / lastWidth;
        }
        return out;
    }

    private void ensureCapacity(int width, int height, int ringRows) {
        if (luma.length < width) {
            luma = new float[width];
            sums = new float[width];
            columnSums = new float[width];
            bandColumns = new float[width];
            cellOfColumn = new int[width];
        }
        if (rowSums.length < height) {
            rowSums = new float[height];
            neededRow = new boolean[height];
        }
        if (ring.length < width * ringRows) {
            ring = new float[width * ringRows];
        }
        if (gridColumns.length < height * GRID) {
            gridColumns = new float[height * GRID];
        }
    }

    /** The pixel at the centre of cell {@code i} of 64 along a side of {@code side} pixels. */
    static int centre(int i, int side) {
        return (int) (((i + 0.5) * side) / GRID);
    }

    /**
     * The first pass along one row: a running sum, entering before leaving, as the reference; in
     * the interior the entering and leaving samples are differenced first, so each step adds once
     * to the running sum (half the chain of dependent additions; the sum differs by float rounding).
     */
    static void runningMean(float[] in, float[] out, int outOffset, int n, int window) {
        int ahead = (window + 2) / 2 - 1;
        int behind = window - 1 - ahead;
        float sum = 0f;
        int next = 0;
        for (; next < Math.min(ahead, n); next++) {
            sum += in[next];
        }
        // head: the window is clipped on the left (nothing leaves yet) or on both sides
        int x = 0;
        int headEnd = Math.min(n, behind + 1);
        for (; x < headEnd; x++) {
            if (next < n) {
                sum += in[next++];
            }
            out[outOffset + x] = sum / (Math.min(n - 1, x + ahead) - Math.max(0, x - behind) + 1);
        }
        // interior: one enters, one leaves, the window is whole
        int interiorEnd = n - ahead; // x + ahead <= n - 1
        float inverse = 1f / window;
        for (; x < interiorEnd; x++) {
            sum += in[x + ahead] - in[x - behind - 1];
            out[outOffset + x] = sum * inverse;
        }
        next = Math.max(next, x + ahead);
        // tail: nothing enters any more
        for (; x < n; x++) {
            if (next < n) {
                sum += in[next++];
            }
            sum -= in[x - behind - 1];
            out[outOffset + x] = sum / (Math.min(n - 1, x + ahead) - Math.max(0, x - behind) + 1);
        }
    }

    /**
     * The filtered value at one sample, {@code a[offset + i * stride]} being sample {@code i} of
     * {@code n}: the second pass where the grid needs it, summed directly (the running sum would
     * differ only in float rounding).
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
