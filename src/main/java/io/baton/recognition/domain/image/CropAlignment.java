package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Finds which crop of a seed picture a probe picture is, so that PDQ (which does not survive
 * crops: 8% off one edge moves a hash ~100 bits) can compare like with like. The probe's mean
 * luminance per column is matched against the seed's under every cut of 0–{@value #MAX_CUT_PERCENT}%
 * off the left and right edges in steps of 2% (normalised correlation, so brightness and contrast
 * changes do not matter), the rows the same way; the box found is then refined in 2-D against
 * the probe's thumbnail ({@link #refine}). The seed is then cropped to the box and compared: only
 * a PDQ distance within the campaign's threshold, or enough agreeing blocks, makes it a match, so
 * a good alignment of an unrelated picture proves nothing.
 *
 * <p>Cost: 2×169 dot products of 32 samples (most unrelated pictures stop there), then some
 * hundred 16×16 comparisons from a summed-area table, about 0.1 ms per seed picture.
 */
public final class CropAlignment {

    static final int MAX_CUT_PERCENT = 24;
    private static final int SIDE = 96;
    private static final int SAMPLES = 32;
    private static final double MAX_CUT = MAX_CUT_PERCENT / 100.0;
    private static final double COARSE = 0.02;
    private static final int STEPS = (int) Math.round(MAX_CUT / COARSE) + 1;
    /**
     * Before the 2-D refinement, each axis's best coarse correlation on whole profiles must reach
     * {@code minCorrelation} less this: most unrelated pictures stop here, at a few thousand
     * multiplications per seed.
     */
    private static final double GATE_SLACK = 0.15;

    /** Fractions cut off each edge. */
    public record Box(double left, double top, double right, double bottom) {
        public boolean isWhole() {
            return left < 0.01 && top < 0.01 && right < 0.01 && bottom < 0.01;
        }

        @Override
        public String toString() {
            return String.format("crop %.0f%%/%.0f%%/%.0f%%/%.0f%% (left/top/right/bottom)", left * 100, top * 100,
                    right * 100, bottom * 100);
        }
    }

    /** A picture's luminance at most {@value #SIDE} px a side, as a summed-area table. */
    public static final class Plane {
        final int w;
        final int h;

        /** Summed-area table of the luminance: area[y * (w + 1) + x] sums rows 0..y-1 of columns 0..x-1. */
        final double[] area;

        /** Normalised samples of the full-height column profile under every coarse cut (the gate). */
        final double[][] coarseColumns;
        /** The same for the full-width row profile. */
        final double[][] coarseRows;

        Plane(BufferedImage picture) {
            BufferedImage small = picture.getWidth() > SIDE || picture.getHeight() > SIDE
                    ? ImageVariants.fit(picture, SIDE, SIDE) : picture;
            w = small.getWidth();
            h = small.getHeight();
            float[] luma = new float[w * h];
            Luminance.read(small, luma);
            area = new double[(h + 1) * (w + 1)];
            for (int y = 0; y < h; y++) {
                double run = 0;
                for (int x = 0; x < w; x++) {
                    run += luma[y * w + x];
                    area[(y + 1) * (w + 1) + x + 1] = area[y * (w + 1) + x + 1] + run;
                }
            }
            coarseColumns = coarseGrid(columnMeans());
            coarseRows = coarseGrid(rowMeans());
        }

        private static double[][] coarseGrid(double[] profile) {
            double[][] grid = new double[STEPS * STEPS][];
            for (int i = 0; i < STEPS; i++) {
                for (int j = 0; j < STEPS; j++) {
                    grid[i * STEPS + j] = normalised(resample(profile, i * COARSE, 1 - j * COARSE));
                }
            }
            return grid;
        }

