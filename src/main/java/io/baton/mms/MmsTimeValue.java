package io.baton.mms;

import java.time.Duration;
import java.time.Instant;

/**
 * X-Mms-Expiry, X-Mms-Delivery-Time, X-Mms-Reply-Charging-Deadline: an absolute date
 * (Absolute-token) or seconds after the MMSC received the message (Relative-token).
 */
public record MmsTimeValue(boolean relative, long seconds) {

    public MmsTimeValue {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
    }

    public static MmsTimeValue at(Instant instant) {
        return new MmsTimeValue(false, instant.getEpochSecond());
    }

    public static MmsTimeValue after(Duration duration) {
        return new MmsTimeValue(true, duration.getSeconds());
    }

    /** The absolute instant, given when the relative value counts from. */
    public Instant resolve(Instant received) {
        return relative ? received.plusSeconds(seconds) : Instant.ofEpochSecond(seconds);
    }
}
