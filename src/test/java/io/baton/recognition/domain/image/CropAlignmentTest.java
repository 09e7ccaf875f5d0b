package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CropAlignmentTest {

    private static final BufferedImage TORCH = torch();

    private static BufferedImage torch() {
        try {
            return ImageVariants.read(Files.readAllBytes(Path.of("campaigns/torch.jpg")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final PdqHasher hasher = new PdqHasher();
    private final CropAlignment.Plane seed = CropAlignment.plane(TORCH);

    @Test
    void findsTheCropOfARescaledRecompressedForwardWithinThreePercent() {
        Random r = new Random(3);
        for (int i = 0; i < 40; i++) {
            double l = 0.15 * r.nextDouble();
            double t = 0.15 * r.nextDouble();
            double rt = 0.15 * r.nextDouble();
            double b = 0.15 * r.nextDouble();
            BufferedImage forward = ImageVariants.read(ImageVariants.jpeg(
                    ImageVariants.fit(ImageVariants.crop(TORCH, l, t, rt, b), 200, 200), 0.5f));
            CropAlignment.Box box = CropAlignment.align(seed, hasher.summarise(forward), 0.85).orElseThrow().box();
            assertThat(box.left()).as("left of crop %d", i).isCloseTo(l, within(0.02));
            assertThat(box.top()).as("top of crop %d", i).isCloseTo(t, within(0.02));
            assertThat(box.right()).as("right of crop %d", i).isCloseTo(rt, within(0.02));
            assertThat(box.bottom()).as("bottom of crop %d", i).isCloseTo(b, within(0.02));
            int d = hasher.hash(ImageVariants.crop(TORCH, box.left(), box.top(), box.right(), box.bottom())).hash()
                    .hammingDistance(hasher.hash(forward).hash());
            assertThat(d).as("PDQ distance after aligning crop %d", i).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void theWholePictureAlignsAsWhole() {
        BufferedImage forward = ImageVariants.read(ImageVariants.jpeg(ImageVariants.fit(TORCH, 160, 120), 0.4f));
        assertThat(CropAlignment.align(seed, hasher.summarise(forward), 0.85)).hasValueSatisfying(
                a -> assertThat(a.box().isWhole()).as(a.toString()).isTrue());
    }

    @Test
    void aFlatPictureAlignsWithNothing() {
        BufferedImage flat = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        assertThat(CropAlignment.align(seed, hasher.summarise(flat), 0.5)).isEmpty();
    }

    @Test
    void aFramedPictureCroppedAtRandomIsPlacedWithinTwoPercentPerEdge() {
        // profiles alone placed a third of these more than 2% off: the frame dominates each axis
        BufferedImage framed = ArtworkFixtures.templated(14, 8, 320, 240);
        CropAlignment.Plane plane = CropAlignment.plane(framed);
        Random r = new Random(14);
        for (int i = 0; i < 40; i++) {
            double[] cut = { 0.15 * r.nextDouble(), 0.15 * r.nextDouble(), 0.15 * r.nextDouble(), 0.15 * r.nextDouble() };
            BufferedImage forward = ImageVariants.read(ImageVariants.jpeg(
                    ImageVariants.crop(framed, cut[0], cut[1], cut[2], cut[3]), 0.8f));
            CropAlignment.Box box = CropAlignment.align(plane, hasher.summarise(forward), 0.85).orElseThrow().box();
            double[] found = { box.left(), box.top(), box.right(), box.bottom() };
            for (int e = 0; e < 4; e++) {
                assertThat(found[e]).as("edge %d of crop %d", e, i).isCloseTo(cut[e], within(0.02));
            }
        }
    }

    @Test
    void unrelatedArtworkIsNotACropOfTheSeed() {
        int aligned = 0;
        for (long s = 0; s < 60; s++) {
            aligned += CropAlignment.align(seed, hasher.summarise(ArtworkFixtures.artwork(500 + s, 320, 240)), 0.85)
                    .isPresent() ? 1 : 0;
        }
        assertThat(aligned).as("of 60 unrelated pictures").isLessThanOrEqualTo(3);
    }
}
