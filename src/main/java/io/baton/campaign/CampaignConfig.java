package io.baton.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where campaigns come from ({@code baton.campaign.*}). */
@ConfigMapping(prefix = "baton.campaign")
public interface CampaignConfig {

    /** Directory of campaign YAML files loaded at start (relative to the working directory). */
    @WithDefault("campaigns")
    String directory();
}
