package io.baton.mms.mm7;

/**
 * A Status of an MM7 response: StatusCode (TS 23.140 table 8.1.6) and StatusText. 1xxx success, 2xxx
 * client errors, 3xxx server errors, 4xxx service errors.
 */
public record Mm7Status(int code, String text) {

    public static final int SUCCESS = 1000;
    public static final int PARTIAL_SUCCESS = 1100;
    public static final int CLIENT_ERROR = 2000;
    public static final int OPERATION_RESTRICTED = 2001;
    public static final int ADDRESS_ERROR = 2002;
    public static final int ADDRESS_NOT_FOUND = 2003;
    public static final int MULTIMEDIA_CONTENT_REFUSED = 2004;
    public static final int MESSAGE_ID_NOT_FOUND = 2005;
    public static final int LINKED_ID_NOT_FOUND = 2006;
    public static final int MESSAGE_FORMAT_CORRUPT = 2007;
    public static final int SERVER_ERROR = 3000;
    public static final int NOT_POSSIBLE = 3001;
    public static final int MESSAGE_REJECTED = 3002;
    public static final int MULTIPLE_ADDRESSES_NOT_SUPPORTED = 3003;
    public static final int GENERAL_SERVICE_ERROR = 4000;
    public static final int IMPROPER_IDENTIFICATION = 4001;
    public static final int UNSUPPORTED_VERSION = 4002;
    public static final int UNSUPPORTED_OPERATION = 4003;
    public static final int VALIDATION_ERROR = 4004;
    public static final int SERVICE_ERROR = 4005;
    public static final int SERVICE_UNAVAILABLE = 4006;
    public static final int SERVICE_DENIED = 4007;

    public Mm7Status {
        text = text == null ? "" : text;
    }

    public static Mm7Status success(String text) {
        return new Mm7Status(SUCCESS, text);
    }

    /** 1000 and 1100 (partial success: accepted for some recipients). */
    public boolean isSuccess() {
        return code == SUCCESS || code == PARTIAL_SUCCESS;
    }
}
