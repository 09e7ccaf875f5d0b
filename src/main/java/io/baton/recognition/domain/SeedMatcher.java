package io.baton.recognition.domain;

/**
 * Decides whether a submitted message is the seed of one of the live campaigns, and why. The
 * one seam between recognition and the rest: tracking sees only the {@link Recognition}.
 */
public interface SeedMatcher {
    Recognition recognise(MessageContent message);

    /**
     * Recognises the message among the campaigns that take part (e.g. those running at the
     * submit's time): two campaigns that share a seed but not their time are never ambiguous.
     */
    Recognition recognise(MessageContent message, java.util.function.Predicate<String> takesPart);
}
