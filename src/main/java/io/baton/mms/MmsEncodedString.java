package io.baton.mms;

import java.util.Objects;

/**
 * Encoded-string-value (OMA-MMS-ENC §7.2.9): text already decoded from its charset, and the
 * charset's canonical name ({@code utf-8}, {@code gb2312}, {@code iso-10646-ucs-2}; {@code mib-NNN}
 * for one we do not know) or {@code null} when the value was a plain Text-string.
 */
public record MmsEncodedString(String text, String charset) {

    public MmsEncodedString {
        Objects.requireNonNull(text, "text");
    }

    public static MmsEncodedString of(String text) {
        return new MmsEncodedString(text, null);
    }

    @Override
    public String toString() {
        return charset == null ? text : text + " (" + charset + ")";
    }
}
