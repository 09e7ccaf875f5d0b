package io.baton.ingest;

/** One event of a batch is refused; the message names the field and says why. No stack trace: it is expected input. */
final class Invalid extends RuntimeException {
    Invalid(String message) {
        super(message, null, false, false);
    }
}
