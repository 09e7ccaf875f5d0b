package io.baton.recognition.domain.image;

/**
 * The eight rotations and mirrorings of a picture. A handset that rotates or mirrors a forwarded
 * image changes its PDQ hash completely, but PDQ's DCT basis makes each transform a cheap edit
 * of the 16×16 coefficients: mirroring a 64-sample axis multiplies frequency {@code f} by
 * {@code (-1)^f}, so coefficients of odd frequency (even index, since index 0 is frequency 1)
 * change sign, and swapping the axes transposes the block. Hashing those edited blocks gives the
 * hashes of the transformed picture without decoding it eight times.
 *
 * <p>Names follow the PDQ reference: {@code FLIP_X} mirrors top to bottom, {@code FLIP_Y} left
 * to right, {@code FLIP_PLUS_1} about the main diagonal (a transpose), {@code FLIP_MINUS_1} about
 * the anti-diagonal; rotations are counter-clockwise as in the reference's test images.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE_90(true, true, false),
    ROTATE_180(false, true, true),
    ROTATE_270(true, false, true),
    FLIP_X(false, true, false),
    FLIP_Y(false, false, true),
    FLIP_PLUS_1(true, false, false),
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean negateEvenRows;
    private final boolean negateEvenColumns;

    Dihedral(boolean transpose, boolean negateEvenRows, boolean negateEvenColumns) {
        this.transpose = transpose;
        this.negateEvenRows = negateEvenRows;
        this.negateEvenColumns = negateEvenColumns;
    }

    /** Whether the transform swaps width and height. */
    boolean swapsAxes() {
        return transpose;
    }

    /**
     * Where pixel ({@code x}, {@code y}) of a {@code w}×{@code h} picture lands, as
     * {@code oy * outWidth + ox} in the transformed picture (rotations counter-clockwise).
     */
    int target(int x, int y, int w, int h) {
        int ow = transpose ? h : w;
        return switch (this) {
            case ORIGINAL -> y * ow + x;
            case ROTATE_90 -> (w - 1 - x) * ow + y;
            case ROTATE_180 -> (h - 1 - y) * ow + w - 1 - x;
            case ROTATE_270 -> x * ow + h - 1 - y;
            case FLIP_X -> (h - 1 - y) * ow + x; // upside down
            case FLIP_Y -> y * ow + w - 1 - x; // left to right
            case FLIP_PLUS_1 -> x * ow + y;
            case FLIP_MINUS_1 -> (w - 1 - x) * ow + h - 1 - y;
        };
    }

    /** Writes into {@code out} the 16×16 DCT block of the transformed picture. */
    void apply(float[] dct16x16, float[] out) {
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                float v = transpose ? dct16x16[c * 16 + r] : dct16x16[r * 16 + c];
                boolean negate = (negateEvenRows && (r & 1) == 0) ^ (negateEvenColumns && (c & 1) == 0);
                out[r * 16 + c] = negate ? -v : v;
            }
        }
    }
}
