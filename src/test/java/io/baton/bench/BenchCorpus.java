package io.baton.bench;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.image.ImageVariants;
import io.baton.recognition.domain.image.VariantCatalogue;
import io.baton.recognition.domain.tag.JpegMetadata;
import io.baton.recognition.domain.tag.SeedTagging;
import io.baton.recognition.domain.text.HandsetEdits;

/**
 * The labelled positives: every seed under every named modification (the 40 image edits alone,
 * every handset text edit alone, and combinations), generated deterministically from the message
 * number so generation runs in parallel and reruns give the same corpus.
 */
final class BenchCorpus {

    /** One labelled message; {@code imageSide} is the longer side of its picture, or -1 without one. */
    record Labelled(String type, boolean positive, String campaignId, int imageSide, MessageContent content) {
        boolean hasImage() {
            return imageSide >= 0;
        }
    }

    /** A modification type: its name and how it makes a forward of a seed. */
    record Modification(String name, Generator generator) {
    }

    interface Generator {
        Labelled make(BenchSeeds.Seed seed, Random r, String type);
    }

    static final String TEXT_TYPE = "text/plain; charset=utf-8";

    private static final List<VariantCatalogue.Variant> EDITS = VariantCatalogue.standard();
    private static final Map<String, VariantCatalogue.Variant> BY_NAME = EDITS.stream()
            .collect(Collectors.toMap(VariantCatalogue.Variant::name, Function.identity()));
    private static final List<HandsetEdits.Edit> TEXT_EDITS = HandsetEdits.all();
    /** MMSC and handset chains: several image edits in a row, as a forward that went through both. */
    static final List<List<String>> CHAINS = List.of(List.of("crop-random-10%", "fit-320x240", "jpeg-q50"),
            List.of("rotate-90", "fit-640x480", "gif-256-dithered"), List.of("flip-y", "palette-16-dithered", "png"),
            List.of("crop-one-edge-5%", "greyscale", "jpeg-q30"), List.of("caption-bar-5%", "stretch-320x240", "jpeg-q50"),
            List.of("crop-all-edges-5%", "rotate-270", "fit-320x240", "palette-256"));
    private static final List<String> SUBJECTS = List.of("Fwd: 看看这个", "好东西", "Fw: check this out", "转发", "",
            "for you", "哈哈");

    private BenchCorpus() {
    }

    static List<Modification> modifications() {
        List<Modification> m = new ArrayList<>();
        m.add(new Modification("exact: the seed as Baton sends it", (s, r, t) -> positive(t, s, s.longerSide(), s.sent())));
        for (VariantCatalogue.Variant v : EDITS) {
            m.add(new Modification("image: " + v.name() + " (" + v.kind().name().toLowerCase() + ")", (s, r, t) -> {
                Image img = edited(s.picture(), List.of(v.name()), r);
                return positive(t, s, img.side(), new MessageContent("", List.of(img.part())));
            }));
        }
        for (List<String> chain : CHAINS) {
            m.add(new Modification("image: " + String.join(" + ", chain), (s, r, t) -> {
                Image img = edited(s.picture(), chain, r);
                return positive(t, s, img.side(), new MessageContent("", List.of(img.part())));
            }));
        }
        for (HandsetEdits.Edit e : TEXT_EDITS) {
            m.add(new Modification("text: " + e.name(), (s, r, t) -> positive(t, s, -1,
                    new MessageContent("", List.of(text(e, s.text(), r))))));
        }
        m.add(new Modification("tag lost: seed picture re-encoded, seed text without tag, no SMIL", (s, r, t) -> {
            Image img = edited(s.picture(), List.of(), r);
            return positive(t, s, img.side(), new MessageContent(s.subject(), List.of(img.part(), utf8(s.text()))));
        }));
        for (int k = 0; k < 3; k++) {
            m.add(new Modification("combo: image edit + text edit, tag lost (" + (k + 1) + ")", (s, r, t) -> {
                Image img = edited(s.picture(), List.of(EDITS.get(r.nextInt(EDITS.size())).name()), r);
                HandsetEdits.Edit e = TEXT_EDITS.get(1 + r.nextInt(TEXT_EDITS.size() - 1));
                return positive(t, s, img.side(), new MessageContent("", List.of(img.part(), text(e, s.text(), r))));
            }));
        }
        m.add(new Modification("combo: MMSC chain + text edit, tag lost", (s, r, t) -> {
            Image img = edited(s.picture(), CHAINS.get(r.nextInt(CHAINS.size())), r);
            HandsetEdits.Edit e = TEXT_EDITS.get(1 + r.nextInt(TEXT_EDITS.size() - 1));
            return positive(t, s, img.side(), new MessageContent("", List.of(text(e, s.text(), r), img.part())));
        }));
        m.add(new Modification("combo: JPEG rewritten (edit) kept its COM/XMP tag + text edit", (s, r, t) -> {
            List<String> jpegSafe = List.of("fit-320x240", "crop-random-5%", "rotate-90", "caption-bar-10%", "logo-10%",
                    "palette-16", "crop-all-edges-15%", "stretch-160x120");
            Image img = edited(s.picture(), List.of(jpegSafe.get(r.nextInt(jpegSafe.size()))), r, true);
            byte[] tagged = JpegMetadata.withTag(img.part().data(), SeedTagging.machineTag(s.campaignId()));
            HandsetEdits.Edit e = TEXT_EDITS.get(1 + r.nextInt(TEXT_EDITS.size() - 1));
            return positive(t, s, img.side(), new MessageContent("", List.of(new MessageContent.Part("image/jpeg", tagged),
                    text(e, s.text(), r))));
        }));
        m.add(new Modification("combo: SMIL dropped, parts reordered", (s, r, t) -> {
            List<MessageContent.Part> parts = new ArrayList<>(s.sent().parts().stream()
                    .filter(p -> !p.contentType().startsWith(SeedTagging.SMIL_TYPE)).toList());
            java.util.Collections.shuffle(parts, r);
            return positive(t, s, s.longerSide(), new MessageContent(s.subject(), parts));
        }));
        m.add(new Modification("combo: subject replaced", (s, r, t) -> positive(t, s, s.longerSide(),
                new MessageContent(SUBJECTS.get(r.nextInt(SUBJECTS.size())), s.sent().parts()))));
        m.add(new Modification("combo: image edit + \"my friend says: <seed text>\", tag lost", (s, r, t) -> {
            Image img = edited(s.picture(), List.of(EDITS.get(r.nextInt(EDITS.size())).name()), r);
            return positive(t, s, img.side(), new MessageContent("", List.of(img.part(),
                    utf8("my friend says: " + s.text()))));
        }));
        return m;
    }

