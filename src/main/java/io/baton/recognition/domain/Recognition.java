package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The decision on one message: recognised as the seed of one campaign or not, how sure, and the
 * evidence (decisive signals and near misses) behind it, stored with the forward.
 *
 * <p>A campaign's confidence combines its decisive signals as independent witnesses:
 * {@code 1 − Π(1 − score)}. The message is that campaign's seed when exactly one campaign has
 * decisive evidence, or when one has more decisive signals than every other, or the same number
 * but a clearly higher confidence (by {@value #MARGIN}). Otherwise (the message carries two
 * campaigns' content equally) it is nobody's: crediting a forward to the wrong campaign is worse
 * than crediting none.
 */
public record Recognition(Optional<String> campaignId, double confidence, List<Evidence> evidence,
        List<String> ambiguousBetween) {

    static final double MARGIN = 0.05;

    public Recognition {
        evidence = List.copyOf(evidence);
        ambiguousBetween = List.copyOf(ambiguousBetween);
    }

    public Recognition(Optional<String> campaignId, double confidence, List<Evidence> evidence) {
        this(campaignId, confidence, evidence, List.of());
    }

    public static Recognition decide(List<Evidence> evidence) {
        Map<String, List<Evidence>> decisive = evidence.stream().filter(Evidence::decisive)
                .collect(Collectors.groupingBy(Evidence::campaignId, LinkedHashMap::new, Collectors.toList()));
        if (decisive.isEmpty()) {
            return new Recognition(Optional.empty(), 0, evidence);
        }
        List<Map.Entry<String, List<Evidence>>> ranked = new ArrayList<>(decisive.entrySet());
        ranked.sort(Comparator.comparing((Map.Entry<String, List<Evidence>> e) -> e.getValue().size())
                .thenComparing(e -> combined(e.getValue())).reversed());
        Map.Entry<String, List<Evidence>> best = ranked.get(0);
        double confidence = combined(best.getValue());
        if (ranked.size() > 1) {
            Map.Entry<String, List<Evidence>> second = ranked.get(1);
            boolean moreSignals = best.getValue().size() > second.getValue().size();
            boolean clearlySurer = confidence - combined(second.getValue()) >= MARGIN;
            if (!moreSignals && !clearlySurer) {
                List<String> tied = ranked.stream().filter(e -> e.getValue().size() == best.getValue().size()
                        && confidence - combined(e.getValue()) < MARGIN).map(Map.Entry::getKey).toList();
                return new Recognition(Optional.empty(), 0, evidence, tied);
            }
        }
        return new Recognition(Optional.of(best.getKey()), confidence, evidence);
    }

    static double combined(List<Evidence> signals) {
        double doubt = 1;
        for (Evidence e : signals) {
            doubt *= 1 - e.score();
        }
        return 1 - doubt;
    }

    public boolean recognised() {
        return campaignId.isPresent();
    }

    /** Two or more campaigns had equally good decisive evidence: the message is nobody's. */
    public boolean ambiguous() {
        return !ambiguousBetween.isEmpty();
    }

    /**
     * The decision among the campaigns that take part (those whose window holds the message's
     * time), from evidence gathered for all; when none of them has decisive evidence, the decision
     * among all, so a forward of an ended campaign is still known as its own (and refused as
     * outside it) instead of as nobody's.
     */
    public static Recognition decide(List<Evidence> evidence, java.util.function.Predicate<String> takesPart) {
        Recognition among = decide(evidence.stream().filter(e -> takesPart.test(e.campaignId())).toList());
        if (among.recognised() || among.ambiguous()) {
            return among;
        }
        Recognition all = decide(evidence);
        return all.recognised() ? all : among.evidence().isEmpty() ? all : among;
    }

    /** The campaign the evidence points to most, recognised or not (for recording near misses). */
    public Optional<String> closestCampaign() {
        return campaignId.or(() -> evidence.stream().max(Comparator.comparingDouble(Evidence::score))
                .map(Evidence::campaignId));
    }

    /** The evidence as one line for people and logs. */
    public String reason() {
        return evidence.stream().map(e -> (e.decisive() ? "" : "near miss: ") + e.detail())
                .collect(Collectors.joining("; "));
    }
}
