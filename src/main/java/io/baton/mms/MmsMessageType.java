package io.baton.mms;

/** X-Mms-Message-Type values (OMA-MMS-ENC 1.3 §7.3.30); the codec models the first nine. */
public enum MmsMessageType {
    M_SEND_REQ(0x80, "m-send-req"),
    M_SEND_CONF(0x81, "m-send-conf"),
    M_NOTIFICATION_IND(0x82, "m-notification-ind"),
    M_NOTIFYRESP_IND(0x83, "m-notifyresp-ind"),
    M_RETRIEVE_CONF(0x84, "m-retrieve-conf"),
    M_ACKNOWLEDGE_IND(0x85, "m-acknowledge-ind"),
    M_DELIVERY_IND(0x86, "m-delivery-ind"),
    M_READ_REC_IND(0x87, "m-read-rec-ind"),
    M_READ_ORIG_IND(0x88, "m-read-orig-ind"),
    M_FORWARD_REQ(0x89, "m-forward-req"),
    M_FORWARD_CONF(0x8A, "m-forward-conf"),
    M_MBOX_STORE_REQ(0x8B, "m-mbox-store-req"),
    M_MBOX_STORE_CONF(0x8C, "m-mbox-store-conf"),
    M_MBOX_VIEW_REQ(0x8D, "m-mbox-view-req"),
    M_MBOX_VIEW_CONF(0x8E, "m-mbox-view-conf"),
    M_MBOX_UPLOAD_REQ(0x8F, "m-mbox-upload-req"),
    M_MBOX_UPLOAD_CONF(0x90, "m-mbox-upload-conf"),
    M_MBOX_DELETE_REQ(0x91, "m-mbox-delete-req"),
    M_MBOX_DELETE_CONF(0x92, "m-mbox-delete-conf"),
    M_MBOX_DESCR(0x93, "m-mbox-descr"),
    M_DELETE_REQ(0x94, "m-delete-req"),
    M_DELETE_CONF(0x95, "m-delete-conf"),
    M_CANCEL_REQ(0x96, "m-cancel-req"),
    M_CANCEL_CONF(0x97, "m-cancel-conf");

    private final int code;
    private final String specName;

    MmsMessageType(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    public static MmsMessageType fromCode(int code) {
        for (MmsMessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
