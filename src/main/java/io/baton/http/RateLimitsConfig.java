package io.baton.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client limits ({@code baton.rate-limit.*}): over them a client gets {@code 429} with
 * {@code Retry-After}, before its body is read. 0 turns a limit off.
 */
@ConfigMapping(prefix = "baton.rate-limit")
public interface RateLimitsConfig {

    /** Ingest posts ({@code /api/v1/mmsc/events} and {@code /records}) per second per client. */
    @WithDefault("2000")
    double ingestRequestsPerSecond();

    /**
     * Events per second per client in batches (a batch larger than the burst waits for a full
     * bucket). The default is near what one instance can take at all (LIMITS.md): it stops a runaway
     * client, not a busy MMSC.
     */
    @WithDefault("200000")
    double ingestEventsPerSecond();

    /** MO SMS posts per second per gateway client. */
    @WithDefault("200")
    double moPerSecond();

    /** How many seconds of each rate a client may save up and spend at once. */
    @WithDefault("2")
    double burstSeconds();
}
