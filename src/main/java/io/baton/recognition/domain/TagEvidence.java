package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.baton.recognition.domain.tag.TagScanner;

/** Campaign tags in any layer of the message (see {@link io.baton.recognition.domain.tag.SeedTagging}). */
final class TagEvidence implements EvidenceSource {

    /** A tag can be typed by hand, so it is a little less sure than an identical file. */
    static final double SCORE = 0.99;

    private final TagScanner scanner;

    TagEvidence(Collection<SeedReference> seeds) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        for (SeedReference s : seeds) {
            s.tags().forEach(t -> tags.add(Map.entry(t, s.campaignId())));
        }
        this.scanner = new TagScanner(tags); // a tag several campaigns share is a hit for each
    }

    @Override
    public List<Evidence> evidence(MessageContent message) {
        List<Evidence> out = new ArrayList<>();
        for (TagScanner.TagHit hit : scanner.scan(message)) {
            String where = hit.part() < 0 ? "the subject" : hit.layer().name().toLowerCase().replace('_', ' ')
                    + " of part " + hit.part();
            out.add(new Evidence(hit.campaignId(), Signal.TAG, true, SCORE, "tag " + hit.tag() + " in " + where));
        }
        return out;
    }
}