        /** Luminance sums of each of {@code n}×{@code n} equal cells of the box, row-major (equal areas). */
        void cells(Box b, int n, double[] out, int[] xi, double[] xf, double[] prev, double[] line) {
            double cw = (1 - b.left() - b.right()) / n;
            double ch = (1 - b.top() - b.bottom()) / n;
            for (int cx = 0; cx <= n; cx++) {
                double x = Math.max(0, Math.min(w, (b.left() + cx * cw) * w));
                xi[cx] = Math.min(w - 1, (int) x);
                xf[cx] = x - xi[cx];
            }
            int stride = w + 1;
            for (int cy = 0; cy <= n; cy++) {
                double y = Math.max(0, Math.min(h, (b.top() + cy * ch) * h));
                int y0 = Math.min(h - 1, (int) y);
                double ay = y - y0;
                int r0 = y0 * stride;
                int r1 = r0 + stride;
                for (int cx = 0; cx <= n; cx++) {
                    int i = xi[cx];
                    double ax = xf[cx];
                    double top = area[r0 + i] + (area[r0 + i + 1] - area[r0 + i]) * ax;
                    double bottom = area[r1 + i] + (area[r1 + i + 1] - area[r1 + i]) * ax;
                    line[cx] = top + (bottom - top) * ay;
                }
                if (cy > 0) {
                    int o = (cy - 1) * n;
                    for (int cx = 0; cx < n; cx++) {
                        out[o + cx] = line[cx + 1] - line[cx] - prev[cx + 1] + prev[cx];
                    }
                }
                System.arraycopy(line, 0, prev, 0, n + 1);
            }
        }

        /** Mean of each column over the whole height, from the last row of the summed-area table. */
        private double[] columnMeans() {
            double[] p = new double[w];
            int last = h * (w + 1);
            for (int x = 0; x < w; x++) {
                p[x] = (area[last + x + 1] - area[last + x]) / h;
            }
            return p;
        }

        /** Mean of each row over the whole width, from the last column of the summed-area table. */
        private double[] rowMeans() {
            double[] p = new double[h];
            for (int y = 0; y < h; y++) {
                p[y] = (area[(y + 1) * (w + 1) + w] - area[y * (w + 1) + w]) / w;
            }
            return p;
        }
    }

    /** What alignment needs of a probe picture: its mean luminance per column and per row. */
    public record Profiles(double[] columns, double[] rows) {
    }

    private CropAlignment() {
    }

    public static Plane plane(BufferedImage picture) {
        return new Plane(picture);
    }

    /** A crop of the seed and how well the seed inside it correlates with the probe (16×16 cells). */
    public record Alignment(Box box, double correlation) {
    }

    /**
     * The crop of {@code seed} that {@code probe} looks like: each axis's profile placed under the
     * coarse cuts (the gate: both must correlate at least {@code minCorrelation} less
     * {@value #GATE_SLACK}), then the box refined in 2-D ({@link #refine}); empty when the gate
     * fails or the refined box correlates less than {@code minCorrelation}.
     */
    public static Optional<Alignment> align(Plane seed, PdqHasher.Summary probe, double minCorrelation) {
        int columns = bestCut(seed.coarseColumns, normalised(resample(probe.profiles().columns(), 0, 1)),
                minCorrelation - GATE_SLACK);
        if (columns < 0) {
            return Optional.empty();
        }
        int rows = bestCut(seed.coarseRows, normalised(resample(probe.profiles().rows(), 0, 1)),
                minCorrelation - GATE_SLACK);
        if (rows < 0) {
            return Optional.empty();
        }
        Box start = new Box(columns / STEPS * COARSE, rows / STEPS * COARSE, columns % STEPS * COARSE,
                rows % STEPS * COARSE);
        Alignment refined = refine(seed, probe.fingerprint().thumbnail(), start, minCorrelation - GATE_SLACK);
        return refined.correlation() >= minCorrelation ? Optional.of(refined) : Optional.empty();
    }

    /** Cells per side of the 2-D comparison that refines a box. */
    private static final int REFINE_CELLS = 16;
    private static final double[] REFINE_STEPS = { 0.04, 0.02, 0.01, 0.005 };

