package io.baton.mms;

/** X-Mms-Sender-Visibility values (OMA-MMS-ENC §7.3.48). */
public enum MmsSenderVisibility {
    HIDE(0x80), SHOW(0x81);

    private final int code;

    MmsSenderVisibility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsSenderVisibility fromCode(int code) {
        for (MmsSenderVisibility v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
