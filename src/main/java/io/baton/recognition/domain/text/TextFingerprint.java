package io.baton.recognition.domain.text;

import java.util.Arrays;

/**
 * The character shingles of a normalised text: every run of {@code n} consecutive code points,
 * in text order (repeats kept, so gaps can be located).
 *
 * <p>Why shingles are packed, not hashed: with n of 2 or 3, the code points (21 bits each) fit
 * side by side in one {@code long}, so a shingle's key is the shingle itself: no collisions to
 * reason about, nothing to compute but shifts. A hash (hash4j, {@code String.hashCode}) would only
 * be needed for longer shingles, which Chinese does not want: measured, n = 3 already misses a
 * shingle for every edited character three times over (see docs/recognition-text-thresholds.md).
 */
public final class TextFingerprint {

    public static final int MIN_SHINGLE_LENGTH = 2;
    public static final int MAX_SHINGLE_LENGTH = 3;

    private final String normalisedText;
    private final int length;
    private final long[] shingles;
    private final long[] distinct;

    private TextFingerprint(String normalisedText, int shingleLength) {
        int[] cps = normalisedText.codePoints().toArray();
        this.normalisedText = normalisedText;
        this.length = cps.length;
        int count = Math.max(0, cps.length - shingleLength + 1);
        this.shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long key = 0;
            for (int j = 0; j < shingleLength; j++) {
                key = (key << 21) | cps[i + j];
            }
            shingles[i] = key;
        }
        long[] sorted = shingles.clone();
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        this.distinct = Arrays.copyOf(sorted, unique);
    }

    /** Shingles of a text that {@link TextNormaliser#normalise} has already produced. */
    public static TextFingerprint of(String normalisedText, int shingleLength) {
        if (shingleLength < MIN_SHINGLE_LENGTH || shingleLength > MAX_SHINGLE_LENGTH) {
            throw new IllegalArgumentException("shingle length must be " + MIN_SHINGLE_LENGTH + " to "
                    + MAX_SHINGLE_LENGTH + ", was " + shingleLength);
        }
        return new TextFingerprint(normalisedText, shingleLength);
    }

    public String normalisedText() {
        return normalisedText;
    }

    /** Code points in the normalised text. */
    public int length() {
        return length;
    }

    /** Shingles in text order, repeats included. */
    public int size() {
        return shingles.length;
    }

    long shingleAt(int position) {
        return shingles[position];
    }

    long[] distinctShingles() {
        return distinct;
    }

    /** Whether this text has the shingle anywhere: a binary search, as texts are short. */
    boolean contains(long shingle) {
        return Arrays.binarySearch(distinct, shingle) >= 0;
    }
}
