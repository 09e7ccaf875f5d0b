package io.baton.campaign.domain;

/** One thing wrong with a campaign document: where (field path and line) and what. */
public record CampaignError(String path, int line, String message) {
    @Override
    public String toString() {
        return path + " (line " + line + "): " + message;
    }
}
