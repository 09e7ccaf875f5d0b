package io.baton.recognition.domain.text;

/** A seed text the index does not match on, and why (shown to the campaign manager). */
public record ExcludedSeed(String campaignId, String reason) {
}
