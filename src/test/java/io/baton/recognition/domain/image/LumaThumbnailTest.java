package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LumaThumbnailTest {

    private final PdqHasher hasher = new PdqHasher();
    private final BufferedImage art = ArtworkFixtures.artwork(11, 640, 480);

    private LumaThumbnail thumbnail(BufferedImage img) {
        return hasher.hash(img).thumbnail();
    }

    @Test
    void turnsAsThePictureTurns() {
        DihedralHashes hashes = hasher.dihedralHashes(art);
        for (Dihedral d : Dihedral.values()) {
            LumaThumbnail expected = thumbnail(ImageVariants.transform(art, d));
            LumaThumbnail turned = hashes.thumbnail(d);
            double worst = 0;
            for (int y = 0; y < LumaThumbnail.SIDE; y++) {
                for (int x = 0; x < LumaThumbnail.SIDE; x++) {
                    worst = Math.max(worst, Math.abs(expected.get(x, y) - turned.get(x, y)));
                }
            }
            // the box filters lean right on even windows, so a turned picture samples a pixel apart
            assertThat(worst).as("%s: largest difference of 0..255", d).isLessThan(24);
            assertThat(LumaThumbnail.agreement(turned, expected).count()).as("%s", d).isEqualTo(64);
        }
    }

    @Test
    void everyBlockAgreesUnderToneAndRecompression() {
        LumaThumbnail seed = thumbnail(art);
        assertThat(LumaThumbnail.agreement(seed, seed).count()).isEqualTo(64);
        for (BufferedImage edited : new BufferedImage[] { ImageVariants.tone(art, 20, 1.0), ImageVariants.tone(art, 0, 0.8),
                ImageVariants.read(ImageVariants.jpeg(art, 0.3f)), ImageVariants.fit(art, 320, 240) }) {
            LumaThumbnail.Agreement a = LumaThumbnail.agreement(seed, thumbnail(edited));
            assertThat(a.fraction()).isGreaterThanOrEqualTo(0.9); // brightening clips highlights: not affine there
            assertThat(a.centreFraction()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void aLogoInACornerLeavesTheRestAndTheMiddleAgreeing() {
        LumaThumbnail seed = thumbnail(art);
        for (int i = 0; i < 20; i++) {
            LumaThumbnail.Agreement a = LumaThumbnail.agreement(seed, thumbnail(ImageVariants.logo(art, 0.10, new Random(i))));
            assertThat(a.fraction()).as("logo %d", i).isBetween(0.8, 0.95);
            // the logo is a quarter of the width from its corner, so it may reach into the middle quarter's edge
            assertThat(a.centreFraction()).as("logo %d", i).isGreaterThanOrEqualTo(0.875);
            assertThat(a.gain()).isBetween(0.8, 1.25);
        }
    }

    /**
     * A look-alike in the seed's template agrees around the edges, where the template is: over
     * 200 contents up to 89% of all blocks, so the whole-picture share alone cannot tell it from
     * the seed under a logo. The middle quarter does (at most 56% there, the rule wants 85%).
     */
    @Test
    void otherContentInTheSameTemplateDisagreesInTheMiddle() {
        LumaThumbnail seed = thumbnail(ArtworkFixtures.templated(5, 1, 640, 480));
        for (long content = 2; content < 42; content++) {
            LumaThumbnail.Agreement a = LumaThumbnail.agreement(seed,
                    thumbnail(ArtworkFixtures.templated(5, content, 640, 480)));
            assertThat(a.centreFraction()).as("content %d", content).isLessThan(0.7);
        }
    }

    @Test
    void theProfilesSummedWhileHashingAreThoseOfThePicture() {
        for (BufferedImage img : new BufferedImage[] { art, ImageVariants.fit(art, 97, 61), ImageVariants.greyscale(art) }) {
            CropAlignment.Profiles expected = profilesInASeparatePass(img);
            CropAlignment.Profiles summed = hasher.summarise(img).profiles();
            assertThat(summed.columns()).containsExactly(expected.columns(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(summed.rows()).containsExactly(expected.rows(), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    private static CropAlignment.Profiles profilesInASeparatePass(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] luma = new float[w * h];
        Luminance.read(img, luma);
        double[] columns = new double[w];
        double[] rows = new double[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                columns[x] += luma[y * w + x] / (double) h;
                rows[y] += luma[y * w + x] / (double) w;
            }
        }
        return new CropAlignment.Profiles(columns, rows);
    }

    @Test
    void eachCellIsTheMeanOfItsPixels() {
        BufferedImage img = ImageVariants.fit(art, 100, 75);
        float[] luma = new float[img.getWidth() * img.getHeight()];
        Luminance.read(img, luma);
        LumaThumbnail t = thumbnail(img);
        for (int cy : new int[] { 0, 13, 31 }) {
            for (int cx : new int[] { 0, 7, 31 }) {
                double sum = 0;
                int n = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        if (x * 32 / img.getWidth() == cx && y * 32 / img.getHeight() == cy) {
                            sum += luma[y * img.getWidth() + x];
                            n++;
                        }
                    }
                }
                assertThat((double) t.get(cx, cy)).as("cell %d,%d", cx, cy).isCloseTo(sum / n, org.assertj.core.data.Offset.offset(1e-2));
            }
        }
    }

    @Test
    void aNegativeOrFlatPictureAgreesNowhere() {
        LumaThumbnail seed = thumbnail(art);
        BufferedImage negative = new BufferedImage(art.getWidth(), art.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < art.getHeight(); y++) {
            for (int x = 0; x < art.getWidth(); x++) {
                negative.setRGB(x, y, ~art.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(LumaThumbnail.agreement(seed, thumbnail(negative)).count()).isZero();
        BufferedImage flat = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        assertThat(LumaThumbnail.agreement(thumbnail(flat), seed).count()).isZero();
    }
}
