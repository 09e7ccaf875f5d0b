package io.baton.campaign.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.baton.common.Msisdn;

/** A parsed, valid campaign: what its YAML says, with defaults applied and seed content loaded. */
public record Campaign(
        String id,
        String name,
        ZoneId timezone,
        OffsetDateTime starts,
        OffsetDateTime ends,
        String shortCode,
        Seed seed,
        List<Region> regions,
        CreditingRules crediting,
        String serialPrefix,
        Notices notices,
        RecognitionRules recognition,
        Optional<PrizeRules> prizes) {

    public static final String OTHER_REGION = "Other";

    public Campaign {
        regions = List.copyOf(regions);
    }

    /** The region whose longest prefix matches the number, or {@value #OTHER_REGION}. */
    public String regionOf(Msisdn msisdn) {
        String best = OTHER_REGION;
        int bestLength = -1;
        for (Region r : regions) {
            for (String p : r.prefixes()) {
                if (p.length() > bestLength && msisdn.startsWith(p)) {
                    best = r.name();
                    bestLength = p.length();
                }
            }
        }
        return best;
    }

    public boolean runsAt(OffsetDateTime t) {
        return !t.isBefore(starts) && t.isBefore(ends);
    }

    /**
     * Whether an MO text asks for the seed. NFKC first: Chinese handsets often send full-width
     * digits and letters ("２００８"), and people add spaces around the keyword.
     */
    public boolean isRequestKeyword(String text) {
        String t = normalise(text);
        return seed.requestKeywords().stream().anyMatch(k -> normalise(k).equalsIgnoreCase(t));
    }

    private static String normalise(String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
    }

    public record Seed(String subject, List<SeedPart> parts, List<String> requestKeywords, Optional<String> tag) {
        public Seed {
            parts = List.copyOf(parts);
            requestKeywords = List.copyOf(requestKeywords);
        }
    }

    public record SeedPart(String contentType, byte[] data) {
        public boolean isText() {
            return contentType.toLowerCase().startsWith("text/");
        }
    }

    public record Region(String name, List<String> prefixes) {
        public Region {
            prefixes = List.copyOf(prefixes);
        }
    }

    public record CreditingRules(String onStatus, int maxCreditsPerPair, int maxCreditsPerSenderPerDay,
            java.time.Duration resendWindow) {
    }

    public record Notices(String serial, String help) {
    }

    /**
     * How sure recognition must be before a forward counts, per signal. The defaults come from
     * measured distributions (docs/recognition.md), not guesses; a campaign may tighten them.
     *
     * @param imageMaxDistance PDQ Hamming distance (of 256 bits) within which an image is the seed's
     * @param imageMinQuality PDQ quality (0–100) below which an image says nothing (flat, tiny)
     * @param textMinContainment share of the seed text's shingles a whole-text forward must contain
     *        (0.8 to 1: the text index's own rules, docs/recognition-text-thresholds.md, come first)
     * @param textKeyPhrases words of the seed text a text forward must carry unchanged (brand, prize)
     * @param imageMinBlockAgreement share of a picture's 8×8 blocks that must agree with the seed's when its
     *        hash is beyond {@code imageMaxDistance} (a logo or caption over the seed); 1 turns overlay
     *        matching off
     */
    public record RecognitionRules(int imageMaxDistance, int imageMinQuality, double textMinContainment,
            List<String> textKeyPhrases, double imageMinBlockAgreement) {
        public static final RecognitionRules DEFAULTS = new RecognitionRules(31, 50, 0.8, List.of(), 0.8);

        public RecognitionRules {
            textKeyPhrases = List.copyOf(textKeyPhrases);
        }

        public RecognitionRules(int imageMaxDistance, int imageMinQuality, double textMinContainment,
                List<String> textKeyPhrases) {
            this(imageMaxDistance, imageMinQuality, textMinContainment, textKeyPhrases, DEFAULTS.imageMinBlockAgreement());
        }
    }
}
