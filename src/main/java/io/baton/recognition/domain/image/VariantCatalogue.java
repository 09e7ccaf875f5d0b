package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The standard edits of a seed picture, named, grouped by kind: what the benchmark applies to
 * make forwards and what the threshold measurements are made with. Each edit returns pixels;
 * codec edits go through the encoded bytes and back.
 */
public final class VariantCatalogue {

    /** Families of edits, each with its own distance distribution. */
    public enum Kind {
        /** Rotations and mirrorings: caught by the dihedral hashes, not by the threshold. */
        DIHEDRAL,
        CROP,
        SCALE,
        CODEC,
        COLOUR,
        OVERLAY,
        TONE
    }

    /** One edit: {@code edit} takes the picture and the randomness it may use. */
    public record Variant(String name, Kind kind, BiFunction<BufferedImage, Random, BufferedImage> edit) {
        public BufferedImage apply(BufferedImage picture, Random random) {
            return edit.apply(picture, random);
        }
    }

    private VariantCatalogue() {
    }

    public static List<Variant> standard() {
        List<Variant> v = new ArrayList<>();
        for (Dihedral d : Dihedral.values()) {
            if (d != Dihedral.ORIGINAL) {
                v.add(new Variant(d.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), Kind.DIHEDRAL,
                        (p, r) -> ImageVariants.transform(p, d)));
            }
        }
        for (int pct : new int[] { 5, 10, 15 }) {
            double f = pct / 100.0;
            v.add(new Variant("crop-all-edges-" + pct + "%", Kind.CROP, (p, r) -> ImageVariants.crop(p, f, f, f, f)));
            v.add(new Variant("crop-one-edge-" + pct + "%", Kind.CROP, (p, r) -> oneEdge(p, f, r)));
            v.add(new Variant("crop-random-" + pct + "%", Kind.CROP, (p, r) -> ImageVariants.crop(p,
                    f * r.nextDouble(), f * r.nextDouble(), f * r.nextDouble(), f * r.nextDouble())));
        }
        for (int[] size : new int[][] { { 640, 480 }, { 320, 240 }, { 160, 120 } }) {
            v.add(new Variant("fit-" + size[0] + "x" + size[1], Kind.SCALE, (p, r) -> ImageVariants.fit(p, size[0], size[1])));
            v.add(new Variant("stretch-" + size[0] + "x" + size[1], Kind.SCALE,
                    (p, r) -> ImageVariants.resize(p, size[0], size[1])));
        }
        for (int q : new int[] { 30, 50, 75 }) {
            v.add(new Variant("jpeg-q" + q, Kind.CODEC, (p, r) -> ImageVariants.read(ImageVariants.jpeg(p, q / 100f))));
        }
        v.add(new Variant("fit-320x240-jpeg-q50", Kind.CODEC,
                (p, r) -> ImageVariants.read(ImageVariants.jpeg(ImageVariants.fit(p, 320, 240), 0.5f))));
        v.add(new Variant("gif-256-dithered", Kind.CODEC, (p, r) -> ImageVariants.read(ImageVariants.gif(p))));
        v.add(new Variant("png", Kind.CODEC, (p, r) -> ImageVariants.read(ImageVariants.png(p))));
        v.add(new Variant("palette-256", Kind.COLOUR, (p, r) -> ImageVariants.palette256(p, false)));
        v.add(new Variant("palette-16-dithered", Kind.COLOUR, (p, r) -> ImageVariants.palette16(p, true)));
        v.add(new Variant("palette-16", Kind.COLOUR, (p, r) -> ImageVariants.palette16(p, false)));
        v.add(new Variant("greyscale", Kind.COLOUR, (p, r) -> ImageVariants.greyscale(p)));
        v.add(new Variant("caption-bar-5%", Kind.OVERLAY, (p, r) -> ImageVariants.captionBar(p, 0.05, r.nextBoolean(), r)));
        v.add(new Variant("caption-bar-10%", Kind.OVERLAY, (p, r) -> ImageVariants.captionBar(p, 0.10, r.nextBoolean(), r)));
        v.add(new Variant("logo-3%", Kind.OVERLAY, (p, r) -> ImageVariants.logo(p, 0.03, r)));
        v.add(new Variant("logo-10%", Kind.OVERLAY, (p, r) -> ImageVariants.logo(p, 0.10, r)));
        v.add(new Variant("brighter-20", Kind.TONE, (p, r) -> ImageVariants.tone(p, 20, 1.0)));
        v.add(new Variant("darker-20", Kind.TONE, (p, r) -> ImageVariants.tone(p, -20, 1.0)));
        v.add(new Variant("contrast-120%", Kind.TONE, (p, r) -> ImageVariants.tone(p, 0, 1.2)));
        v.add(new Variant("contrast-80%", Kind.TONE, (p, r) -> ImageVariants.tone(p, 0, 0.8)));
        return List.copyOf(v);
    }

    private static BufferedImage oneEdge(BufferedImage p, double f, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> ImageVariants.crop(p, f, 0, 0, 0);
            case 1 -> ImageVariants.crop(p, 0, f, 0, 0);
            case 2 -> ImageVariants.crop(p, 0, 0, f, 0);
            default -> ImageVariants.crop(p, 0, 0, 0, f);
        };
    }
}
