package io.baton.mms.mm7;

/** An MM7 HTTP body with the Content-Type to send it under. */
public record Mm7Body(String contentType, byte[] body) {
    public Mm7Body {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
