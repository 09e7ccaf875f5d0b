package io.baton.notify.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When to send again after a transient failure (an SMS notice over SMPP, a seed over MM7):
 * {@code backoff} after the first attempt, doubling after each further one up to
 * {@code maxBackoff}, for at most {@code maxAttempts} attempts in all.
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
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        Duration d = backoff.multipliedBy(1L << doublings);
        return Optional.of(d.compareTo(maxBackoff) > 0 ? maxBackoff : d);
    }
}
