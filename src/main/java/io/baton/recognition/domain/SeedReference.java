package io.baton.recognition.domain;

import java.util.List;

/**
 * The seed content of one campaign, as recognition indexes it.
 *
 * @param parts the seed's parts as the campaign defines them and as Baton sends them (tagged)
 * @param tags the visible tag (if any) and the machine tag
 */
public record SeedReference(String campaignId, List<MessageContent.Part> parts, List<String> tags,
        Thresholds thresholds) {

    public SeedReference {
        parts = List.copyOf(parts);
        tags = List.copyOf(tags);
    }

    /**
     * Per-campaign thresholds (the campaign YAML's {@code recognition:} block).
     *
     * @param textKeyPhrases words a text forward must carry unchanged (the brand, the prize): a
     *        typo elsewhere is a typo, but "华润" for "华为" is another company's message
     * @param imageMinBlockAgreement share of a picture's 8×8 blocks that must agree with the seed's when
     *        the hash alone is beyond {@code imageMaxDistance} (a logo or caption over the seed)
     */
    public record Thresholds(int imageMaxDistance, int imageMinQuality, double textMinContainment,
            List<String> textKeyPhrases, double imageMinBlockAgreement) {

        /** The default share of blocks that must agree for an overlay match (docs/recognition-image-thresholds.md). */
        public static final double DEFAULT_MIN_BLOCK_AGREEMENT = 0.8;

        public Thresholds {
            textKeyPhrases = List.copyOf(textKeyPhrases);
        }

        public Thresholds(int imageMaxDistance, int imageMinQuality, double textMinContainment,
                List<String> textKeyPhrases) {
            this(imageMaxDistance, imageMinQuality, textMinContainment, textKeyPhrases, DEFAULT_MIN_BLOCK_AGREEMENT);
        }

        public Thresholds(int imageMaxDistance, int imageMinQuality, double textMinContainment) {
            this(imageMaxDistance, imageMinQuality, textMinContainment, List.of());
        }
    }
}
