package io.baton.tracking;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the tracking consumer treats events it cannot handle ({@code baton.tracking.*}). */
@ConfigMapping(prefix = "baton.tracking")
public interface TrackingConfig {

    /**
     * Attempts at one event that the database refuses (or that fails in Baton's own code) before it
     * goes to the dead-letter table and the events after it go on.
     */
    @WithDefault("3")
    int poisonAttempts();

    /** Back-off while the database is away or busy: the first pause, doubled up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
