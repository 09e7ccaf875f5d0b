package io.baton.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.image.ArtworkFixtures;
import io.baton.recognition.domain.image.ImageVariants;
import io.baton.recognition.domain.image.VariantCatalogue;
import io.baton.recognition.domain.text.HandsetEdits;
import io.baton.recognition.domain.text.SeedTextFixtures;

/**
 * The negatives: messages no campaign may be credited for. Pictures that are no seed (other
 * artwork, photo-like art, flat cards, real photos), pictures made to look like a seed (its
 * template with other content, its banner and logo over another photo), and texts that look like
 * a seed text (another brand, another key sentence, half a seed then chat), chat, other campaigns'
 * texts; alone and paired. Each family has a weight; message {@code k} is a pure function of k.
 */
final class BenchNegatives {

    record Family(String name, int weight, Generator generator) {
    }

    interface Generator {
        BenchCorpus.Labelled make(Random r, String family);
    }

    private static final List<VariantCatalogue.Variant> EDITS = VariantCatalogue.standard();
    private static final int[][] SIZES = { { 640, 480 }, { 480, 640 }, { 320, 240 }, { 240, 320 }, { 800, 600 },
            { 176, 144 } };

    private final List<BenchSeeds.Seed> seeds;
    private final List<BufferedImage> photos;
    private final List<Family> families = new ArrayList<>();
    static final int POOL = 300;
    private final java.util.concurrent.ConcurrentHashMap<String, BufferedImage> pool = new java.util.concurrent.ConcurrentHashMap<>();
    private final int totalWeight;

    BenchNegatives(List<BenchSeeds.Seed> seeds, List<BufferedImage> photos) {
        this.seeds = seeds;
        this.photos = photos;
        List<BenchSeeds.Seed> templated = seeds.stream().filter(s -> s.kind() == BenchSeeds.Kind.TEMPLATED).toList();
        List<BenchSeeds.Seed> banners = seeds.stream().filter(s -> s.kind() == BenchSeeds.Kind.BANNER).toList();
        add("image: other artwork (not a seed), random edit", 8, (r, f) -> image(f, r, base(f, r, (id, s) ->
                ArtworkFixtures.artwork(1_000_000 + id, s[0], s[1])), r.nextBoolean()));
        add("image: photo-like art, random edit", 4, (r, f) -> image(f, r, base(f, r, (id, s) ->
                ArtworkFixtures.photo(2_000_000 + id, s[0], s[1])), r.nextBoolean()));
        add("image: flat card / sky", 2, (r, f) -> image(f, r, base(f, r, (id, s) ->
                ArtworkFixtures.flat(3_000_000 + id, s[0], s[1])), r.nextBoolean()));
        if (!templated.isEmpty()) {
            add("image: look-alike, a seed's template with other content", 8, (r, f) -> {
                BenchSeeds.Seed s = templated.get(r.nextInt(templated.size()));
                BufferedImage img = base(f + s.campaignId(), r, POOL / 4, (id, size) -> ArtworkFixtures.templated(s.templateSeed(),
                        4_000_000 + id, s.picture().getWidth(), s.picture().getHeight()));
                return image(f, r, img, r.nextBoolean());
            });
        }
        if (!banners.isEmpty()) {
            add("image: look-alike, a seed's banner and logo over another photo", 8, (r, f) -> {
                BenchSeeds.Seed s = banners.get(r.nextInt(banners.size()));
                BufferedImage img = base(f + s.campaignId(), r, POOL / 4, (id, size) -> ArtworkFixtures.bannerOverPhoto(
                        s.templateSeed(), 5_000_000 + id, s.picture().getWidth(), s.picture().getHeight()));
                return image(f, r, img, r.nextBoolean());
            });
        }
        if (!photos.isEmpty()) {
            add("image: real photo, cropped/scaled/recompressed", 14, (r, f) -> image(f, r, photo(r), false));
            add("image + negative text: real photo with chat or near-duplicate text", 8,
                    (r, f) -> image(f, r, photo(r), true));
        }
        add("text: same slogan, other brand", 10, (r, f) -> text(f, otherBrand(r), r));
        add("text: same template, other key sentence", 10, (r, f) -> text(f, otherKey(r), r));
        add("text: first half of a seed + other text", 10, (r, f) -> text(f, halfSeed(r), r));
        add("text: chat", 6, (r, f) -> text(f, chat(r), r));
        add("text: other campaigns' texts", 6, (r, f) -> text(f, pick(SeedTextFixtures.OTHER_CAMPAIGN_TEXTS, r), r));
        this.totalWeight = families.stream().mapToInt(Family::weight).sum();
    }

    private void add(String name, int weight, Generator g) {
        families.add(new Family(name, weight, g));
    }

    List<Family> families() {
        return families;
    }

