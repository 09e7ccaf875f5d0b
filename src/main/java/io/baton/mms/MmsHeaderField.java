package io.baton.mms;

/**
 * Well-known MMS header fields (OMA-MMS-ENC 1.3 Table 12), encoded as {@code 0x80 | code}, with
 * the shape of each value. Names are spelt as in the spec.
 */
public enum MmsHeaderField {
    BCC(0x01, "Bcc", Kind.ENCODED_STRING),
    CC(0x02, "Cc", Kind.ENCODED_STRING),
    CONTENT_LOCATION(0x03, "X-Mms-Content-Location", Kind.TEXT),
    CONTENT_TYPE(0x04, "Content-Type", Kind.CONTENT_TYPE),
    DATE(0x05, "Date", Kind.DATE),
    DELIVERY_REPORT(0x06, "X-Mms-Delivery-Report", Kind.YES_NO),
    DELIVERY_TIME(0x07, "X-Mms-Delivery-Time", Kind.TIME),
    EXPIRY(0x08, "X-Mms-Expiry", Kind.TIME),
    FROM(0x09, "From", Kind.FROM),
    MESSAGE_CLASS(0x0A, "X-Mms-Message-Class", Kind.MESSAGE_CLASS),
    MESSAGE_ID(0x0B, "Message-ID", Kind.TEXT),
    MESSAGE_TYPE(0x0C, "X-Mms-Message-Type", Kind.MESSAGE_TYPE),
    MMS_VERSION(0x0D, "X-Mms-MMS-Version", Kind.VERSION),
    MESSAGE_SIZE(0x0E, "X-Mms-Message-Size", Kind.LONG),
    PRIORITY(0x0F, "X-Mms-Priority", Kind.PRIORITY),
    READ_REPORT(0x10, "X-Mms-Read-Report", Kind.YES_NO),
    REPORT_ALLOWED(0x11, "X-Mms-Report-Allowed", Kind.YES_NO),
    RESPONSE_STATUS(0x12, "X-Mms-Response-Status", Kind.RESPONSE_STATUS),
    RESPONSE_TEXT(0x13, "X-Mms-Response-Text", Kind.ENCODED_STRING),
    SENDER_VISIBILITY(0x14, "X-Mms-Sender-Visibility", Kind.SENDER_VISIBILITY),
    STATUS(0x15, "X-Mms-Status", Kind.STATUS),
    SUBJECT(0x16, "Subject", Kind.ENCODED_STRING),
    TO(0x17, "To", Kind.ENCODED_STRING),
    TRANSACTION_ID(0x18, "X-Mms-Transaction-Id", Kind.TEXT),
    RETRIEVE_STATUS(0x19, "X-Mms-Retrieve-Status", Kind.RETRIEVE_STATUS),
    RETRIEVE_TEXT(0x1A, "X-Mms-Retrieve-Text", Kind.ENCODED_STRING),
    READ_STATUS(0x1B, "X-Mms-Read-Status", Kind.READ_STATUS),
    REPLY_CHARGING(0x1C, "X-Mms-Reply-Charging", Kind.OCTET),
    REPLY_CHARGING_DEADLINE(0x1D, "X-Mms-Reply-Charging-Deadline", Kind.TIME),
    REPLY_CHARGING_ID(0x1E, "X-Mms-Reply-Charging-ID", Kind.TEXT),
    REPLY_CHARGING_SIZE(0x1F, "X-Mms-Reply-Charging-Size", Kind.LONG),
    PREVIOUSLY_SENT_BY(0x20, "X-Mms-Previously-Sent-By", Kind.PREVIOUSLY_SENT_BY),
    PREVIOUSLY_SENT_DATE(0x21, "X-Mms-Previously-Sent-Date", Kind.PREVIOUSLY_SENT_DATE),
    STORE(0x22, "X-Mms-Store", Kind.YES_NO),
    MM_STATE(0x23, "X-Mms-MM-State", Kind.OCTET),
    MM_FLAGS(0x24, "X-Mms-MM-Flags", Kind.MM_FLAGS),
    STORE_STATUS(0x25, "X-Mms-Store-Status", Kind.OCTET),
    STORE_STATUS_TEXT(0x26, "X-Mms-Store-Status-Text", Kind.ENCODED_STRING),
    STORED(0x27, "X-Mms-Stored", Kind.YES_NO),
    ATTRIBUTES(0x28, "X-Mms-Attributes", Kind.OCTET),
    TOTALS(0x29, "X-Mms-Totals", Kind.YES_NO),
    MBOX_TOTALS(0x2A, "X-Mms-Mbox-Totals", Kind.OPAQUE),
    QUOTAS(0x2B, "X-Mms-Quotas", Kind.YES_NO),
    MBOX_QUOTAS(0x2C, "X-Mms-Mbox-Quotas", Kind.OPAQUE),
    MESSAGE_COUNT(0x2D, "X-Mms-Message-Count", Kind.INTEGER),
    START(0x2F, "X-Mms-Start", Kind.INTEGER),
    DISTRIBUTION_INDICATOR(0x31, "X-Mms-Distribution-Indicator", Kind.YES_NO),
    ELEMENT_DESCRIPTOR(0x32, "X-Mms-Element-Descriptor", Kind.OPAQUE),
    LIMIT(0x33, "X-Mms-Limit", Kind.INTEGER),
    RECOMMENDED_RETRIEVAL_MODE(0x34, "X-Mms-Recommended-Retrieval-Mode", Kind.OCTET),
    RECOMMENDED_RETRIEVAL_MODE_TEXT(0x35, "X-Mms-Recommended-Retrieval-Mode-Text", Kind.ENCODED_STRING),
    STATUS_TEXT(0x36, "X-Mms-Status-Text", Kind.ENCODED_STRING),
    APPLIC_ID(0x37, "X-Mms-Applic-ID", Kind.TEXT),
    REPLY_APPLIC_ID(0x38, "X-Mms-Reply-Applic-ID", Kind.TEXT),
    AUX_APPLIC_INFO(0x39, "X-Mms-Aux-Applic-Info", Kind.TEXT),
    CONTENT_CLASS(0x3A, "X-Mms-Content-Class", Kind.OCTET),
    DRM_CONTENT(0x3B, "X-Mms-DRM-Content", Kind.YES_NO),
    ADAPTATION_ALLOWED(0x3C, "X-Mms-Adaptation-Allowed", Kind.YES_NO),
    REPLACE_ID(0x3D, "X-Mms-Replace-ID", Kind.TEXT),
    CANCEL_ID(0x3E, "X-Mms-Cancel-ID", Kind.TEXT),
    CANCEL_STATUS(0x3F, "X-Mms-Cancel-Status", Kind.OCTET);

    /** Value shapes of OMA-MMS-ENC §7.3. */
    enum Kind {
        TEXT, ENCODED_STRING, LONG, INTEGER, OCTET, YES_NO, VERSION, DATE, TIME, FROM, MESSAGE_CLASS,
        MESSAGE_TYPE, PRIORITY, SENDER_VISIBILITY, RESPONSE_STATUS, RETRIEVE_STATUS, STATUS, READ_STATUS,
        CONTENT_TYPE, PREVIOUSLY_SENT_BY, PREVIOUSLY_SENT_DATE, MM_FLAGS, OPAQUE
    }

    private static final MmsHeaderField[] BY_CODE = new MmsHeaderField[0x80];

    static {
        for (MmsHeaderField f : values()) {
            BY_CODE[f.code] = f;
        }
    }

    private final int code;
    private final String specName;
    private final Kind kind;

    MmsHeaderField(int code, String specName, Kind kind) {
        this.code = code;
        this.specName = specName;
        this.kind = kind;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    Kind kind() {
        return kind;
    }

    /** The field for a code 0x00–0x7F, or null when OMA-MMS-ENC 1.3 assigns none. */
    public static MmsHeaderField fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
