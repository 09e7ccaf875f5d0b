package io.baton.recognition.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.baton.support.SeededRandom;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.image.Dihedral;
import io.baton.recognition.domain.image.ImageVariants;

class ImageEvidenceTest {

    static final SeedReference.Thresholds THRESHOLDS = new SeedReference.Thresholds(31, 50, 0.8);
    static final byte[] TORCH = read("campaigns/torch.jpg");
    static final BufferedImage TORCH_PIXELS = ImageVariants.read(TORCH);

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A busy picture of our own: random shapes on a gradient, different for every seed. */
    static BufferedImage picture(long seed, int width, int height) {
        Random r = new SeededRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(r.nextInt()), width, height, new Color(r.nextInt())));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(r.nextInt()));
            int w = 10 + r.nextInt(width / 3);
            int h = 10 + r.nextInt(height / 3);
            if (r.nextBoolean()) {
                g.fillOval(r.nextInt(width), r.nextInt(height), w, h);
            } else {
                g.fillRect(r.nextInt(width), r.nextInt(height), w, h);
            }
        }
        g.dispose();
        return img;
    }

    static MessageContent.Part jpeg(BufferedImage img, float quality) {
        return new MessageContent.Part("image/jpeg", ImageVariants.jpeg(img, quality));
    }

    static SeedReference seed(String campaign, MessageContent.Part... parts) {
        return new SeedReference(campaign, List.of(parts), List.of(), THRESHOLDS);
    }

    private final ImageEvidence torchAndSpring = new ImageEvidence(List.of(
            seed("torch", new MessageContent.Part("image/jpeg", TORCH)),
            seed("spring", jpeg(picture(7, 640, 480), 0.9f))));

    private List<Evidence> evidence(MessageContent.Part... parts) {
        return torchAndSpring.evidence(new MessageContent("", List.of(parts)));
    }

    @Test
    void recognisesTheSeedImageRecompressedRescaledAndConverted() {
        assertThat(evidence(jpeg(TORCH_PIXELS, 0.3f))).singleElement().satisfies(e -> {
            assertThat(e.campaignId()).isEqualTo("torch");
            assertThat(e.decisive()).isTrue();
            assertThat(e.detail()).contains("PDQ distance").contains("threshold 31");
        });
        assertThat(evidence(jpeg(ImageVariants.fit(TORCH_PIXELS, 160, 120), 0.6f)))
                .extracting(Evidence::campaignId, Evidence::decisive).containsExactly(org.assertj.core.groups.Tuple.tuple("torch", true));
        assertThat(evidence(new MessageContent.Part("image/gif", ImageVariants.gif(TORCH_PIXELS))))
                .extracting(Evidence::campaignId).containsExactly("torch");
    }

    @Test
    void recognisesTheSeedImageRotatedMirroredAndCropped() {
        assertThat(evidence(jpeg(ImageVariants.transform(TORCH_PIXELS, Dihedral.values()[1]), 0.8f)))
                .extracting(Evidence::campaignId).containsExactly("torch");
        assertThat(evidence(jpeg(ImageVariants.crop(TORCH_PIXELS, 0.12, 0.0, 0.0, 0.08), 0.8f)))
                .extracting(Evidence::campaignId).containsExactly("torch");
    }

    @Test
    void recognisesTheSeedUnderALogoOrCaptionByItsBlocksWhenTheHashIsTooFar() {
        BufferedImage art = io.baton.recognition.domain.image.ArtworkFixtures.artwork(3, 640, 480);
        ImageEvidence artOnly = new ImageEvidence(List.of(seed("art", jpeg(art, 0.9f))));
        ImageEvidence off = new ImageEvidence(List.of(new SeedReference("art", List.of(jpeg(art, 0.9f)), List.of(),
                new SeedReference.Thresholds(31, 50, 0.8, List.of(), 1.0))));
        int byBlocks = 0;
        for (int i = 0; i < 12; i++) {
            Random r = new Random(i);
            BufferedImage overlaid = i % 2 == 0 ? ImageVariants.logo(art, 0.10, r) : ImageVariants.captionBar(art, 0.10, r.nextBoolean(), r);
            List<Evidence> found = artOnly.evidence(new MessageContent("", List.of(jpeg(overlaid, 0.8f))));
            assertThat(found).as("overlay %d", i).singleElement().satisfies(e -> {
                assertThat(e.campaignId()).isEqualTo("art");
                assertThat(e.decisive()).isTrue();
            });
            if (found.get(0).detail().contains("blocks agree")) {
                byBlocks++;
                assertThat(off.evidence(new MessageContent("", List.of(jpeg(overlaid, 0.8f)))))
                        .as("overlay %d with imageMinBlockAgreement 1", i).noneMatch(Evidence::decisive);
            }
        }
        assertThat(byBlocks).as("overlays the hash alone missed").isPositive();
    }

    @Test
    void aLookAlikeSharingTheSeedsTemplateIsNotTheSeed() {
        var fixtures = new Object() {
            BufferedImage templated(long content) {
                return io.baton.recognition.domain.image.ArtworkFixtures.templated(5, content, 640, 480);
            }
        };
        ImageEvidence templated = new ImageEvidence(List.of(seed("templated", jpeg(fixtures.templated(1), 0.9f))));
        for (long content = 2; content < 32; content++) {
            assertThat(templated.evidence(new MessageContent("", List.of(jpeg(fixtures.templated(content), 0.8f)))))
                    .as("content %d", content).noneMatch(Evidence::decisive);
        }
    }

    @Test
    void recognisesTheSeedReducedToSixteenColoursWithoutDithering() {
        assertThat(evidence(new MessageContent.Part("image/png", ImageVariants.png(ImageVariants.palette16(TORCH_PIXELS, false)))))
                .extracting(Evidence::campaignId, Evidence::decisive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("torch", true));
    }

    @Test
    void doesNotDecodeAnImageIdenticalToTheSeedTheExactSignalHasIt() {
        assertThat(evidence(new MessageContent.Part("image/jpeg", TORCH.clone()))).isEmpty();
    }

    @Test
    void unrelatedPicturesAreNotTheSeed() {
        for (long s = 100; s < 130; s++) {
            assertThat(evidence(jpeg(picture(s, 320, 240), 0.7f))).as("picture %d", s)
                    .noneMatch(Evidence::decisive);
        }
    }

    @Test
    void aPictureSharedByTwoCampaignsIsEvidenceForBothAndTheDecisionRefusesIt() {
        BufferedImage banner = picture(42, 400, 300);
        List<SeedReference> seeds = List.of(seed("a", jpeg(banner, 0.9f), jpeg(picture(1, 400, 300), 0.9f)),
                seed("b", jpeg(banner, 0.85f), jpeg(picture(2, 400, 300), 0.9f)));
        ImageEvidence shared = new ImageEvidence(seeds);
        MessageContent bannerOnly = new MessageContent("", List.of(jpeg(banner, 0.5f)));
        assertThat(shared.evidence(bannerOnly)).extracting(Evidence::campaignId).containsExactlyInAnyOrder("a", "b");
        Recognition r = Recognition.decide(shared.evidence(bannerOnly));
        assertThat(r.recognised()).isFalse();
        assertThat(r.ambiguousBetween()).containsExactlyInAnyOrder("a", "b");
        // ... unless only one of them takes part (the other has ended)
        assertThat(Recognition.decide(shared.evidence(bannerOnly), "b"::equals).campaignId()).contains("b");
        assertThat(shared.evidence(new MessageContent("", List.of(jpeg(picture(2, 400, 300), 0.5f)))))
                .extracting(Evidence::campaignId).containsExactly("b");
        // the banner beside b's own picture: b has the more signals
        assertThat(Recognition.decide(shared.evidence(new MessageContent("", List.of(jpeg(banner, 0.5f),
                jpeg(picture(2, 400, 300), 0.5f))))).campaignId()).contains("b");
    }

    @Test
    void iconsFlatPicturesAndBrokenFilesSayNothing() {
        BufferedImage flat = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        assertThat(evidence(jpeg(ImageVariants.fit(TORCH_PIXELS, 40, 30), 0.9f))).isEmpty();
        assertThat(evidence(jpeg(flat, 0.9f))).isEmpty();
        assertThat(evidence(new MessageContent.Part("image/jpeg", java.util.Arrays.copyOf(TORCH, 200)))).isEmpty();
        assertThat(evidence(new MessageContent.Part("image/png", new byte[] { 1, 2, 3 }))).isEmpty();
    }

    @Test
    void aFlatSeedImageIsNotIndexed() {
        BufferedImage flat = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        ImageEvidence e = new ImageEvidence(List.of(seed("flat", jpeg(flat, 0.9f))));
        assertThat(e.evidence(new MessageContent("", List.of(jpeg(flat, 0.5f))))).isEmpty();
    }
}