    private static Labelled positive(String type, BenchSeeds.Seed s, int side, MessageContent c) {
        return new Labelled(type, true, s.campaignId(), side, c);
    }

    /** A picture as a handset or MMSC writes it, and its longer side. */
    record Image(MessageContent.Part part, int side) {
    }

    static Image edited(BufferedImage picture, List<String> chain, Random r) {
        return edited(picture, chain, r, false);
    }

    /**
     * The picture through the named edits, then encoded: GIF after a GIF edit, PNG after a PNG or
     * palette edit, otherwise JPEG (at the edit's quality for jpeg-qNN, else at a random handset
     * quality 0.70–0.95, so repeated edits still make different files as different handsets do).
     */
    static Image edited(BufferedImage picture, List<String> chain, Random r, boolean forceJpeg) {
        BufferedImage img = picture;
        for (String name : chain) {
            VariantCatalogue.Variant v = BY_NAME.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no image edit named " + name);
            }
            img = v.apply(img, r);
        }
        String last = chain.isEmpty() ? "" : chain.get(chain.size() - 1);
        byte[] data;
        String type;
        if (!forceJpeg && last.startsWith("gif")) {
            data = ImageVariants.gif(img);
            type = "image/gif";
        } else if (!forceJpeg && (last.equals("png") || last.startsWith("palette"))) {
            data = ImageVariants.png(img);
            type = "image/png";
        } else {
            float q = last.startsWith("jpeg-q") ? Integer.parseInt(last.substring(6)) / 100f : 0.70f + 0.25f * r.nextFloat();
            data = ImageVariants.jpeg(rgb(img), q);
            type = "image/jpeg";
        }
        return new Image(new MessageContent.Part(type, data), Math.max(img.getWidth(), img.getHeight()));
    }

    static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    /** The edited text in the charset the edit implies (GB2312 and Big5 re-encodings keep theirs). */
    static MessageContent.Part text(HandsetEdits.Edit e, String seedText, Random r) {
        String edited = e.apply().apply(seedText, r);
        String charset = e.name().contains("GB2312") ? "GB2312" : e.name().contains("Big5") ? "Big5" : null;
        if (charset == null) {
            return utf8(edited);
        }
        return new MessageContent.Part("text/plain; charset=" + charset, edited.getBytes(Charset.forName(charset)));
    }

    static MessageContent.Part utf8(String text) {
        return new MessageContent.Part(TEXT_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }
}
