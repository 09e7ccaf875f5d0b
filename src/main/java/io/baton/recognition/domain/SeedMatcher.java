package io.baton.recognition.domain;

/**
 * Decides whether a submitted message is the seed of one of the live campaigns, and why. The
 * one seam between recognition and the rest: tracking sees only the {@link Recognition}.
 */
public interface SeedMatcher {
    Recognition recognise(MessageContent message);
}
