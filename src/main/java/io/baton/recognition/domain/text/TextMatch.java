package io.baton.recognition.domain.text;

import java.util.List;

/**
 * What the index says about one message. Every outcome carries the candidates it weighed, best
 * first, so a campaign manager can see why a forward was, or was not, credited.
 */
public sealed interface TextMatch {

    /** The normalised message text the decision was made on. */
    String normalisedMessage();

    List<TextCandidate> candidates();

    /** One campaign's seed, clearly ahead of any other. */
    record Recognised(TextCandidate campaign, String normalisedMessage, List<TextCandidate> candidates)
            implements TextMatch {
        public Recognised {
            candidates = List.copyOf(candidates);
        }
    }

    /** Seeds of several campaigns fit equally well (a text two campaigns share): credit none. */
    record Ambiguous(List<TextCandidate> tied, String normalisedMessage, List<TextCandidate> candidates)
            implements TextMatch {
        public Ambiguous {
            tied = List.copyOf(tied);
            candidates = List.copyOf(candidates);
        }
    }

    /** No seed fits; the nearest ones, if any shared enough shingles to be weighed. */
    record Unrecognised(String normalisedMessage, List<TextCandidate> candidates) implements TextMatch {
        public Unrecognised {
            candidates = List.copyOf(candidates);
        }
    }
}
