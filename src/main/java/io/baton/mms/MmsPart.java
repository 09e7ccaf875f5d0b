package io.baton.mms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a multipart body (WAP-230 §8.5.3), or the whole of a single-part body: its content
 * type with parameters, Content-ID (as sent, angle brackets included when present),
 * Content-Location, Content-Disposition (each {@code null} when absent), the other part headers in
 * wire order, and the data octets (never transfer-decoded here).
 */
public record MmsPart(MmsContentType contentType, String contentId, String contentLocation,
        MmsContentDisposition contentDisposition, List<MmsHeader> extraHeaders, byte[] data) {

    public MmsPart {
        Objects.requireNonNull(contentType, "contentType");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
        data = data.clone();
    }

    public static MmsPart of(MmsContentType contentType, String contentId, String contentLocation, byte[] data) {
        return new MmsPart(contentType, contentId, contentLocation, null, List.of(), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    /** The data as text in the part's charset parameter; undeclared or unknown: UTF-8, else ISO-8859-1. */
    public String text() {
        String charset = contentType.parameter("charset");
        if (charset != null) {
            MmsCharset known = MmsCharset.byMib(MmsCharset.mibOfName(charset));
            if (known != null && known != MmsCharset.ANY) {
                String text = known.decode(data);
                return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
            }
        }
        String text = MmsCharset.decodeUndeclared(data);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** The name a handset would save the part under: filename, then name parameter, then Content-Location. */
    public String fileName() {
        if (contentDisposition != null && contentDisposition.parameter("filename") != null) {
            return contentDisposition.parameter("filename");
        }
        if (contentType.parameter("name") != null) {
            return contentType.parameter("name");
        }
        return contentLocation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MmsPart p && contentType.equals(p.contentType) && Objects.equals(contentId, p.contentId)
                && Objects.equals(contentLocation, p.contentLocation)
                && Objects.equals(contentDisposition, p.contentDisposition)
                && extraHeaders.equals(p.extraHeaders) && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, contentId, contentLocation, contentDisposition, extraHeaders) * 31
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String head = new String(data, 0, Math.min(16, data.length), StandardCharsets.ISO_8859_1);
        return "MmsPart[" + contentType + ", id=" + contentId + ", location=" + contentLocation + ", "
                + data.length + " octets " + head.replaceAll("\\p{Cntrl}", ".") + "]";
    }
}
