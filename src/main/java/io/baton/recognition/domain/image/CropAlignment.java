package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Finds which crop of a seed picture a probe picture is, so that PDQ (which does not survive
 * crops: 8% off one edge moves a hash ~100 bits) can compare like with like. The probe's mean
 * luminance per column is matched against the seed's, under every cut of 0–{@value #MAX_CUT_PERCENT}%
 * off the left and right edges (normalised correlation, so brightness and contrast changes do not
 * matter); then the rows the same way within the columns found, then the columns again within
 * those rows. The seed is then cropped to the box found and hashed: only a PDQ distance within the
 * campaign's threshold makes it a match, so a good alignment of an unrelated picture proves nothing.
 *
 * <p>Cost: a few hundred correlations of 32 samples per axis, about 0.02 ms per seed picture.
 */
public final class CropAlignment {

    static final int MAX_CUT_PERCENT = 24;
    private static final int SIDE = 96;
    private static final int SAMPLES = 32;
    private static final double MAX_CUT = MAX_CUT_PERCENT / 100.0;
    private static final double COARSE = 0.02;
    private static final double FINE = 0.005;
    private static final int STEPS = (int) Math.round(MAX_CUT / COARSE) + 1;
    /**
     * Before the full search, each axis's best coarse correlation on whole profiles must reach
     * {@code minCorrelation} less this: most unrelated pictures stop here, at a few thousand
     * multiplications per seed instead of a full search.
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

    /** A picture's luminance at most {@value #SIDE} px a side, with prefix sums over rows and columns. */
    public static final class Plane {
        final int w;
        final int h;
        /** colPrefix[y * w + x]: sum of column x over rows 0..y-1 (h + 1 rows). */
        final double[] colPrefix;
        /** rowPrefix[x * h + y]: sum of row y over columns 0..x-1 (w + 1 columns). */
        final double[] rowPrefix;

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
            colPrefix = new double[(h + 1) * w];
            rowPrefix = new double[(w + 1) * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    colPrefix[(y + 1) * w + x] = colPrefix[y * w + x] + luma[y * w + x];
                    rowPrefix[(x + 1) * h + y] = rowPrefix[x * h + y] + luma[y * w + x];
                }
            }
            area = new double[(h + 1) * (w + 1)];
            for (int y = 0; y < h; y++) {
                double run = 0;
                for (int x = 0; x < w; x++) {
                    run += luma[y * w + x];
                    area[(y + 1) * (w + 1) + x + 1] = area[y * (w + 1) + x + 1] + run;
                }
            }
            coarseColumns = coarseGrid(columns(0, 1));
            coarseRows = coarseGrid(rows(0, 1));
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

        /** The summed-area table at a fractional point (bilinear, which is exact for pixels of constant value). */
        private double areaAt(double fx, double fy) {
            double x = Math.max(0, Math.min(w, fx * w));
            double y = Math.max(0, Math.min(h, fy * h));
            int x0 = Math.min(w - 1, (int) x);
            int y0 = Math.min(h - 1, (int) y);
            double ax = x - x0;
            double ay = y - y0;
            int stride = w + 1;
            double top = area[y0 * stride + x0] * (1 - ax) + area[y0 * stride + x0 + 1] * ax;
            double bottom = area[(y0 + 1) * stride + x0] * (1 - ax) + area[(y0 + 1) * stride + x0 + 1] * ax;
            return top * (1 - ay) + bottom * ay;
        }

        /** Mean luminance of each of {@code n}×{@code n} equal cells of the box, row-major (unnormalised sums). */
        void cells(Box b, int n, double[] out) {
            double x0 = b.left();
            double y0 = b.top();
            double cw = (1 - b.left() - b.right()) / n;
            double ch = (1 - b.top() - b.bottom()) / n;
            double[] column = new double[n + 1];
            double[] prev = new double[n + 1];
            for (int cy = 0; cy <= n; cy++) {
                double fy = y0 + cy * ch;
                for (int cx = 0; cx <= n; cx++) {
                    column[cx] = areaAt(x0 + cx * cw, fy);
                }
                if (cy > 0) {
                    for (int cx = 0; cx < n; cx++) {
                        out[(cy - 1) * n + cx] = column[cx + 1] - column[cx] - prev[cx + 1] + prev[cx];
                    }
                }
                System.arraycopy(column, 0, prev, 0, n + 1);
            }
        }

        /** Mean of each column over the rows between the fractions {@code from} and {@code to}. */
        double[] columns(double from, double to) {
            int r0 = (int) Math.round(from * h);
            int r1 = Math.max(r0 + 1, (int) Math.round(to * h));
            double[] p = new double[w];
            for (int x = 0; x < w; x++) {
                p[x] = (colPrefix[r1 * w + x] - colPrefix[r0 * w + x]) / (r1 - r0);
            }
            return p;
        }

