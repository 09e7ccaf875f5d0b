package io.baton.mms;

/**
 * X-Mms-Retrieve-Status values (OMA-MMS-ENC §7.3.43). Unassigned codes in 0xC4–0xDF read as
 * {@link #ERROR_TRANSIENT_FAILURE} and in 0xE4–0xFF as {@link #ERROR_PERMANENT_FAILURE}, as the
 * spec tells receivers to do.
 */
public enum MmsRetrieveStatus {
    OK(0x80),
    ERROR_TRANSIENT_FAILURE(0xC0),
    ERROR_TRANSIENT_MESSAGE_NOT_FOUND(0xC1),
    ERROR_TRANSIENT_NETWORK_PROBLEM(0xC2),
    ERROR_PERMANENT_FAILURE(0xE0),
    ERROR_PERMANENT_SERVICE_DENIED(0xE1),
    ERROR_PERMANENT_MESSAGE_NOT_FOUND(0xE2),
    ERROR_PERMANENT_CONTENT_UNSUPPORTED(0xE3);

    private final int code;

    MmsRetrieveStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsRetrieveStatus fromCode(int code) {
        return StatusCodes.fromCode(values(), MmsRetrieveStatus::code, code, ERROR_TRANSIENT_FAILURE,
                ERROR_PERMANENT_FAILURE);
    }
}
