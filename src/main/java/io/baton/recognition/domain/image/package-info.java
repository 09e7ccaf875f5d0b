/**
 * Perceptual recognition of seed images: a forwarded MMS picture is recognised when its PDQ hash
 * is close to the seed's, although the handset or the MMSC re-encoded, scaled, rotated or
 * captioned it. Owns the PDQ hash ({@link io.baton.recognition.domain.image.PdqHasher}, eight
 * {@link io.baton.recognition.domain.image.Dihedral} orientations from one DCT), the match rule
 * ({@link io.baton.recognition.domain.image.ImageMatchPolicy}), bounded decoding of the formats
 * handsets send ({@link io.baton.recognition.domain.image.ImageDecoding}) and the edits seeds are
 * measured and benchmarked with ({@link io.baton.recognition.domain.image.ImageVariants},
 * {@link io.baton.recognition.domain.image.VariantCatalogue}). Plain Java and {@code javax.imageio};
 * the thresholds and their measurements are in {@code docs/recognition-image-thresholds.md}.
 */
package io.baton.recognition.domain.image;
