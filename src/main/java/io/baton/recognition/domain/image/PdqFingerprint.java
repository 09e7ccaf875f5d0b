package io.baton.recognition.domain.image;

/**
 * A PDQ hash with its quality: 0 for a flat picture, 100 for one with plenty of edges. Hashes of
 * low-quality pictures (a blank frame, a plain colour card) are close to each other whatever the
 * picture, so they must not be trusted for matching; see {@code docs/recognition-image-thresholds.md}.
 * The thumbnail says where two pictures differ ({@link LumaThumbnail}).
 */
public record PdqFingerprint(PdqHash hash, int quality, LumaThumbnail thumbnail) {
    public PdqFingerprint {
        if (hash == null || thumbnail == null || quality < 0 || quality > 100) {
            throw new IllegalArgumentException("a PDQ fingerprint needs a hash, a thumbnail and a quality in 0..100");
        }
    }
}