    /**
     * Moves each edge of {@code start} (and tries the whole picture) while the seed's luminance
     * inside the box correlates better, cell by cell over a {@value #REFINE_CELLS}² grid, with the
     * probe's thumbnail. Profiles place each axis separately and a framed or bannered picture
     * confuses them (a third of random 15% crops of a framed seed came out more than 2% off per
     * edge); the 2-D comparison sees the frame and the content together. Stops after the coarsest
     * step when the correlation is still below {@code hopeless}.
     */
    static Alignment refine(Plane seed, LumaThumbnail probe, Box start, double hopeless) {
        double[] target = normalised(pooled(probe, REFINE_CELLS));
        Scratch cells = new Scratch();
        Box best = start;
        double bestScore = score(seed, best, target, cells);
        Box whole = new Box(0, 0, 0, 0);
        double wholeScore = score(seed, whole, target, cells);
        if (wholeScore > bestScore) {
            best = whole;
            bestScore = wholeScore;
        }
        for (double step : REFINE_STEPS) {
            if (step < REFINE_STEPS[0] && bestScore < hopeless) {
                break; // after the coarsest step an unrelated picture is still far: not worth the fine steps
            }
            for (int round = 0; round < 12; round++) {
                Box before = best;
                for (int edge = 0; edge < 4; edge++) {
                    for (double delta : new double[] { -step, step }) {
                        double[] v = { best.left(), best.top(), best.right(), best.bottom() };
                        v[edge] = Math.max(0, Math.min(MAX_CUT + 0.06, v[edge] + delta));
                        Box candidate = new Box(v[0], v[1], v[2], v[3]);
                        double sc = score(seed, candidate, target, cells);
                        if (sc > bestScore + 1e-9) {
                            best = candidate;
                            bestScore = sc;
                        }
                    }
                }
                if (best.equals(before)) {
                    break;
                }
            }
        }
        return new Alignment(best, bestScore);
    }

    /** Work arrays of one refinement. */
    private static final class Scratch {
        final double[] cells = new double[REFINE_CELLS * REFINE_CELLS];
        final int[] xi = new int[REFINE_CELLS + 1];
        final double[] xf = new double[REFINE_CELLS + 1];
        final double[] prev = new double[REFINE_CELLS + 1];
        final double[] line = new double[REFINE_CELLS + 1];
    }

    /** Correlation of the seed's cells inside {@code b} with the (normalised) target. */
    private static double score(Plane seed, Box b, double[] target, Scratch s) {
        seed.cells(b, REFINE_CELLS, s.cells, s.xi, s.xf, s.prev, s.line);
        double[] c = s.cells;
        double mean = 0;
        for (double v : c) {
            mean += v;
        }
        mean /= c.length;
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < c.length; i++) {
            double d = c[i] - mean;
            dot += d * target[i];
            norm += d * d;
        }
        return norm < 1e-9 ? 0 : dot / Math.sqrt(norm);
    }

    private static double[] pooled(LumaThumbnail t, int n) {
        int f = LumaThumbnail.SIDE / n;
        double[] out = new double[n * n];
        for (int y = 0; y < LumaThumbnail.SIDE; y++) {
            for (int x = 0; x < LumaThumbnail.SIDE; x++) {
                out[(y / f) * n + x / f] += t.get(x, y);
            }
        }
        return out;
    }

    /** {@value #SAMPLES} samples of {@code profile} between the fractions {@code from} and {@code to}, linearly interpolated. */
    private static double[] resample(double[] profile, double from, double to) {
        double[] out = new double[SAMPLES];
        int n = profile.length;
        for (int i = 0; i < SAMPLES; i++) {
            double pos = (from + (to - from) * (i + 0.5) / SAMPLES) * n - 0.5;
            int k = (int) Math.floor(pos);
            double f = pos - k;
            double v0 = profile[Math.max(0, Math.min(n - 1, k))];
            double v1 = profile[Math.max(0, Math.min(n - 1, k + 1))];
            out[i] = v0 + (v1 - v0) * f;
        }
        return out;
    }

    /** The index of the coarse cut under which {@code probe} correlates best, or -1 when below {@code min}. */
    private static int bestCut(double[][] grid, double[] probe, double min) {
        double best = -2;
        int at = -1;
        for (int k = 0; k < grid.length; k++) {
            double[] g = grid[k];
            double dot = 0;
            for (int i = 0; i < SAMPLES; i++) {
                dot += g[i] * probe[i];
            }
            if (dot > best) {
                best = dot;
                at = k;
            }
        }
        return best >= min ? at : -1;
    }

    /** Zero mean and unit length, so that a dot product is the correlation; all zeros when flat. */
    private static double[] normalised(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double norm = 0;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - mean;
            norm += out[i] * out[i];
        }
        if (norm < 1e-9) {
            return new double[v.length];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            out[i] *= scale;
        }
        return out;
    }
}
