package io.baton.common;

/** Input that cannot be read as an MSISDN; the message says why, without echoing the number. */
public final class MsisdnFormatException extends IllegalArgumentException {
    public MsisdnFormatException(String reason) {
        super(reason);
    }
}
