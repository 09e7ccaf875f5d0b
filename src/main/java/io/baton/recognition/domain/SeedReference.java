package io.baton.recognition.domain;

import java.util.List;
import java.util.Optional;

/** The seed content of one campaign, as the matcher indexes it. */
public record SeedReference(String campaignId, List<MessageContent.Part> parts, Optional<String> tag) {
    public SeedReference {
        parts = List.copyOf(parts);
    }
}
