package io.baton.recognition.domain.text;

/**
 * When a message counts as a campaign's seed text. The defaults were measured on generated
 * forwards and near misses; docs/recognition-text-thresholds.md has the distributions and why
 * each number is where it is.
 *
 * @param shingleLength characters per shingle (2 or 3)
 * @param minSeedLength seeds shorter than this many letters and digits after normalisation are
 *        not indexed: a short text ("新年快乐") is in too many messages to identify a campaign
 * @param minMatchedShingles fewer seed shingles found than this is no evidence at all
 * @param wholeSeedContainment containment at or above which the message holds the whole seed
 * @param truncatedContainment containment at or above which a cut-short seed can count ...
 * @param truncatedReverseShare ... if at least this share of the message is seed text
 * @param maxGap longest run of missing seed shingles allowed before the last one found; a
 *        character edit misses {@code shingleLength} in a row, a replaced sentence many more
 * @param ambiguityMargin two recognised seeds closer than this in containment identify neither
 */
public record TextMatchPolicy(int shingleLength, int minSeedLength, int minMatchedShingles,
        double wholeSeedContainment, double truncatedContainment, double truncatedReverseShare, int maxGap,
        double ambiguityMargin) {

    public TextMatchPolicy {
        if (shingleLength < TextFingerprint.MIN_SHINGLE_LENGTH || shingleLength > TextFingerprint.MAX_SHINGLE_LENGTH) {
            throw new IllegalArgumentException("shingleLength must be 2 or 3, was " + shingleLength);
        }
        if (minSeedLength < shingleLength || minMatchedShingles < 1 || maxGap < 0) {
            throw new IllegalArgumentException("minSeedLength >= shingleLength, minMatchedShingles >= 1, maxGap >= 0");
        }
        if (!(truncatedContainment > 0 && truncatedContainment <= wholeSeedContainment && wholeSeedContainment <= 1)) {
            throw new IllegalArgumentException("0 < truncatedContainment <= wholeSeedContainment <= 1");
        }
    }

    /** The measured defaults. */
    public static TextMatchPolicy defaults() {
        return new TextMatchPolicy(2, 8, 6, 0.80, 0.50, 0.80, 4, 0.10);
    }

    /** The rule that the evidence satisfies, or {@link TextSignal#NONE}. */
    TextSignal judge(double containment, double reverseShare, int matched, int largestGap) {
        if (matched < minMatchedShingles || largestGap > maxGap) {
            return TextSignal.NONE;
        }
        if (containment >= wholeSeedContainment) {
            return TextSignal.WHOLE_SEED;
        }
        if (containment >= truncatedContainment && reverseShare >= truncatedReverseShare) {
            return TextSignal.TRUNCATED_SEED;
        }
        return TextSignal.NONE;
    }

    /** The first rule the evidence fails, in words, for a candidate that was not recognised. */
    String whyNot(double containment, double reverseShare, int matched, int largestGap) {
        if (matched < minMatchedShingles) {
            return "only " + matched + " seed shingles found, " + minMatchedShingles + " needed";
        }
        if (largestGap > maxGap) {
            return largestGap + " seed shingles in a row are missing inside the text (at most " + maxGap
                    + "): part of the seed was replaced";
        }
        if (containment >= truncatedContainment) {
            return String.format(java.util.Locale.ROOT,
                    "containment %.2f is below %.2f, and only %.2f of the message is seed text (%.2f needed for a cut-short seed)",
                    containment, wholeSeedContainment, reverseShare, truncatedReverseShare);
        }
        return String.format(java.util.Locale.ROOT, "containment %.2f is below %.2f", containment,
                truncatedContainment);
    }
}
