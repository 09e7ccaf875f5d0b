package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The matcher over all live campaigns: asks every evidence source about the message and decides
 * ({@link Recognition#decide}). Immutable: build a new one when campaigns change.
 */
public final class SeedRecogniser implements SeedMatcher {

    private final List<EvidenceSource> sources;

    public SeedRecogniser(Collection<SeedReference> seeds) {
        this.sources = List.of(new ExactPartIndex(seeds), new TagEvidence(seeds), new ImageEvidence(seeds),
                new TextEvidence(seeds));
    }

    @Override
    public Recognition recognise(MessageContent message) {
        return Recognition.decide(evidence(message));
    }

    @Override
    public Recognition recognise(MessageContent message, Predicate<String> takesPart) {
        return Recognition.decide(evidence(message), takesPart);
    }

    private List<Evidence> evidence(MessageContent message) {
        List<Evidence> evidence = new ArrayList<>();
        for (EvidenceSource s : sources) {
            evidence.addAll(s.evidence(message));
        }
        return evidence;
    }
}
