package io.baton.recognition.domain.tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.baton.recognition.domain.MessageContent;

/**
 * Puts the campaign's tag into a seed wherever it survives best, before Baton sends it. In 2008
 * the tag lived in one place and about one handset in ten lost it; here every layer carries one,
 * and recognition ({@link TagScanner}) reads them all:
 * <ul>
 * <li>the text part ends with the campaign's visible tag (when the campaign has one), as in 2008;
 * <li>a small separate text part holds the visible tag alone: a subscriber who rewrites the
 *     message text usually leaves other slides alone;
 * <li>the SMIL presentation carries the machine tag in a {@code <meta>} element: handsets keep
 *     the SMIL when they forward without editing;
 * <li>each JPEG carries the machine tag in a COM segment and an XMP packet: they survive when the
 *     handset forwards the file as it is but rebuilds the message around it.
 * </ul>
 * The machine tag ({@code baton:<campaign id>}) is invisible to the subscriber, so it is always
 * embedded; the visible tag only when the campaign defines one.
 */
public final class SeedTagging {

    public static final String SMIL_TYPE = "application/smil";
    public static final String META_NAME = "baton-tag";

    /** One part of the seed as it is sent: named, so the SMIL can refer to it. */
    public record TaggedPart(String contentType, String name, byte[] data) {
        public TaggedPart {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public boolean isSmil() {
            return contentType.toLowerCase(Locale.ROOT).startsWith(SMIL_TYPE);
        }
    }

    /** A seed part as the campaign defines it. */
    public record SourcePart(String contentType, byte[] data) {
    }

    private SeedTagging() {
    }

    public static String machineTag(String campaignId) {
        return "baton:" + campaignId;
    }

    /** The seed's parts as sent, SMIL first (the presentation's start part). */
    public static List<TaggedPart> compose(String campaignId, List<SourcePart> parts, Optional<String> visibleTag) {
        String machineTag = machineTag(campaignId);
        List<TaggedPart> media = new ArrayList<>();
        String existingSmil = null;
        boolean tagInText = false;
        for (int i = 0; i < parts.size(); i++) {
            SourcePart p = parts.get(i);
            String type = p.contentType().toLowerCase(Locale.ROOT);
            String name = "seed" + (i + 1) + extension(type);
            if (type.startsWith(SMIL_TYPE)) {
                existingSmil = new String(p.data(), StandardCharsets.UTF_8);
            } else if (type.startsWith("image/jpeg") || type.startsWith("image/jpg")) {
                media.add(new TaggedPart(p.contentType(), name, JpegMetadata.withTag(p.data(), machineTag)));
            } else if (type.startsWith("text/plain") && visibleTag.isPresent() && !tagInText) {
                String text = new MessageContent.Part(p.contentType(), p.data()).text();
                if (!text.contains(visibleTag.get())) {
                    text = text + " " + visibleTag.get();
                }
                tagInText = true;
                media.add(new TaggedPart(utf8(p.contentType()), name, text.getBytes(StandardCharsets.UTF_8)));
            } else {
                media.add(new TaggedPart(p.contentType(), name, p.data()));
            }
        }
        visibleTag.ifPresent(t -> media.add(new TaggedPart("text/plain; charset=utf-8", "tag.txt",
                t.getBytes(StandardCharsets.UTF_8))));
        String smil = existingSmil == null ? smil(media, machineTag) : withMeta(existingSmil, machineTag);
        List<TaggedPart> out = new ArrayList<>();
        out.add(new TaggedPart(SMIL_TYPE, "seed.smil", smil.getBytes(StandardCharsets.UTF_8)));
        out.addAll(media);
        return out;
    }

    /** A presentation of one slide per image (with the first text beneath it) and one per further text. */
    static String smil(List<TaggedPart> media, String machineTag) {
        StringBuilder body = new StringBuilder();
        List<TaggedPart> texts = new ArrayList<>();
        List<TaggedPart> images = new ArrayList<>();
        for (TaggedPart p : media) {
            (p.contentType().toLowerCase(Locale.ROOT).startsWith("text/") ? texts : images).add(p);
        }
        int slides = Math.max(images.size(), texts.size());
        for (int i = 0; i < slides; i++) {
            body.append("<par dur=\"8000ms\">");
            if (i < images.size()) {
                body.append("<img src=\"").append(images.get(i).name()).append("\" region=\"Image\"/>");
            }
            if (i < texts.size()) {
                body.append("<text src=\"").append(texts.get(i).name()).append("\" region=\"Text\"/>");
            }
            body.append("</par>");
        }
        return "<smil><head>" + meta(machineTag) + "<layout><root-layout width=\"100%\" height=\"100%\"/>"
                + "<region id=\"Image\" top=\"0\" left=\"0\" width=\"100%\" height=\"70%\" fit=\"meet\"/>"
                + "<region id=\"Text\" top=\"70%\" left=\"0\" width=\"100%\" height=\"30%\"/></layout></head>"
                + "<body>" + body + "</body></smil>";
    }

    /** The campaign's own SMIL with the tag's {@code <meta>} first in its head. */
    static String withMeta(String smil, String machineTag) {
        String lower = smil.toLowerCase(Locale.ROOT);
        int head = lower.indexOf("<head");
        if (head >= 0) {
            int close = smil.indexOf('>', head);
            if (close > 0 && smil.charAt(close - 1) != '/') {
                return smil.substring(0, close + 1) + meta(machineTag) + smil.substring(close + 1);
            }
        }
        int root = lower.indexOf("<smil");
        int close = root < 0 ? -1 : smil.indexOf('>', root);
        if (close < 0) {
            return smil; // not SMIL we understand: send it as the campaign wrote it
        }
        return smil.substring(0, close + 1) + "<head>" + meta(machineTag) + "</head>" + smil.substring(close + 1);
    }

    private static String meta(String machineTag) {
        return "<meta name=\"" + META_NAME + "\" content=\"" + machineTag.replace("\"", "&quot;") + "\"/>";
    }

    private static String utf8(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).contains("charset") ? contentType.replaceAll(
                "(?i)charset\\s*=\\s*\"?[A-Za-z0-9._:-]+\"?", "charset=utf-8") : contentType + "; charset=utf-8";
    }

    private static String extension(String type) {
        if (type.startsWith("image/jpeg") || type.startsWith("image/jpg")) {
            return ".jpg";
        }
        if (type.startsWith("image/")) {
            return "." + type.substring(6).split("[;+]")[0].strip();
        }
        if (type.startsWith("text/")) {
            return ".txt";
        }
        return ".bin";
    }
}
