package io.baton.mms;

/** X-Mms-Read-Status values (OMA-MMS-ENC §7.3.40). */
public enum MmsReadStatus {
    READ(0x80), DELETED_WITHOUT_BEING_READ(0x81);

    private final int code;

    MmsReadStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsReadStatus fromCode(int code) {
        for (MmsReadStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
