package io.baton.mms;

/** X-Mms-Status values of m-notifyresp-ind and m-delivery-ind (OMA-MMS-ENC §7.3.54). */
public enum MmsStatus {
    EXPIRED(0x80), RETRIEVED(0x81), REJECTED(0x82), DEFERRED(0x83), UNRECOGNISED(0x84),
    INDETERMINATE(0x85), FORWARDED(0x86), UNREACHABLE(0x87);

    private final int code;

    MmsStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsStatus fromCode(int code) {
        for (MmsStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
