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
            CropAlignment.Box box = CropAlignment.align(seed, CropAlignment.profiles(forward), 0.85).orElseThrow();
            assertThat(box.left()).as("left of crop %d", i).isCloseTo(l, within(0.03));
            assertThat(box.top()).as("top of crop %d", i).isCloseTo(t, within(0.03));
            assertThat(box.right()).as("right of crop %d", i).isCloseTo(rt, within(0.03));
            assertThat(box.bottom()).as("bottom of crop %d", i).isCloseTo(b, within(0.03));
            int d = hasher.hash(ImageVariants.crop(TORCH, box.left(), box.top(), box.right(), box.bottom())).hash()
                    .hammingDistance(hasher.hash(forward).hash());
            assertThat(d).as("PDQ distance after aligning crop %d", i).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void theWholePictureAlignsAsWhole() {
        BufferedImage forward = ImageVariants.read(ImageVariants.jpeg(ImageVariants.fit(TORCH, 160, 120), 0.4f));
        assertThat(CropAlignment.align(seed, CropAlignment.profiles(forward), 0.85)).hasValueSatisfying(
                b -> assertThat(b.isWhole()).as(b.toString()).isTrue());
    }

    @Test
    void aFlatPictureAlignsWithNothing() {
        BufferedImage flat = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        assertThat(CropAlignment.align(seed, CropAlignment.profiles(flat), 0.5)).isEmpty();
    }
}
