package io.baton.recognition.domain;

import java.util.Optional;

/**
 * Decides whether a submitted message is the seed of one of the live campaigns. The one seam
 * where a smarter matcher (perceptual images, fuzzy text) replaces the exact one.
 */
public interface SeedMatcher {
    Optional<Recognition> recognise(MessageContent message);
}
