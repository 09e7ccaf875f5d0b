package io.baton.recognition.domain.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every live campaign's seed text, indexed by shingle, so that one message is compared with all
 * seeds at a cost that grows with the message, not with the number of campaigns: each message
 * shingle is looked up once in a shingle to campaigns map, and only seeds that share enough
 * shingles are then walked in full. Immutable: build a new one when campaigns change.
 *
 * <p>Distinctiveness: a shingle found in the seeds of k campaigns weighs 1/k in each of them. A
 * slogan two campaigns share therefore counts half for each, and a text identical in two seeds
 * gives both the same containment, which the margin rule reports as {@link TextMatch.Ambiguous}
 * (neither is credited), as {@code ExactSeedMatcher} does for a shared part. Seeds shorter than
 * {@link TextMatchPolicy#minSeedLength()} after normalisation are not indexed at all.
 */
public final class SeedTextIndex {

    private final TextNormaliser normaliser;
    private final TextMatchPolicy policy;
    private final List<String> campaignIds = new ArrayList<>();
    private final List<TextFingerprint> seeds = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();
    private final double[] totalWeight;
    private final Map<Long, int[]> postings;
    private final List<ExcludedSeed> excluded = new ArrayList<>();

    public SeedTextIndex(Collection<SeedText> seedTexts, TextNormaliser normaliser, TextMatchPolicy policy) {
        this.normaliser = normaliser;
        this.policy = policy;
        Map<Long, List<Integer>> owners = new HashMap<>();
        for (SeedText seed : seedTexts) {
            TextFingerprint fp = TextFingerprint.of(normaliser.normalise(seed.text()), policy.shingleLength());
            if (fp.length() < policy.minSeedLength()) {
                excluded.add(new ExcludedSeed(seed.campaignId(), "only " + fp.length()
                        + " letters and digits after normalisation, " + policy.minSeedLength()
                        + " needed: too short to tell this seed from ordinary messages"));
                continue;
            }
            int index = seeds.size();
            campaignIds.add(seed.campaignId());
            seeds.add(fp);
            for (long shingle : fp.distinctShingles()) {
                owners.computeIfAbsent(shingle, k -> new ArrayList<>()).add(index);
            }
        }
        Map<Long, int[]> index = new HashMap<>(owners.size() * 2);
        owners.forEach((shingle, ids) -> index.put(shingle, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.postings = index;
        this.totalWeight = new double[seeds.size()];
        for (int c = 0; c < seeds.size(); c++) {
            TextFingerprint fp = seeds.get(c);
            double[] w = new double[fp.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1.0 / postings.get(fp.shingleAt(i)).length;
                totalWeight[c] += w[i];
            }
            weights.add(w);
        }
    }

    /** With the built-in handset phrases and the measured default policy. */
    public static SeedTextIndex of(Collection<SeedText> seedTexts) {
        return new SeedTextIndex(seedTexts, TextNormaliser.withBuiltInPhrases(), TextMatchPolicy.defaults());
    }

    public TextMatch match(String messageText) {
        String normalised = normaliser.normalise(messageText);
        TextFingerprint message = TextFingerprint.of(normalised, policy.shingleLength());
        Map<Integer, Integer> shared = new LinkedHashMap<>();
        for (long shingle : message.distinctShingles()) {
            int[] owners = postings.get(shingle);
            if (owners != null) {
                for (int c : owners) {
                    shared.merge(c, 1, Integer::sum);
                }
            }
        }
        List<TextCandidate> candidates = new ArrayList<>();
        shared.forEach((c, distinctShared) -> {
            if (distinctShared >= policy.minMatchedShingles()) {
                candidates.add(compare(c, message));
            }
        });
        candidates.sort(Comparator.comparingDouble(TextCandidate::containment).reversed()
                .thenComparing(TextCandidate::campaignId));
        List<TextCandidate> recognised = candidates.stream().filter(TextCandidate::recognised).toList();
        if (recognised.isEmpty()) {
            return new TextMatch.Unrecognised(normalised, candidates);
        }
        TextCandidate best = recognised.get(0);
        List<TextCandidate> tied = recognised.stream()
                .filter(t -> best.containment() - t.containment() < policy.ambiguityMargin()).toList();
        if (tied.size() > 1) {
            return new TextMatch.Ambiguous(tied, normalised, candidates);
        }
        return new TextMatch.Recognised(best, normalised, candidates);
    }

    /**
     * Walks one seed's shingles in order against the message: containment, the largest run of
     * missing shingles, and what is missing at the end.
     *
     * <p>Gaps: an edited character misses {@code n} shingles in a row; a replaced brand or
     * sentence misses more. At either end of the seed an edit misses one shingle fewer, so a run
     * there counts one more. A missing end of the seed is a cut-short forward, and no gap, when
     * the message stops where the seed stops matching: after its last two seed shingles in a row
     * it has fewer than {@code n} shingles of other text (one edited last character). If the
     * message goes on with other text, the seed's end was replaced, and the missing end is a gap.
     * Lone shingles found in a cut-off end are chance ("朋友" recurs), not the seed going on.
     */
    private TextCandidate compare(int c, TextFingerprint message) {
        TextFingerprint seed = seeds.get(c);
        double[] w = weights.get(c);
        boolean[] hit = new boolean[seed.size()];
        double found = 0;
        int matched = 0;
        for (int i = 0; i < hit.length; i++) {
            hit[i] = message.contains(seed.shingleAt(i));
            if (hit[i]) {
                found += w[i];
                matched++;
            }
        }
        boolean[] inSeed = new boolean[message.size()];
        int seedText = 0;
        for (int i = 0; i < inSeed.length; i++) {
            inSeed[i] = seed.contains(message.shingleAt(i));
            seedText += inSeed[i] ? 1 : 0;
        }
        int messageEnd = lastOfTwoInARow(inSeed);
        int otherTextAfter = 0;
        for (int i = messageEnd + 1; i < inSeed.length; i++) {
            otherTextAfter += inSeed[i] ? 0 : 1;
        }
        boolean cutShort = messageEnd >= 0 && otherTextAfter < policy.shingleLength();
        int seedEnd = cutShort ? lastOfTwoInARow(hit) : hit.length - 1;
        int missingTail = hit.length - 1 - lastOfTwoInARow(hit);
        int largestGap = 0;
        int run = 0;
        boolean atStart = true;
        for (int i = 0; i <= seedEnd; i++) {
            if (hit[i]) {
                largestGap = Math.max(largestGap, atStart && run > 0 ? run + 1 : run);
                run = 0;
                atStart = false;
            } else {
                run++;
            }
        }
        if (run > 0) {
            largestGap = Math.max(largestGap, run + 1);
        }
        if (seedEnd < 0) {
            largestGap = hit.length; // no two seed shingles in a row: nothing of the seed is here
        }
        double containment = totalWeight[c] == 0 ? 0 : found / totalWeight[c];
        double reverse = message.size() == 0 ? 0 : (double) seedText / message.size();
        TextSignal signal = policy.judge(containment, reverse, matched, largestGap);
        String explanation = String.format(Locale.ROOT,
                "%s: %d of %d seed shingles found (containment %.2f, weighted by distinctiveness), "
                        + "%d of %d message shingles are seed text (%.2f), largest gap %d, %d missing at the end%s",
                signal == TextSignal.NONE ? "not recognised, " + policy.whyNot(containment, reverse, matched, largestGap)
                        : signal == TextSignal.WHOLE_SEED ? "whole seed text" : "seed text cut short",
                matched, seed.size(), containment, seedText, message.size(), reverse, largestGap, missingTail,
                cutShort || missingTail == 0 ? "" : " and the message goes on with other text");
        return new TextCandidate(campaignIds.get(c), signal, containment, reverse, matched, seed.size(),
                message.size(), largestGap, missingTail, explanation);
    }

    /** The index of the second of the last two hits in a row, or -1 if no two hits are adjacent. */
    private static int lastOfTwoInARow(boolean[] hit) {
        for (int i = hit.length - 1; i > 0; i--) {
            if (hit[i] && hit[i - 1]) {
                return i;
            }
        }
        return -1;
    }

    /** Seeds given but not indexed, with the reason. */
    public List<ExcludedSeed> excluded() {
        return List.copyOf(excluded);
    }

    /** Campaigns whose seed text is indexed. */
    public List<String> indexedCampaigns() {
        return List.copyOf(campaignIds);
    }

    public TextMatchPolicy policy() {
        return policy;
    }
}
