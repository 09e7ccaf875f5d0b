package io.baton.notify.smpp;

import io.baton.notify.smpp.domain.DataCoding;

/** One submit_sm: a segment of a notice from the campaign short code to a subscriber. */
public record Submission(String from, String to, DataCoding coding, byte esmClass, byte[] shortMessage) {
}
