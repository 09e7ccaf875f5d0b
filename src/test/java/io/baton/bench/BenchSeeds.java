package io.baton.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baton.campaign.domain.Campaign;
import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.SeedReference;
import io.baton.recognition.domain.image.ArtworkFixtures;
import io.baton.recognition.domain.image.ImageVariants;
import io.baton.recognition.domain.tag.SeedTagging;
import io.baton.recognition.domain.text.SeedTextFixtures;

/**
 * The bench's campaigns: the reference campaign (campaigns/torch.jpg and its text) and up to 23
 * of our own (a synthetic picture, one of {@link SeedTextFixtures}' texts, a subject and a
 * visible tag), each indexed as {@code CampaignRegistry.activate()} indexes a live campaign.
 */
final class BenchSeeds {

    static final int[][] SIZES = { { 640, 480 }, { 480, 640 }, { 320, 240 } };

    /** How a synthetic seed picture is drawn: its look-alikes are drawn from the same seeds. */
    enum Kind { ARTWORK, TEMPLATED, BANNER, REFERENCE }

    /**
     * @param text the seed text as the subscriber sees it, without the visible tag
     * @param sent the seed as Baton sends it (SMIL, tagged JPEG, text + tag, tag part)
     * @param templateSeed for TEMPLATED and BANNER: the template/banner the look-alikes share
     */
    record Seed(String campaignId, Kind kind, long templateSeed, String subject, String visibleTag, String text,
            BufferedImage picture, byte[] jpeg, MessageContent sent, SeedReference reference, int templateIndex) {
        int longerSide() {
            return Math.max(picture.getWidth(), picture.getHeight());
        }
    }

    private static final Pattern BRAND = Pattern.compile("\\{([^}]*)}");

    private BenchSeeds() {
    }

    static List<Seed> build(int count, Path campaigns) throws IOException {
        if (count < 1 || count > SeedTextFixtures.SEED_TEMPLATES.size()) {
            throw new IllegalArgumentException("--seeds must be 1.." + SeedTextFixtures.SEED_TEMPLATES.size()
                    + " (one seed text each)");
        }
        List<Seed> seeds = new ArrayList<>();
        seeds.add(torch(campaigns));
        // template 0 is the torch text with more words: the reference campaign takes its place
        for (int i = 1; i < count; i++) {
            String template = SeedTextFixtures.SEED_TEMPLATES.get(i);
            String id = SeedTextFixtures.campaignId(i);
            Kind kind = Kind.values()[i % 3];
            int[] size = SIZES[(i + i / 3) % 3];
            long templateSeed = 7_000 + i;
            BufferedImage picture = switch (kind) {
                case ARTWORK -> ArtworkFixtures.artwork(templateSeed, size[0], size[1]);
                case TEMPLATED -> ArtworkFixtures.templated(templateSeed, 8_000 + i, size[0], size[1]);
                default -> ArtworkFixtures.bannerOverPhoto(templateSeed, 9_000 + i, size[0], size[1]);
            };
            Matcher m = BRAND.matcher(template);
            boolean branded = m.find();
            String brand = branded ? m.group(1) : id;
            boolean zh = SeedTextFixtures.isChinese(template);
            String subject = zh ? brand + "活动" : brand + " campaign";
            String tag = "#" + id + "#";
            seeds.add(seed(id, kind, templateSeed, subject, tag, SeedTextFixtures.seedText(template), picture,
                    ImageVariants.jpeg(picture, 0.9f), SeedTextFixtures.seedText(template), i,
                    branded ? List.of(brand) : List.of())); // the campaign names its brand as a key phrase
        }
        return seeds;
    }

    /** The reference campaign as campaigns/olympic-torch-2008.yaml defines it. */
    private static Seed torch(Path campaigns) throws IOException {
        byte[] jpeg = Files.readAllBytes(campaigns.resolve("torch.jpg"));
        String yaml = Files.readString(campaigns.resolve("olympic-torch-2008.yaml"), StandardCharsets.UTF_8);
        String tag = field(yaml, "tag");
        String text = field(yaml, "text");
        String subject = field(yaml, "subject");
        String withoutTag = text.replace(tag, "").strip();
        return seed("olympic-torch-2008", Kind.REFERENCE, 0, subject, tag, withoutTag, ImageVariants.read(jpeg), jpeg,
                text, 0, List.of());
    }

    private static String field(String yaml, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + ":\\s*\"([^\"]*)\"").matcher(yaml);
        if (!m.find()) {
            throw new IllegalStateException("campaign YAML without " + name);
        }
        return m.group(1);
    }

    /** Composes and indexes the seed exactly as CampaignRegistry.activate() does. */
    private static Seed seed(String id, Kind kind, long templateSeed, String subject, String tag, String text,
            BufferedImage picture, byte[] jpeg, String campaignText, int templateIndex, List<String> keyPhrases) {
        List<SeedTagging.SourcePart> source = List.of(new SeedTagging.SourcePart("image/jpeg", jpeg),
                new SeedTagging.SourcePart("text/plain; charset=utf-8", campaignText.getBytes(StandardCharsets.UTF_8)));
        List<SeedTagging.TaggedPart> tagged = SeedTagging.compose(id, source, Optional.of(tag));
        List<MessageContent.Part> parts = new ArrayList<>();
        source.forEach(p -> parts.add(new MessageContent.Part(p.contentType(), p.data())));
        List<MessageContent.Part> sent = new ArrayList<>();
        tagged.forEach(p -> sent.add(new MessageContent.Part(p.contentType(), p.data())));
        parts.addAll(sent);
        Campaign.RecognitionRules r = Campaign.RecognitionRules.DEFAULTS;
        SeedReference ref = new SeedReference(id, parts, List.of(tag, SeedTagging.machineTag(id)),
                new SeedReference.Thresholds(r.imageMaxDistance(), r.imageMinQuality(), r.textMinContainment(),
                        keyPhrases, r.imageMinBlockAgreement()));
        return new Seed(id, kind, templateSeed, subject, tag, text, picture, jpeg, new MessageContent(subject, sent), ref,
                templateIndex);
    }
}
