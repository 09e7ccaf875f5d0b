package io.baton.mms;

/**
 * The one error of the MMS codec: where in the bytes ({@link #offset()}), in which field
 * ({@link #field()}) and why ({@link #reason()}). Unchecked because malformed input is an expected
 * outcome that callers handle at one edge, not at every call.
 */
public final class MmsCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String field;
    private final String reason;

    public MmsCodecException(int offset, String field, String reason) {
        super(field + " at offset " + offset + ": " + reason, null, false, false);
        this.offset = offset;
        this.field = field;
        this.reason = reason;
    }

    /** Byte offset in the decoded input (for the encoder: in the output written so far). */
    public int offset() {
        return offset;
    }

    /** Spec name of the field being read or written, e.g. {@code X-Mms-Transaction-Id}. */
    public String field() {
        return field;
    }

    /** What was wrong, in words. */
    public String reason() {
        return reason;
    }
}
