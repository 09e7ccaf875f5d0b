package io.baton.notify.mm7.domain;

import java.time.Duration;

/** Exponential backoff with a cap, and a most number of attempts. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry: max-attempts >= 1 and 0 <= initial-backoff <= max-backoff");
        }
    }

    /** Whether another attempt may follow attempt number {@code attemptsMade} (1 = the first). */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after attempt number {@code attemptsMade}: initial, 2×, 4× ... up to the cap. */
    public Duration backoffAfter(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        Duration d = initialBackoff.multipliedBy(1L << doublings);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
