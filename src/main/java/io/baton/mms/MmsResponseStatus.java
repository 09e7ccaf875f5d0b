package io.baton.mms;

/**
 * X-Mms-Response-Status values (OMA-MMS-ENC §7.3.48). Unassigned codes in 0xC5–0xDF read as
 * {@link #ERROR_TRANSIENT_FAILURE} and in 0xEC–0xFF as {@link #ERROR_PERMANENT_FAILURE}.
 */
public enum MmsResponseStatus {
    OK(0x80),
    ERROR_UNSPECIFIED(0x81),
    ERROR_SERVICE_DENIED(0x82),
    ERROR_MESSAGE_FORMAT_CORRUPT(0x83),
    ERROR_SENDING_ADDRESS_UNRESOLVED(0x84),
    ERROR_MESSAGE_NOT_FOUND(0x85),
    ERROR_NETWORK_PROBLEM(0x86),
    ERROR_CONTENT_NOT_ACCEPTED(0x87),
    ERROR_UNSUPPORTED_MESSAGE(0x88),
    ERROR_TRANSIENT_FAILURE(0xC0),
    ERROR_TRANSIENT_SENDING_ADDRESS_UNRESOLVED(0xC1),
    ERROR_TRANSIENT_MESSAGE_NOT_FOUND(0xC2),
    ERROR_TRANSIENT_NETWORK_PROBLEM(0xC3),
    ERROR_TRANSIENT_PARTIAL_SUCCESS(0xC4),
    ERROR_PERMANENT_FAILURE(0xE0),
    ERROR_PERMANENT_SERVICE_DENIED(0xE1),
    ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT(0xE2),
    ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED(0xE3),
    ERROR_PERMANENT_MESSAGE_NOT_FOUND(0xE4),
    ERROR_PERMANENT_CONTENT_NOT_ACCEPTED(0xE5),
    ERROR_PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET(0xE6),
    ERROR_PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED(0xE7),
    ERROR_PERMANENT_REPLY_CHARGING_FORWARDING_DENIED(0xE8),
    ERROR_PERMANENT_REPLY_CHARGING_NOT_SUPPORTED(0xE9),
    ERROR_PERMANENT_ADDRESS_HIDING_NOT_SUPPORTED(0xEA),
    ERROR_PERMANENT_LACK_OF_PREPAID(0xEB);

    private final int code;

    MmsResponseStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsResponseStatus fromCode(int code) {
        for (MmsResponseStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        if (code >= 0xC0 && code <= 0xDF) {
            return ERROR_TRANSIENT_FAILURE;
        }
        if (code >= 0xE0 && code <= 0xFF) {
            return ERROR_PERMANENT_FAILURE;
        }
        return null;
    }
}
