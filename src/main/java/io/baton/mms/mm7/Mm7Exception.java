package io.baton.mms.mm7;

/**
 * An MM7 body that cannot be read. {@code where} names the place (a MIME part, an element path, an XML
 * line and column) and {@code reason} what is wrong there; {@link #statusCode()} is the MM7 status a
 * VASP answers with (2007 message format corrupt, 4003 unsupported operation, ...).
 */
public final class Mm7Exception extends Exception {

    private final String where;
    private final String reason;
    private final int statusCode;

    public Mm7Exception(String where, String reason) {
        this(where, reason, Mm7Status.MESSAGE_FORMAT_CORRUPT);
    }

    public Mm7Exception(String where, String reason, int statusCode) {
        super(where + ": " + reason, null, false, false);
        this.where = where;
        this.reason = reason;
        this.statusCode = statusCode;
    }

    public String where() {
        return where;
    }

    public String reason() {
        return reason;
    }

    public int statusCode() {
        return statusCode;
    }
}
