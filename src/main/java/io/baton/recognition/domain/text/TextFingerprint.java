package io.baton.recognition.domain.text;

import java.util.Arrays;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * The character shingles of a normalised text, in text order (repeats kept, so gaps can be
 * located).
 *
 * <p>Why two lengths: an ideograph carries a word's worth of meaning, so two Chinese characters
 * already say something particular, and every extra character per shingle makes each edited
 * character cost one more shingle. Latin letters say little alone: measured, two-letter shingles
 * of English are found somewhere in almost any English message ("Tesco" and "Lidl" swapped left
 * containment at 0.99), so an alphabetic shingle is longer. A shingle's length is chosen by its
 * first character only, so the shingles of a seed are the same wherever the seed sits in a
 * message.
 *
 * <p>Keys: up to three code points (21 bits each) fit side by side in a {@code long}, so such a
 * shingle is its own key, with no collisions to reason about; longer ones are hashed with
 * hash4j's Komihash into 64 bits, where a collision among a few hundred shingles is negligible.
 */
public final class TextFingerprint {

    /** Six code points: the first three and the rest each packed into a long, the two longs hashed. */
    public static final int MAX_LENGTH = 6;

    private static final Hasher64 HASHER = Hashing.komihash5_0();

    private final String normalisedText;
    private final int length;
    private final int[] codePoints;
    private final long[] shingles;
    private final int[] starts;
    private final byte[] shingleLengths;
    private final long[] distinct;

    private TextFingerprint(String normalisedText, int ideographLength, int alphabeticLength) {
        int[] cps = normalisedText.codePoints().toArray();
        this.normalisedText = normalisedText;
        this.length = cps.length;
        this.codePoints = cps;
        long[] keys = new long[cps.length];
        int[] at = new int[cps.length];
        byte[] lengths = new byte[cps.length];
        int count = 0;
        for (int i = 0; i < cps.length; i++) {
            int n = isIdeographic(cps[i]) ? ideographLength : alphabeticLength;
            if (i + n <= cps.length) {
                keys[count] = key(cps, i, n);
                at[count] = i;
                lengths[count++] = (byte) n;
            }
        }
        this.shingles = Arrays.copyOf(keys, count);
        this.starts = Arrays.copyOf(at, count);
        this.shingleLengths = Arrays.copyOf(lengths, count);
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
    public static TextFingerprint of(String normalisedText, int ideographLength, int alphabeticLength) {
        if (ideographLength < 2 || alphabeticLength < 2 || ideographLength > MAX_LENGTH || alphabeticLength > MAX_LENGTH) {
            throw new IllegalArgumentException("shingle lengths must be 2 to " + MAX_LENGTH);
        }
        return new TextFingerprint(normalisedText, ideographLength, alphabeticLength);
    }

    /** Scripts written without spaces, where one character is (nearly) a word. */
    static boolean isIdeographic(int cp) {
        if (cp < 0x2E80) {
            return false; // Latin, Greek, Cyrillic, digits …: the common case, decided without a lookup
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return true; // CJK Unified Ideographs: nearly every Chinese character
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static long key(int[] cps, int from, int n) {
        long packed = 0;
        for (int j = 0; j < Math.min(n, 3); j++) {
            packed = (packed << 21) | cps[from + j];
        }
        if (n <= 3) {
            return packed;
        }
        long rest = 0;
        for (int j = 3; j < n; j++) {
            rest = (rest << 21) | cps[from + j];
        }
        return HASHER.hashLongLongToLong(packed, rest);
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

    /** The code point where the shingle at this position starts. */
    int startOf(int position) {
        return starts[position];
    }

    /** The normalised text as code points; not copied, callers only read. */
    int[] codePoints() {
        return codePoints;
    }

    /** Characters in the shingle at this position: an edit there misses this many shingles. */
    int shingleLengthAt(int position) {
        return shingleLengths[position];
    }

    long[] distinctShingles() {
        return distinct;
    }

    /** Whether this text has the shingle anywhere: a binary search, as texts are short. */
    boolean contains(long shingle) {
        return Arrays.binarySearch(distinct, shingle) >= 0;
    }
}
