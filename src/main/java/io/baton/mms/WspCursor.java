package io.baton.mms;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Bounds-checked reader of the WSP primitives (WAP-230 §8.4.2) over a byte range. Every read checks
 * the remaining octets before it touches or allocates anything, so a hostile length costs an
 * exception, never an oversized array. A cursor made by {@link #region} ends at a Value-length
 * boundary: there a text without its NUL is still unambiguous and is tolerated; at the end of the
 * PDU it may be a truncation and is refused.
 */
final class WspCursor {

    private static final int QUOTE = 0x7F;

    private final byte[] buf;
    private final int limit;
    private final boolean bounded;
    private final List<MmsQuirk> quirks;
    private int pos;

    WspCursor(byte[] buf, List<MmsQuirk> quirks) {
        this(buf, 0, buf.length, false, quirks);
    }

    private WspCursor(byte[] buf, int start, int limit, boolean bounded, List<MmsQuirk> quirks) {
        this.buf = buf;
        this.pos = start;
        this.limit = limit;
        this.bounded = bounded;
        this.quirks = quirks;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    byte[] buffer() {
        return buf;
    }

    void quirk(MmsQuirk.Kind kind, int offset, String field) {
        quirks.add(new MmsQuirk(kind, offset, field));
    }

    MmsCodecException error(String field, String reason) {
        return new MmsCodecException(pos, field, reason);
    }

    private void need(long octets, String field) {
        if (octets > remaining()) {
            throw error(field, "needs " + octets + " octets but only " + remaining() + " remain");
        }
    }

    int peek(String field) {
        need(1, field);
        return buf[pos] & 0xFF;
    }

    int octet(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    byte[] bytes(long count, String field) {
        need(count, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) count);
        pos += (int) count;
        return out;
    }

    void skip(long count, String field) {
        need(count, field);
        pos += (int) count;
    }

    /** Octets {@code [from, position())} — the raw value just read, for re-encoding unchanged. */
    byte[] since(int from) {
        return Arrays.copyOfRange(buf, from, pos);
    }

    /** The rest of this range, consumed. */
    byte[] rest() {
        return bytes(remaining(), "body");
    }

    /** Uintvar: at most 5 octets and 32 bits (WAP-230 §8.1.2). */
    long uintvar(String field) {
        int start = pos;
        long value = 0;
        for (int i = 0; i < 5; i++) {
            int b = octet(field);
            if (i == 4 && (b & 0x80) != 0) {
                throw new MmsCodecException(start, field, "Uintvar longer than 5 octets");
            }
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (value > 0xFFFF_FFFFL) {
                    throw new MmsCodecException(start, field, "Uintvar exceeds 32 bits");
                }
                return value;
            }
        }
        throw new MmsCodecException(start, field, "Uintvar longer than 5 octets");
    }

    /** A Uintvar used as a length of octets that follow: must fit in what remains. */
    int length(String field) {
        int start = pos;
        long length = uintvar(field);
        if (length > remaining()) {
            throw new MmsCodecException(start, field,
                    "length " + length + " exceeds the " + remaining() + " octets that remain");
        }
        return (int) length;
    }

    /** Value-length: Short-length (0–30) or Length-quote (31) Uintvar, checked against what remains. */
    int valueLength(String field) {
        int start = pos;
        int b = octet(field);
        if (b <= 30) {
            if (b > remaining()) {
                throw new MmsCodecException(start, field,
                        "Value-length " + b + " exceeds the " + remaining() + " octets that remain");
            }
            return b;
        }
        if (b == 31) {
            return length(field);
        }
        throw new MmsCodecException(start, field, "expected a Value-length, found 0x" + hex(b));
    }

    /** Sub-cursor over the next {@code length} octets, which this cursor skips. */
    WspCursor region(int length, String field) {
        need(length, field);
        WspCursor sub = new WspCursor(buf, pos, pos + length, true, quirks);
        pos += length;
        return sub;
    }

    /** Value-length followed by that many octets, as a sub-cursor. */
    WspCursor valueLengthRegion(String field) {
        int length = valueLength(field);
        return region(length, field);
    }

    /** Called when a Value-length region was parsed: extra octets are skipped, not an error. */
    void finish(String field) {
        if (hasRemaining()) {
            quirk(MmsQuirk.Kind.VALUE_LENGTH_LONGER_THAN_VALUE, pos, field);
            pos = limit;
        }
    }

    /** Short-integer: one octet with the high bit set, value in the low 7 bits. */
    int shortInteger(String field) {
        int b = octet(field);
        if (b < 0x80) {
            pos--;
            throw error(field, "expected a Short-integer, found 0x" + hex(b));
        }
        return b & 0x7F;
    }

    /** Long-integer: Short-length (1–30) then that many big-endian octets; at most 8 fit a long. */
    long longInteger(String field) {
        int start = pos;
        int length = octet(field);
        if (length == 0 || length > 30) {
            throw new MmsCodecException(start, field, "expected a Long-integer, found length octet 0x" + hex(length));
        }
        if (length > 8) {
            throw new MmsCodecException(start, field, "Long-integer of " + length + " octets exceeds 64 bits");
        }
        need(length, field);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (buf[pos++] & 0xFF);
        }
        if (value < 0) {
            throw new MmsCodecException(start, field, "Long-integer exceeds 63 bits");
        }
        return value;
    }

    /** Date-value: seconds since 1970 as Long-integer (Short-integer tolerated), within Instant's range. */
    Instant date(String field) {
        int start = pos;
        long seconds = integerValue(field);
        if (seconds > Instant.MAX.getEpochSecond()) {
            throw new MmsCodecException(start, field, "Date-value " + seconds + " is beyond any representable date");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Integer-value: Short-integer or Long-integer. */
    long integerValue(String field) {
        return peek(field) >= 0x80 ? shortInteger(field) : longInteger(field);
    }

    /**
     * The octets of a Text-string without its NUL. A leading Quote (0x7F) is removed unless
     * {@code keepQuote}.
     */
    byte[] textBytes(String field, boolean keepQuote) {
        int start = pos;
        int end = start;
        while (end < limit && buf[end] != 0) {
            end++;
        }
        if (end == limit) {
            if (!bounded) {
                throw new MmsCodecException(start, field, "Text-string without its terminating NUL before the end of the PDU");
            }
            quirk(MmsQuirk.Kind.TEXT_WITHOUT_TERMINATOR, start, field);
            pos = end;
        } else {
            pos = end + 1;
        }
        int from = start;
        // The Quote belongs only before an octet above 127, but MMSCs also put it before ASCII
        // (seen before "=?utf-8?..."); a leading DEL is never text, so it is dropped either way.
        if (!keepQuote && end > from && (buf[from] & 0xFF) == QUOTE) {
            from++;
        }
        return Arrays.copyOfRange(buf, from, end);
    }

    /** Text-string in no declared charset: UTF-8 when it is valid UTF-8, else ISO-8859-1. */
    String textString(String field) {
        return MmsCharset.decodeUndeclared(textBytes(field, false));
    }

    /** Quoted-string or Text-string: a leading {@code "} (0x22) is the quote mark, not content. */
    String quotedOrText(String field) {
        if (peek(field) == '"') {
            pos++;
        }
        return textString(field);
    }

    /**
     * Encoded-string-value (OMA-MMS-ENC §7.2.9): a Text-string, or Value-length Char-set Text-string.
     * A lone 0x00 is read as the empty Text-string rather than as Value-length 0.
     */
    MmsEncodedString encodedString(String field) {
        int b = peek(field);
        if (b == 0 || b > 31) {
            return new MmsEncodedString(textString(field), null);
        }
        WspCursor value = valueLengthRegion(field);
        int charsetOffset = value.pos;
        int mib = value.charset(field);
        MmsCharset known = MmsCharset.byMib(mib);
        // UTF-16 text holds NUL octets, so it runs to the end of the Value-length, not to a NUL.
        byte[] raw = known != null && known.isUtf16() ? value.rest() : value.textBytes(field, false);
        value.finish(field);
        if (known == null) {
            quirk(MmsQuirk.Kind.UNKNOWN_CHARSET, charsetOffset, field);
            return new MmsEncodedString(MmsCharset.decodeUndeclared(raw), MmsCharset.nameOfMib(mib));
        }
        String text = known.decode(raw);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            quirk(MmsQuirk.Kind.BYTE_ORDER_MARK_REMOVED, charsetOffset, field);
            text = text.substring(1);
        }
        return new MmsEncodedString(text, known.canonicalName());
    }

    /** Well-known-charset as an Integer-value MIBenum; Any-charset (0x80) is MIBenum 0. */
    int charset(String field) {
        int start = pos;
        long mib = integerValue(field);
        if (mib > Integer.MAX_VALUE) {
            throw new MmsCodecException(start, field, "charset MIBenum " + mib + " out of range");
        }
        return (int) mib;
    }

    /** Skips one WSP header value of unknown meaning by its shape (WAP-230 §8.4.1.2). */
    void skipValue(String field) {
        int b = peek(field);
        if (b <= 31) {
            skip(valueLength(field), field);
        } else if (b < 128) {
            textBytes(field, true);
        } else {
            pos++;
        }
    }

    static String hex(int b) {
        return String.format("%02x", b);
    }
}
