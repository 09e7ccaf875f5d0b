package io.baton.recognition.domain.image;

/**
 * When a forwarded picture counts as a seed picture, in PDQ terms. The numbers come from
 * {@code docs/recognition-image-thresholds.md}: within 31 bits (PDQ's own match distance) every
 * re-encoding, tone change and rescale of our test seeds matched in 93–100% of cases, while no
 * unrelated picture came closer than 84 and no look-alike (same template or banner, other
 * content) closer than 34.
 */
public final class ImageMatchPolicy {

    /** A forward matches a seed when its hash is at most this far from one of the seed's indexed hashes. */
    public static final int MATCH_DISTANCE = 31;

    /**
     * Pictures of lower PDQ quality (flat, blank, tiny) have hashes that swing with noise: they
     * are neither indexed as seeds nor matched as forwards. The PDQ authors use the same gate.
     */
    public static final int MIN_QUALITY = 50;

    private ImageMatchPolicy() {
    }

    public static boolean usable(PdqFingerprint f) {
        return f.quality() >= MIN_QUALITY;
    }

    /** Whether {@code forward} is the seed picture, rotated or mirrored or not. */
    public static boolean matches(DihedralHashes seed, PdqFingerprint forward) {
        return seed.quality() >= MIN_QUALITY && usable(forward) && seed.minDistance(forward.hash()) <= MATCH_DISTANCE;
    }
}
