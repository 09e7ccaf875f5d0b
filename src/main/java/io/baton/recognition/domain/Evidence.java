package io.baton.recognition.domain;

/**
 * One signal that a message is (or nearly is) the seed of a campaign.
 *
 * @param decisive whether the signal passes the campaign's threshold; a signal that only came
 *        close is kept as a near miss, so a campaign manager can see why a forward earned nothing
 * @param score how strong the signal is, 0 to 1 (see {@link Recognition} for how scores combine)
 * @param detail what was seen, for people: "image part 1: PDQ distance 12 of 256 (threshold 40)"
 */
public record Evidence(String campaignId, Signal signal, boolean decisive, double score, String detail) {

    public Evidence {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within 0..1, is " + score);
        }
    }
}
