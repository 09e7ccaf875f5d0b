package io.baton.mms.mime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One leaf of the MIME tree, as the sender (or the carrier) put it there, transfer encoding undone.
 *
 * @param contentType     media type with its parameters as mime4j read them, e.g.
 *                        {@code text/plain; charset=gb2312}; defaulted per RFC 2045 when the part has none
 * @param fileName        Content-Disposition filename or Content-Type name, RFC 2047/2231 decoded; null when absent
 * @param contentId       Content-ID without its angle brackets (what {@code cid:} URLs name); null when absent
 * @param contentLocation Content-Location as given; null when absent
 * @param data            decoded bytes; text stays in the charset named by {@code contentType}
 */
public record MimePart(String contentType, String fileName, String contentId, String contentLocation, byte[] data) {

    public MimePart {
        Objects.requireNonNull(contentType, "contentType");
        data = data.clone();
    }

    /** A copy: the part stays immutable however callers use the array. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of decoded bytes, without copying them. */
    public int size() {
        return data.length;
    }

    /** {@code type/subtype} in lower case, without parameters. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MimePart that && contentType.equals(that.contentType)
                && Objects.equals(fileName, that.fileName) && Objects.equals(contentId, that.contentId)
                && Objects.equals(contentLocation, that.contentLocation) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, fileName, contentId, contentLocation, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "MimePart[" + contentType + ", fileName=" + fileName + ", contentId=" + contentId
                + ", contentLocation=" + contentLocation + ", " + data.length + " bytes]";
    }
}
