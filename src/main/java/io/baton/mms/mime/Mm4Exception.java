package io.baton.mms.mime;

/**
 * A record that cannot be read as an MM4 message Baton uses. The one exception type of the MM4
 * reader: callers map {@link #reason()} to a rejection; the message says what was found, never
 * echoing an address (addresses carry phone numbers, and rejections end up in logs).
 */
public final class Mm4Exception extends RuntimeException {

    /** Why the record was refused; stable, for counters and rejections. */
    public enum Reason {
        /** The header block could not be read: a line that is no header field, a bad field name, a NUL byte. */
        MALFORMED_HEADER,
        /** The header block is larger, or has more fields, than the reader accepts. */
        HEADER_TOO_LARGE,
        /** The whole record is larger than the reader accepts. */
        RECORD_TOO_LARGE,
        /** No X-Mms-Message-Type: a mail, not an MM4 message. */
        NOT_MM4,
        /** An MM4 message Baton has no use for: a response (MM4_*.RES) or a type it does not know. */
        UNSUPPORTED_TYPE,
        /** A header the message type needs is missing. */
        MISSING_HEADER,
        /** A header has a value that cannot be used (an unknown status, an address that is no phone number). */
        BAD_HEADER,
        /** The forwarded content could not be read (the MIME reader's reason follows). */
        BAD_CONTENT
    }

    private final Reason reason;

    public Mm4Exception(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
