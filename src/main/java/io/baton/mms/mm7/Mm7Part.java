package io.baton.mms.mm7;

/**
 * One content part of an MM7 message (a leaf: nested multiparts are flattened in order), its body
 * already decoded from base64 or quoted-printable. {@code contentId} is without angle brackets.
 */
public record Mm7Part(String contentType, String contentId, String contentLocation, byte[] data) {

    public Mm7Part {
        contentType = contentType == null || contentType.isBlank() ? "text/plain" : contentType.strip();
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The media type without parameters, lower case ({@code text/plain}). */
    public String mediaType() {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code charset} parameter, or null. */
    public String charset() {
        return MimeParameters.of(contentType).get("charset");
    }
}
