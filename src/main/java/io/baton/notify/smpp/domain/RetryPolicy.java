package io.baton.notify.smpp.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When to submit a notice again after a transient failure: {@code backoff} after the first
 * attempt, doubling after each further one up to {@code maxBackoff}, for at most
 * {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("retry policy needs attempts >= 1 and 0 <= backoff <= max backoff");
        }
    }

    /** The wait before attempt {@code attemptsMade + 1}, or empty when no attempt is left. */
    public Optional<Duration> nextDelay(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration d = backoff;
        for (int i = 1; i < attemptsMade && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return Optional.of(d.compareTo(maxBackoff) > 0 ? maxBackoff : d);
    }
}
