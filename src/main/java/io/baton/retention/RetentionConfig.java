package io.baton.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long Baton keeps what ({@code baton.retention.*}); a duration of 0 keeps it for ever. */
@ConfigMapping(prefix = "baton.retention")
public interface RetentionConfig {

    /**
     * Delivery reports of messages that are no campaign's (ordinary P2P traffic): kept as long as a
     * late submit of the same message may still come to correlate with them.
     */
    @WithDefault("72h")
    Duration uncorrelated();

    /** A campaign's data after it ended and after the last submit of it was received. */
    @WithDefault("365d")
    Duration campaignData();

    /** How often the purge runs. */
    @WithDefault("1h")
    Duration interval();

    /** Rows deleted per statement (short transactions beside live traffic). */
    @WithDefault("5000")
    int batch();
}
