package io.baton.recognition.domain.text;

/**
 * When a message counts as a campaign's seed text. The defaults were measured on generated
 * forwards and near misses; docs/recognition-text-thresholds.md has the distributions and why
 * each number is where it is.
 *
 * @param ideographShingleLength characters per shingle that starts with a Chinese (or Japanese,
 *        Korean) character
 * @param alphabeticShingleLength characters per shingle that starts with any other letter or digit
 * @param minSeedLength seeds shorter than this many letters and digits after normalisation are
 *        not indexed: a short text ("新年快乐") is in too many messages to identify a campaign
 * @param minMatchedShingles fewer seed shingles found than this is no evidence at all
 * @param wholeSeedContainment containment at or above which the message holds the whole seed
 * @param truncatedContainment containment at or above which a cut-short seed can count ...
 * @param truncatedReverseShare ... if at least this share of the message is seed text
 * @param maxChangedRun most characters in a row that may differ from the seed, in the alignment of
 *        seed and message ({@link SeedAlignment}): one lets a typo through and stops a changed
 *        two-character brand name
 * @param ambiguityMargin two recognised seeds closer than this in containment identify neither
 */
public record TextMatchPolicy(int ideographShingleLength, int alphabeticShingleLength, int minSeedLength,
        int minMatchedShingles, double wholeSeedContainment, double truncatedContainment,
        double truncatedReverseShare, int maxChangedRun, double ambiguityMargin) {

    public TextMatchPolicy {
        TextFingerprint.of("", ideographShingleLength, alphabeticShingleLength); // validates the lengths
        if (minSeedLength < Math.max(ideographShingleLength, alphabeticShingleLength) || minMatchedShingles < 1
                || maxChangedRun < 0) {
            throw new IllegalArgumentException(
                    "minSeedLength >= shingle lengths, minMatchedShingles >= 1, maxChangedRun >= 0");
        }
        if (!(truncatedContainment > 0 && truncatedContainment <= wholeSeedContainment && wholeSeedContainment <= 1)) {
            throw new IllegalArgumentException("0 < truncatedContainment <= wholeSeedContainment <= 1");
        }
    }

    /** The measured defaults. */
    public static TextMatchPolicy defaults() {
        return new TextMatchPolicy(2, 3, 8, 6, 0.80, 0.50, 0.80, 1, 0.10);
    }

    /** The rule that the evidence satisfies, or {@link TextSignal#NONE}. */
    TextSignal judge(double containment, double reverseShare, int matched, int longestChange, boolean cutShort) {
        if (matched < minMatchedShingles || longestChange > maxChangedRun) {
            return TextSignal.NONE;
        }
        if (containment >= wholeSeedContainment && !cutShort) {
            return TextSignal.WHOLE_SEED;
        }
        if (containment >= truncatedContainment && reverseShare >= truncatedReverseShare) {
            return TextSignal.TRUNCATED_SEED;
        }
        return TextSignal.NONE;
    }

    /** The first rule the evidence fails, in words, for a candidate that was not recognised. */
    String whyNot(double containment, double reverseShare, int matched, int longestChange, boolean cutShort) {
        if (matched < minMatchedShingles) {
            return "only " + matched + " seed shingles found, " + minMatchedShingles + " needed";
        }
        if (longestChange > maxChangedRun) {
            return "about " + longestChange + " characters in a row differ from the seed (at most " + maxChangedRun
                    + "): part of the seed was replaced";
        }
        if (containment >= truncatedContainment) {
            return (cutShort ? "the seed is cut short"
                    : "containment " + twoDecimals(containment) + " is below " + twoDecimals(wholeSeedContainment))
                    + ", and only " + twoDecimals(reverseShare) + " of the message is seed text ("
                    + twoDecimals(truncatedReverseShare) + " needed for a cut-short seed)";
        }
        return "containment " + twoDecimals(containment) + " is below " + twoDecimals(truncatedContainment);
    }

    /** 0.8 as "0.80": explanations are read by people, and String.format is slow on this path. */
    static String twoDecimals(double share) {
        long hundredths = Math.round(share * 100);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }
}
