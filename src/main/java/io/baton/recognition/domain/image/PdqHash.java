package io.baton.recognition.domain.image;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit PDQ perceptual hash. Bit {@code k} is frequency {@code (k / 16, k % 16)} of the 16×16
 * DCT block; the hex form is the 256-bit number most significant digit first, which is how the
 * reference implementations print it (their sixteen 16-bit words, last word first), so hashes
 * from ThreatExchange tools parse and compare directly.
 *
 * <p>Two hashes of the same picture rarely agree bit for bit (decoders and implementations differ
 * by a few bits): compare with {@link #hammingDistance}, never with {@code equals}.
 */
public final class PdqHash {

    public static final int BITS = 256;
    static final int HEX_DIGITS = BITS / 4;

    /** words[0] holds bits 0..63, words[3] bits 192..255. */
    private final long[] words;

    private PdqHash(long[] words) {
        this.words = words;
    }

    /** The hash whose bit {@code k} is set exactly when {@code bits[k]}. */
    static PdqHash fromBits(boolean[] bits) {
        if (bits.length != BITS) {
            throw new IllegalArgumentException("a PDQ hash has 256 bits, not " + bits.length);
        }
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                w[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new PdqHash(w);
    }

    /** Parses the 64 hex digits the reference tools print (either case, no separators). */
    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != HEX_DIGITS) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            String word = hex.substring((3 - i) * 16, (4 - i) * 16);
            if (!word.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("not a hex digit in PDQ hash " + hex);
            }
            w[i] = HexFormat.fromHexDigitsToLong(word);
        }
        return new PdqHash(w);
    }

    public boolean bit(int k) {
        return (words[k >>> 6] >>> (k & 63) & 1L) != 0;
    }

    /** Number of bits that differ: 0 for the same picture, about 128 for unrelated ones. */
    public int hammingDistance(PdqHash other) {
        int d = 0;
        for (int i = 0; i < 4; i++) {
            d += Long.bitCount(words[i] ^ other.words[i]);
        }
        return d;
    }

    /** Lowercase, 64 digits, as the reference tools print it. */
    public String toHex() {
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder(HEX_DIGITS);
        for (int i = 3; i >= 0; i--) {
            sb.append(hex.toHexDigits(words[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
