package io.baton.http;

import java.net.URI;

/** The kinds of error Baton answers with; each has a stable absolute type URI (RFC 9457). */
public enum ProblemType {
    MALFORMED_BODY(400, "Malformed request body"),
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    CONFLICT(409, "Conflict"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INVALID_CAMPAIGN(422, "Invalid campaign"),
    UNAVAILABLE(503, "Temporarily unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("https://baton.dev/problems/" + name().toLowerCase().replace('_', '-'));
    }
}
