package io.baton.recognition.domain.tag;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.baton.recognition.domain.MessageContent;

/**
 * Finds campaign tags in every layer of a message that can carry one: the subject, the text
 * parts, the SMIL presentation and JPEG metadata (see {@link SeedTagging} for where Baton puts
 * them). Tags and texts are compared after NFKC, case folding and removal of white space, so a
 * handset that turns "#" into "＃" or breaks a line inside the tag does not lose it.
 */
public final class TagScanner {

    /** Where in a message a tag was found. */
    public enum Layer {
        SUBJECT, TEXT, SMIL, IMAGE_METADATA
    }

    /** A tag of {@code campaignId} found in {@code layer} (part index, or -1 for the subject). */
    public record TagHit(String campaignId, String tag, Layer layer, int part) {
    }

    private final Map<String, List<String>> campaignsByTag;
    private final Map<String, String> originalTag;

    /** @param tags tag → campaign id */
    public TagScanner(Map<String, String> tags) {
        this(List.copyOf(tags.entrySet()));
    }

    /**
     * @param tags (tag, campaign id) pairs, as many per campaign as it has; a tag that several
     *        campaigns give (also after folding: a campaign run again) is a hit for each of them,
     *        and recognition weighs it against their other signals and their windows
     */
    public TagScanner(List<Map.Entry<String, String>> tags) {
        Map<String, java.util.LinkedHashSet<String>> byTag = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : tags) {
            String key = fold(t.getKey());
            if (key.isEmpty()) {
                continue;
            }
            byTag.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(t.getValue());
            original.putIfAbsent(key, t.getKey());
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        byTag.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.campaignsByTag = java.util.Collections.unmodifiableMap(frozen);
        this.originalTag = Map.copyOf(original);
    }

    public List<TagHit> scan(MessageContent message) {
        List<TagHit> hits = new ArrayList<>();
        if (campaignsByTag.isEmpty()) {
            return hits;
        }
        find(message.subject(), Layer.SUBJECT, -1, hits);
        for (int i = 0; i < message.parts().size(); i++) {
            MessageContent.Part p = message.parts().get(i);
            String type = p.contentType().toLowerCase(Locale.ROOT);
            if (type.startsWith(SeedTagging.SMIL_TYPE) || type.startsWith("application/vnd.wap.smil")) {
                find(new String(p.data(), StandardCharsets.UTF_8), Layer.SMIL, i, hits);
            } else if (p.isText()) {
                find(p.text(), Layer.TEXT, i, hits);
            } else if (JpegMetadata.isJpeg(p.data())) {
                for (String t : JpegMetadata.texts(p.data())) {
                    find(t, Layer.IMAGE_METADATA, i, hits);
                }
            }
        }
        return hits;
    }

    private void find(String text, Layer layer, int part, List<TagHit> hits) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String folded = fold(text);
        campaignsByTag.forEach((tag, campaigns) -> {
            if (folded.contains(tag)) {
                campaigns.forEach(campaign -> hits.add(new TagHit(campaign, originalTag.get(tag), layer, part)));
            }
        });
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
