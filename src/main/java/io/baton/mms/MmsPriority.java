package io.baton.mms;

/** X-Mms-Priority values (OMA-MMS-ENC §7.3.35). */
public enum MmsPriority {
    LOW(0x80), NORMAL(0x81), HIGH(0x82);

    private final int code;

    MmsPriority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MmsPriority fromCode(int code) {
        for (MmsPriority p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
