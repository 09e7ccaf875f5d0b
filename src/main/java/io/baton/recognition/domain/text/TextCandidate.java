package io.baton.recognition.domain.text;

/**
 * How one campaign's seed text compares with a message: the evidence behind the decision.
 *
 * @param containment share of the seed's shingles found in the message, each weighted by how
 *        distinctive it is (a shingle found in k live seeds counts 1/k)
 * @param reverseShare share of the message's shingles that occur in the seed: how much of the
 *        message is seed text
 * @param matchedShingles seed shingles (positions) found in the message
 * @param seedShingles seed shingles (positions)
 * @param messageShingles message shingles (positions)
 * @param largestGap longest run of seed shingles missing from the message (a run at either end of
 *        the seed counts one more; a cut-off end counts not at all): a replaced brand or sentence
 *        makes a long one, an edited character a short one
 * @param missingTail seed shingles missing after the last two found in a row
 */
public record TextCandidate(String campaignId, TextSignal signal, double containment, double reverseShare,
        int matchedShingles, int seedShingles, int messageShingles, int largestGap, int missingTail,
        String explanation) {

    public boolean recognised() {
        return signal != TextSignal.NONE;
    }
}
