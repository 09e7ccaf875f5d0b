package io.baton.mms;

/**
 * Something a real handset or MMSC sends that the spec does not allow but that the decoder
 * tolerated because the data stayed unambiguous. Kept so support can see why a PDU looked odd.
 * {@code offset} is where in the PDU the deviation starts, {@code field} the header it was in.
 */
public record MmsQuirk(Kind kind, int offset, String field) {

    /** The tolerated deviations. */
    public enum Kind {
        /** Charset MIBenum not in our table: text read as UTF-8, else ISO-8859-1. */
        UNKNOWN_CHARSET,
        /** UTF-8 text started with a byte order mark, which was dropped. */
        BYTE_ORDER_MARK_REMOVED,
        /** Text ended at a Value-length boundary without its NUL. */
        TEXT_WITHOUT_TERMINATOR,
        /** Value-length announced more octets than the value used; the rest was skipped. */
        VALUE_LENGTH_LONGER_THAN_VALUE,
        /** NUL octets after the last header of a PDU without body. */
        TRAILING_NUL_PADDING,
        /** Multipart Content-Type with nothing after it, not even the part count: no parts. */
        MISSING_PART_COUNT,
        /** Octets after the last announced multipart entry, ignored. */
        BYTES_AFTER_LAST_PART,
        /** A single-valued header repeated; the first value counts, later ones are kept as extra headers. */
        DUPLICATE_HEADER,
        /** No X-Mms-MMS-Version header; 1.0 assumed. */
        MISSING_MMS_VERSION,
        /** A well-known header code not in OMA-MMS-ENC 1.3, skipped by its WSP value shape. */
        UNKNOWN_HEADER_FIELD
    }
}
