/**
 * Perceptual recognition of seed images: a forwarded MMS picture is recognised when its PDQ hash
 * is close to the seed's, although the handset or the MMSC re-encoded, scaled, cropped, rotated
 * or captioned it. Owns the PDQ hash ({@link io.baton.recognition.domain.image.PdqHasher}),
 * bounded decoding of handset image formats ({@link io.baton.recognition.domain.image.ImageDecoding})
 * and the edits a seed is indexed and benchmarked with
 * ({@link io.baton.recognition.domain.image.ImageVariants}). Plain Java and {@code javax.imageio}.
 */
package io.baton.recognition.domain.image;
