package io.baton.recognition.domain;

/**
 * A submit recognised as the seed of a campaign, with how sure we are and why (stored with the
 * forward, so campaign managers can see the reason).
 */
public record Recognition(String campaignId, double confidence, String reason) {
}
