package io.baton.recognition.domain.text;

import java.util.Objects;

/** The text of one campaign's seed MMS, as the campaign manager wrote it. */
public record SeedText(String campaignId, String text) {
    public SeedText {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(text, "text");
    }
}
