package io.baton.notify.smpp.domain;

/** The SMPP 3.4 {@code data_coding} values Baton sends and reads (SMPP 3.4 section 5.2.19). */
public enum DataCoding {
    /** SMSC default alphabet, taken as GSM 03.38 7-bit (one septet per octet on the SMPP wire). */
    GSM7(0x00),
    /** IA5 / ASCII. */
    IA5(0x01),
    /** ISO-8859-1. */
    LATIN1(0x03),
    /** ISO/IEC 10646 UCS-2, big-endian (UTF-16BE, surrogate pairs for characters beyond the BMP). */
    UCS2(0x08);

    private final int code;

    DataCoding(int code) {
        this.code = code;
    }

    public byte code() {
        return (byte) code;
    }
}