        /** Mean of each row over the columns between the fractions {@code from} and {@code to}. */
        double[] rows(double from, double to) {
            int c0 = (int) Math.round(from * w);
            int c1 = Math.max(c0 + 1, (int) Math.round(to * w));
            double[] p = new double[h];
            for (int y = 0; y < h; y++) {
                p[y] = (rowPrefix[c1 * h + y] - rowPrefix[c0 * h + y]) / (c1 - c0);
            }
            return p;
        }
    }

    /** What alignment needs of a probe picture: its mean luminance per column and per row. */
    public record Profiles(double[] columns, double[] rows) {
    }

    private record Cut(double start, double end, double correlation) {
    }

    private CropAlignment() {
    }

    public static Plane plane(BufferedImage picture) {
        return new Plane(picture);
    }

    public static Profiles profiles(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        float[] luma = new float[w * h];
        Luminance.read(picture, luma);
        double[] columns = new double[w];
        double[] rows = new double[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                columns[x] += luma[y * w + x];
                rows[y] += luma[y * w + x];
            }
        }
        for (int x = 0; x < w; x++) {
            columns[x] /= h;
        }
        for (int y = 0; y < h; y++) {
            rows[y] /= w;
        }
        return new Profiles(columns, rows);
    }

    /**
     * The crop of {@code seed} that {@code probe} looks like, when both axes correlate at least
     * {@code minCorrelation}; empty when no crop explains the probe.
     */
    public static Optional<Box> align(Plane seed, Profiles probe, double minCorrelation) {
        double[] probeColumns = probe.columns();
        double[] probeRows = probe.rows();
        if (bestDot(seed.coarseColumns, normalised(resample(probeColumns, 0, 1))) < minCorrelation - GATE_SLACK
                || bestDot(seed.coarseRows, normalised(resample(probeRows, 0, 1))) < minCorrelation - GATE_SLACK) {
            return Optional.empty();
        }
        Cut x = best(seed.columns(0, 1), probeColumns);
        Cut y = best(seed.rows(x.start(), 1 - x.end()), probeRows);
        x = best(seed.columns(y.start(), 1 - y.end()), probeColumns);
        if (x.correlation() < minCorrelation || y.correlation() < minCorrelation) {
            return Optional.empty();
        }
        return Optional.of(new Box(x.start(), y.start(), x.end(), y.end()));
    }

    /** Cells per side of the 2-D comparison that refines a box. */
    private static final int REFINE_CELLS = 16;
    private static final double[] REFINE_STEPS = { 0.04, 0.02, 0.01, 0.005 };

    /**
     * Moves each edge of {@code start} (and tries the whole picture) while the seed's luminance
     * inside the box correlates better, cell by cell over a {@value #REFINE_CELLS}² grid, with the
     * probe's thumbnail. Profiles place each axis separately and a framed or bannered picture
     * confuses them (a third of random 15% crops of a framed seed came out more than 2% off per
     * edge); the 2-D comparison sees the frame and the content together.
     */
    public static Box refine(Plane seed, LumaThumbnail probe, Box start) {
        double[] target = normalised(pooled(probe, REFINE_CELLS));
        double[] cells = new double[REFINE_CELLS * REFINE_CELLS];
        Box best = start;
        double bestScore = score(seed, best, target, cells);
        Box whole = new Box(0, 0, 0, 0);
        double wholeScore = score(seed, whole, target, cells);
        if (wholeScore > bestScore) {
            best = whole;
            bestScore = wholeScore;
        }
        for (double step : REFINE_STEPS) {
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
        return best;
    }

    private static double score(Plane seed, Box b, double[] target, double[] cells) {
        seed.cells(b, REFINE_CELLS, cells);
        double[] n = normalised(cells);
        double dot = 0;
        for (int i = 0; i < n.length; i++) {
            dot += n[i] * target[i];
        }
        return dot;
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

    /** The cuts off both ends of {@code seed} under which it correlates best with {@code probe}. */
    private static Cut best(double[] seed, double[] probe) {
        double[] p = resample(probe, 0, 1);
        Cut best = new Cut(0, 0, -2);
        for (double a = 0; a <= MAX_CUT + 1e-9; a += COARSE) {
            for (double b = 0; b <= MAX_CUT + 1e-9; b += COARSE) {
                best = better(best, a, b, seed, p);
            }
        }
        Cut coarse = best;
        for (double a = Math.max(0, coarse.start() - COARSE); a <= coarse.start() + COARSE + 1e-9; a += FINE) {
            for (double b = Math.max(0, coarse.end() - COARSE); b <= coarse.end() + COARSE + 1e-9; b += FINE) {
                best = better(best, a, b, seed, p);
            }
        }
        return best;
    }

    private static Cut better(Cut best, double a, double b, double[] seed, double[] p) {
        double c = correlation(resample(seed, a, 1 - b), p);
        return c > best.correlation() ? new Cut(a, b, c) : best;
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

    private static double bestDot(double[][] grid, double[] probe) {
        double best = -1;
        for (double[] g : grid) {
            double dot = 0;
            for (int i = 0; i < SAMPLES; i++) {
                dot += g[i] * probe[i];
            }
            best = Math.max(best, dot);
        }
        return best;
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

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < SAMPLES; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= SAMPLES;
        mb /= SAMPLES;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return aa < 1e-9 || bb < 1e-9 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
