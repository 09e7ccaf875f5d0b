package io.baton.tracking;

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
}
