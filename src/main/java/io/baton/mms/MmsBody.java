package io.baton.mms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The message body after the Content-Type header. A multipart content type
 * (application/vnd.wap.multipart.related, .mixed, .alternative) carries its entries in
 * {@link #parts()}; any other content type carries exactly one part holding the whole body, whose
 * content type is the body's.
 */
public record MmsBody(MmsContentType contentType, List<MmsPart> parts) {

    public MmsBody {
        Objects.requireNonNull(contentType, "contentType");
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (!contentType.isMultipart() && parts.size() != 1) {
            throw new IllegalArgumentException("a single-part body has exactly one part, got " + parts.size());
        }
    }

    public static MmsBody multipart(MmsContentType contentType, List<MmsPart> parts) {
        return new MmsBody(contentType, parts);
    }

    public static MmsBody single(MmsContentType contentType, byte[] data) {
        return new MmsBody(contentType, List.of(new MmsPart(contentType, null, null, null, List.of(), data)));
    }

    public boolean isMultipart() {
        return contentType.isMultipart();
    }

    /**
     * The SMIL presentation: the part named by the {@code start} parameter when it is SMIL, else the
     * first application/smil part.
     */
    public Optional<MmsPart> smil() {
        String start = contentType.parameter("start");
        if (start != null) {
            for (MmsPart part : parts) {
                if (start.equals(part.contentId()) && part.contentType().is("application/smil")) {
                    return Optional.of(part);
                }
            }
        }
        return parts.stream().filter(p -> p.contentType().is("application/smil")).findFirst();
    }

    /** The SMIL presentation as text, in the part's charset. */
    public Optional<String> smilText() {
        return smil().map(MmsPart::text);
    }
}
