package io.baton.mms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Content-type-value: the media type (well-known ones spelt as in WAP-230 Table 40) and its
 * parameters keyed by lower-case name ({@code type}, {@code start}, {@code charset},
 * {@code name}, {@code filename}, ...), in wire order. Charset values are canonical charset names.
 */
public record MmsContentType(String mediaType, Map<String, String> parameters) {

    public MmsContentType {
        Objects.requireNonNull(mediaType, "mediaType");
        Map<String, String> copy = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v, k)));
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    public static MmsContentType of(String mediaType) {
        return new MmsContentType(mediaType, Map.of());
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** application/vnd.wap.multipart.* and multipart/*: the body is a WSP multipart. */
    public boolean isMultipart() {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/vnd.wap.multipart.") || lower.startsWith("multipart/");
    }

    public boolean is(String otherMediaType) {
        return mediaType.equalsIgnoreCase(otherMediaType);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(mediaType);
        parameters.forEach((k, v) -> s.append("; ").append(k).append('=').append(v));
        return s.toString();
    }
}
