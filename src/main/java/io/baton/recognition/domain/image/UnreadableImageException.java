package io.baton.recognition.domain.image;

/**
 * A message part that cannot be used as a picture, and why. The one failure {@link ImageDecoding}
 * reports: whatever the image libraries throw underneath is caught and translated, so a hostile or
 * damaged attachment costs a rejection, never a crashed consumer.
 */
public final class UnreadableImageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Stable reasons, fit for a metric tag. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** More bytes than the configured maximum; refused before looking inside. */
        TOO_MANY_BYTES,
        /** Not JPEG, PNG, GIF, BMP or WBMP. */
        UNKNOWN_FORMAT,
        /** The header declares more pixels or a longer side than allowed; nothing was decoded. */
        TOO_LARGE,
        /** The data stops before the picture ends. */
        TRUNCATED,
        /** The format is known but the data is not a valid picture. */
        CORRUPT
    }

    private final Reason reason;
    private final String format;

    UnreadableImageException(Reason reason, String format, String detail) {
        super(reason + (format == null ? "" : " " + format) + ": " + detail);
        this.reason = reason;
        this.format = format;
    }

    UnreadableImageException(Reason reason, String format, String detail, Throwable cause) {
        this(reason, format, detail);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The format the bytes claimed to be ({@code "jpeg"}, {@code "png"}…), or null when unknown. */
    public String format() {
        return format;
    }
}
