/**
 * Recognition: is a submitted MMS the seed of one of our campaigns, which one, and how sure are
 * we. The matcher sits behind {@link io.baton.recognition.domain.SeedMatcher}.
 */
package io.baton.recognition;