    BenchCorpus.Labelled make(long k, long salt) {
        Random r = new Random(k * 0x9E3779B97F4A7C15L ^ salt);
        int w = (int) Math.floorMod(k * 7919L, totalWeight);
        for (Family f : families) {
            if (w < f.weight()) {
                return f.generator().make(r, f.name());
            }
            w -= f.weight();
        }
        throw new IllegalStateException();
    }

    /**
     * A generated picture from a pool of {@value #POOL} per family (a quarter of that per seed for
     * look-alikes), drawn once and kept: rendering costs more than the edit and encoding that make
     * each message's file different.
     */
    private BufferedImage base(String family, Random r, java.util.function.BiFunction<Integer, int[], BufferedImage> draw) {
        return base(family, r, POOL, draw);
    }

    private BufferedImage base(String family, Random r, int poolSize,
            java.util.function.BiFunction<Integer, int[], BufferedImage> draw) {
        int id = r.nextInt(poolSize);
        return pool.computeIfAbsent(family + "#" + id, k -> draw.apply(id, SIZES[id % SIZES.length]));
    }

    private static int[] size(Random r) {
        return SIZES[r.nextInt(SIZES.length)];
    }

    /** One real photo, cropped by up to 20% an edge, scaled to an MMS size; the JPEG quality varies. */
    private BufferedImage photo(Random r) {
        BufferedImage p = photos.get(r.nextInt(photos.size()));
        if (r.nextInt(3) > 0) {
            p = ImageVariants.crop(p, 0.2 * r.nextDouble(), 0.2 * r.nextDouble(), 0.2 * r.nextDouble(), 0.2 * r.nextDouble());
        }
        int[] s = size(r);
        return ImageVariants.fit(p, s[0], s[1]);
    }

    /** The picture after one random edit of the catalogue (or none), with a negative text half the time. */
    private BenchCorpus.Labelled image(String family, Random r, BufferedImage picture, boolean withText) {
        List<String> chain = r.nextBoolean() ? List.of() : List.of(EDITS.get(r.nextInt(EDITS.size())).name());
        BenchCorpus.Image img = BenchCorpus.edited(picture, chain, r);
        List<MessageContent.Part> parts = new ArrayList<>(List.of(img.part()));
        if (withText) {
            parts.add(BenchCorpus.utf8(switch (r.nextInt(4)) {
                case 0 -> otherBrand(r);
                case 1 -> halfSeed(r);
                case 2 -> pick(SeedTextFixtures.OTHER_CAMPAIGN_TEXTS, r);
                default -> chat(r);
            }));
        }
        return new BenchCorpus.Labelled(family, false, null, img.side(), new MessageContent(
                r.nextInt(3) == 0 ? pick(SeedTextFixtures.CHAT_TEXTS, r) : "", parts));
    }

    /** A text-only message, forwarded as handsets do (prefix, signature) half the time. */
    private BenchCorpus.Labelled text(String family, String text, Random r) {
        HandsetEdits.Edit e = switch (r.nextInt(6)) {
            case 0 -> HandsetEdits.PREFIX;
            case 1 -> HandsetEdits.SIGNATURE;
            case 2 -> HandsetEdits.TRADITIONAL;
            default -> HandsetEdits.NONE;
        };
        return new BenchCorpus.Labelled(family, false, null, -1, new MessageContent("",
                List.of(BenchCorpus.utf8(e.apply().apply(text, r)))));
    }

    private String template(Random r) {
        return SeedTextFixtures.SEED_TEMPLATES.get(seeds.get(r.nextInt(seeds.size())).templateIndex());
    }

    /** Not the torch's template: with another brand it still holds the whole torch text, so no negative. */
    private String otherBrand(Random r) {
        String t;
        do {
            t = template(r);
        } while (t.equals(SeedTextFixtures.SEED_TEMPLATES.get(0)) && seeds.size() > 1);
        List<String> brands = SeedTextFixtures.isChinese(t) ? SeedTextFixtures.OTHER_BRANDS_ZH
                : SeedTextFixtures.OTHER_BRANDS_EN;
        String brand;
        do {
            brand = pick(brands, r);
        } while (t.contains("{" + brand + "}"));
        return SeedTextFixtures.withBrand(t, brand);
    }

    private String otherKey(Random r) {
        String t = template(r);
        return SeedTextFixtures.withKeySentence(t, pick(SeedTextFixtures.isChinese(t)
                ? SeedTextFixtures.OTHER_KEY_SENTENCES_ZH : SeedTextFixtures.OTHER_KEY_SENTENCES_EN, r));
    }

    private String halfSeed(Random r) {
        return HandsetEdits.truncate(SeedTextFixtures.seedText(template(r)), 0.5) + chat(r) + chat(r);
    }

    private static String chat(Random r) {
        return pick(SeedTextFixtures.CHAT_TEXTS, r);
    }

    private static <T> T pick(List<T> options, Random r) {
        return options.get(r.nextInt(options.size()));
    }
}
