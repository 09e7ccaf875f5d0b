package io.baton.notify.smpp.domain;

/** A short message Baton cannot read, with the field and the reason (bad input from the network). */
public final class SmsDecodingException extends Exception {

    private final String field;

    public SmsDecodingException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
