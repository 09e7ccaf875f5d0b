package io.baton.mms.mime;

/**
 * A raw message that cannot be read as an MMS delivered by e-mail. The one exception type of this
 * package: callers map {@link #reason()} to a rejection, the message says what was found.
 */
public final class MimeMmsException extends RuntimeException {

    /** Why the message was refused; stable, for counters and problem types. */
    public enum Reason {
        /** No header a mail message must have (From, To, Date, Subject, Message-ID, MIME-Version, Content-Type). */
        NOT_A_MIME_MESSAGE,
        /** More bytes than the reader accepts. */
        MESSAGE_TOO_LARGE,
        /** More body parts than the reader accepts. */
        TOO_MANY_PARTS,
        /** Multiparts nested deeper than the reader accepts. */
        NESTED_TOO_DEEP,
        /** A header block or header line over mime4j's limits. */
        HEADER_TOO_LARGE,
        /** The MIME structure could not be read at all. */
        MALFORMED,
        /** Nothing left of the sender's content: no leaf parts, or only carrier adverts and empty parts. */
        NO_CONTENT_PARTS
    }

    private final Reason reason;

    public MimeMmsException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public MimeMmsException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
