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
 * @param longestChange most characters in a row that differ between seed and message in their
 *        alignment: a typo is one, a replaced brand or sentence more (0 when not aligned because
 *        too little of the seed is there)
 * @param cutOff characters at the end of the seed that the message does not reach
 */
public record TextCandidate(String campaignId, TextSignal signal, double containment, double reverseShare,
        int matchedShingles, int seedShingles, int messageShingles, int longestChange, int cutOff,
        String explanation) {

    public boolean recognised() {
        return signal != TextSignal.NONE;
    }
}
