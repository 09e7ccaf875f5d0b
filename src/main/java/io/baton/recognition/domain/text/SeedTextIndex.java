package io.baton.recognition.domain.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every live campaign's seed text, indexed by shingle, so that one message is compared with all
 * seeds at a cost that grows with the message, not with the number of campaigns: each message
 * shingle is looked up once in a shingle to campaigns map, and only seeds that share enough
 * shingles are then compared in full. Immutable, and safe to share between threads (a match keeps
 * its state on the stack): build a new one when campaigns change.
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
            TextFingerprint fp = TextFingerprint.of(normaliser.normalise(seed.text()), policy.ideographShingleLength(),
                    policy.alphabeticShingleLength());
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
        TextFingerprint message = TextFingerprint.of(normalised, policy.ideographShingleLength(),
                policy.alphabeticShingleLength());
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
     * One seed against the message: the shingle signals (containment, reverse share), and for a
     * seed with enough of its shingles present, an alignment ({@link SeedAlignment}) that says how
     * many characters in a row differ and whether the seed is cut short.
     */
    private TextCandidate compare(int c, TextFingerprint message) {
        TextFingerprint seed = seeds.get(c);
        double[] w = weights.get(c);
        double found = 0;
        int matched = 0;
        for (int i = 0; i < seed.size(); i++) {
            if (message.contains(seed.shingleAt(i))) {
                found += w[i];
                matched++;
            }
        }
        int seedText = 0;
        for (int i = 0; i < message.size(); i++) {
            seedText += seed.contains(message.shingleAt(i)) ? 1 : 0;
        }
        double containment = totalWeight[c] == 0 ? 0 : found / totalWeight[c];
        double reverse = message.size() == 0 ? 0 : (double) seedText / message.size();
        SeedAlignment alignment = matched >= policy.minMatchedShingles() && containment >= policy.truncatedContainment()
                ? SeedAlignment.of(seed.codePoints(), message.codePoints())
                : null;
        int longestChange = alignment == null ? 0 : alignment.longestRun();
        int cutOff = alignment == null ? 0 : alignment.cutOff();
        TextSignal signal = alignment == null ? TextSignal.NONE
                : policy.judge(containment, reverse, matched, longestChange, cutOff > 0);
        // plain appends: String.format cost more than the rest of the comparison
        StringBuilder why = new StringBuilder(200).append(switch (signal) {
            case WHOLE_SEED -> "whole seed text";
            case TRUNCATED_SEED -> "seed text cut short";
            case NONE -> "not recognised, " + policy.whyNot(containment, reverse, matched, longestChange, cutOff > 0);
        });
        why.append(": ").append(matched).append(" of ").append(seed.size()).append(" seed shingles found (containment ")
                .append(TextMatchPolicy.twoDecimals(containment)).append(", weighted by distinctiveness), ")
                .append(seedText).append(" of ").append(message.size()).append(" message shingles are seed text (")
                .append(TextMatchPolicy.twoDecimals(reverse)).append(')');
        if (alignment != null) {
            why.append(", ").append(alignment.edits()).append(" characters edited, at most ").append(longestChange)
                    .append(" in a row, ").append(cutOff).append(" cut off at the end");
        }
        String explanation = why.toString();
        return new TextCandidate(campaignIds.get(c), signal, containment, reverse, matched, seed.size(),
                message.size(), longestChange, cutOff, explanation);
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
