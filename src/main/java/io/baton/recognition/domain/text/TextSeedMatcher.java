package io.baton.recognition.domain.text;

import java.util.Optional;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.baton.recognition.domain.SeedMatcher;

/**
 * The text index behind the {@link SeedMatcher} seam: a submit is a campaign's seed when its
 * subject and text parts, read in order as one text, hold that campaign's seed text as handsets
 * forward it. Confidence is the containment; the reason is the index's explanation.
 */
public final class TextSeedMatcher implements SeedMatcher {

    private final SeedTextIndex index;

    public TextSeedMatcher(SeedTextIndex index) {
        this.index = index;
    }

    @Override
    public Optional<Recognition> recognise(MessageContent message) {
        // one text, because handsets move the start of a long text into the subject, or the reverse
        StringBuilder text = new StringBuilder(message.subject());
        for (MessageContent.Part part : message.parts()) {
            if (part.isText()) {
                text.append('\n').append(part.text());
            }
        }
        if (index.match(text.toString()) instanceof TextMatch.Recognised recognised) {
            TextCandidate c = recognised.campaign();
            return Optional.of(new Recognition(c.campaignId(), c.containment(), "seed text: " + c.explanation()));
        }
        return Optional.empty();
    }
}
