package io.baton.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (a client): {@code rate} tokens a second, at most {@code burst} saved up.
 * {@link #take} answers 0 when the tokens were there (and takes them), else the whole seconds to
 * wait before they will be: the {@code Retry-After} of a 429. A rate of 0 or less means no limit.
 */
public final class RateLimiter {

    private final double rate;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double rate, double burst) {
        this(rate, burst, System::nanoTime);
    }

    RateLimiter(double rate, double burst, LongSupplier nanos) {
        this.rate = rate;
        this.burst = Math.max(burst, 1);
        this.nanos = nanos;
    }

    public boolean unlimited() {
        return rate <= 0;
    }

    /** 0 when {@code tokens} were taken from {@code key}'s bucket; else the seconds until they would be there. */
    public long take(String key, double tokens) {
        if (unlimited()) {
            return 0;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanos.getAsLong())).take(tokens);
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(double wanted) {
            long now = nanos.getAsLong();
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * rate);
            at = now;
            double asked = Math.min(wanted, burst); // a request larger than the burst waits for a full bucket
            if (tokens >= asked) {
                tokens -= asked;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((asked - tokens) / rate));
        }
    }
}
