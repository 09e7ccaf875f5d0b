package io.baton.notify.smpp.domain;

import java.util.Optional;

/** The text of one short message and, when it is one segment of a longer text, where it belongs. */
public record DecodedSms(String text, Optional<Part> part) {

    /** A segment's concatenation header: reference (8 or 16 bit), total segments, this one's number (from 1). */
    public record Part(int reference, int total, int sequence) {
    }
}
