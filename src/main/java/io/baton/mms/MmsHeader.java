package io.baton.mms;

import java.util.Arrays;
import java.util.Objects;

/**
 * One header as it was on the wire: its name (spec spelling for well-known fields, the token text
 * for application headers), the well-known field code or -1, the decoded value (String, Long,
 * Boolean, Instant, an enum, {@link MmsEncodedString}, {@link MmsTimeValue},
 * {@link MmsContentType}, {@link MmsPreviouslySent}) and the exact value octets, which the encoder
 * writes back unchanged so headers we do not model survive a re-encode.
 */
public record MmsHeader(String name, int code, Object value, byte[] rawValue) {

    public MmsHeader {
        Objects.requireNonNull(name, "name");
        if (code < -1 || code > 0x7F) {
            throw new IllegalArgumentException("a well-known field code is 0..127 (or -1 for an application header): " + code);
        }
        rawValue = Objects.requireNonNull(rawValue, "rawValue").clone();
    }

    /** An application header (Token-text name, Text-string value), as handsets add. */
    public static MmsHeader application(String name, String value) {
        return new MmsHeader(name, -1, value, WspWriter.textStringBytes(value));
    }

    public boolean isApplicationHeader() {
        return code < 0;
    }

    @Override
    public byte[] rawValue() {
        return rawValue.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MmsHeader h && name.equals(h.name) && code == h.code
                && Objects.equals(value, h.value) && Arrays.equals(rawValue, h.rawValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, code, value) * 31 + Arrays.hashCode(rawValue);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
