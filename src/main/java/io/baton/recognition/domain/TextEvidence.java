package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.recognition.domain.text.SeedText;
import io.baton.recognition.domain.text.SeedTextIndex;
import io.baton.recognition.domain.text.TextCandidate;
import io.baton.recognition.domain.text.TextMatch;
import io.baton.recognition.domain.text.TextNormaliser;
import io.baton.recognition.domain.text.TextSignal;

/**
 * The seed text in the message's subject and text parts, however the handset or the subscriber
 * changed it (see {@link SeedTextIndex} and docs/recognition-text-thresholds.md). A campaign may
 * ask for more of its seed text than the index's rules ({@code textMinContainment}); it cannot
 * ask for less. Key phrases ({@code textKeyPhrases}: the brand, the prize) must appear unchanged
 * after normalisation: the index lets a one-character typo through, and "华润" for "华为" is one. Candidates the index weighed but did not recognise are kept as near misses.
 */
final class TextEvidence implements EvidenceSource {

    private final SeedTextIndex index;
    private final Map<String, Double> minContainment;
    private final Map<String, List<String>> keyPhrases;

    TextEvidence(Collection<SeedReference> seeds) {
        List<SeedText> texts = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        TextNormaliser normaliser = TextNormaliser.withBuiltInPhrases();
        for (SeedReference s : seeds) {
            thresholds.put(s.campaignId(), s.thresholds().textMinContainment());
            phrases.put(s.campaignId(), s.thresholds().textKeyPhrases().stream().map(normaliser::normalise)
                    .filter(k -> !k.isEmpty()).toList());
            // the seed's parts as defined come before their tagged copies: the first text is the seed text
            s.parts().stream().filter(p -> p.isText() && !isTagOnly(p, s)).findFirst()
                    .ifPresent(p -> texts.add(new SeedText(s.campaignId(), p.text())));
        }
        this.index = SeedTextIndex.of(texts);
        this.minContainment = Map.copyOf(thresholds);
        this.keyPhrases = Map.copyOf(phrases);
    }

    /** The tag part Baton adds to a seed holds only a tag: the tag signal has it. */
    private static boolean isTagOnly(MessageContent.Part p, SeedReference s) {
        String t = p.text().strip();
        return s.tags().contains(t);
    }

    @Override
    public List<Evidence> evidence(MessageContent message) {
        StringBuilder text = new StringBuilder(message.subject());
        for (MessageContent.Part p : message.parts()) {
            if (p.isText()) {
                text.append('\n').append(p.text());
            }
        }
        List<Evidence> out = new ArrayList<>();
        if (text.toString().isBlank()) {
            return out;
        }
        TextMatch match = index.match(text.toString());
        for (TextCandidate c : match.candidates()) {
            boolean enough = c.signal() == TextSignal.TRUNCATED_SEED
                    || c.containment() >= minContainment.getOrDefault(c.campaignId(), 0.0);
            List<String> missing = keyPhrases.getOrDefault(c.campaignId(), List.of()).stream()
                    .filter(k -> !match.normalisedMessage().contains(k)).toList();
            // a text two campaigns share equally is decisive for both: the decision (their other
            // signals, their windows) settles it, or refuses the message as ambiguous
            boolean decisive = c.recognised() && enough && missing.isEmpty()
                    && (!(match instanceof TextMatch.Ambiguous a) || a.tied().contains(c));
            double score = Math.max(0, Math.min(1, c.containment()));
            out.add(new Evidence(c.campaignId(), Signal.TEXT, decisive, score, "text: " + c.explanation()
                    + (missing.isEmpty() ? "" : "; key phrase missing: " + String.join(", ", missing))));
        }
        return out;
    }
}
