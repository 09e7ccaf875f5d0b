package io.baton.mms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writer of the WSP primitives (WAP-230 §8.4.2) into a growing buffer. */
final class WspWriter {

    private static final int QUOTE = 0x7F;

    private byte[] buf = new byte[256];
    private int size;

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    WspWriter octet(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    WspWriter bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    WspWriter uintvar(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new MmsCodecException(size, "Uintvar", "value " + value + " outside 0..2^32-1");
        }
        int groups = 1;
        while (groups < 5 && (value >>> (7 * groups)) != 0) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7F);
            octet(i == 0 ? b : b | 0x80);
        }
        return this;
    }

    /** Value-length: Short-length up to 30, else Length-quote and Uintvar. */
    WspWriter valueLength(int length) {
        if (length <= 30) {
            return octet(length);
        }
        octet(31);
        return uintvar(length);
    }

    /** Value-length then the value written by another writer. */
    WspWriter lengthPrefixed(WspWriter value) {
        valueLength(value.size);
        ensure(value.size);
        System.arraycopy(value.buf, 0, buf, size, value.size);
        size += value.size;
        return this;
    }

    WspWriter shortInteger(int value) {
        if (value < 0 || value > 0x7F) {
            throw new MmsCodecException(size, "Short-integer", "value " + value + " outside 0..127");
        }
        return octet(value | 0x80);
    }

    WspWriter longInteger(long value) {
        if (value < 0) {
            throw new MmsCodecException(size, "Long-integer", "negative value " + value);
        }
        int length = 1;
        while (length < 8 && (value >>> (8 * length)) != 0) {
            length++;
        }
        octet(length);
        for (int i = length - 1; i >= 0; i--) {
            octet((int) (value >>> (8 * i)));
        }
        return this;
    }

    WspWriter integerValue(long value) {
        return value >= 0 && value <= 0x7F ? shortInteger((int) value) : longInteger(value);
    }

    /** Text-string: Quote before a first octet above 127, NUL at the end. NUL inside is refused. */
    WspWriter textString(String text, String field) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return textOctets(bytes, field, true);
    }

    WspWriter textOctets(byte[] bytes, String field, boolean quote) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new MmsCodecException(size, field, "text contains a NUL character");
            }
        }
        if (quote && bytes.length > 0 && (bytes[0] & 0xFF) >= 0x80) {
            octet(QUOTE);
        }
        bytes(bytes);
        return octet(0);
    }

    /** Quoted-string: {@code "} then the text and NUL (the quote has no closing mate on the wire). */
    WspWriter quotedString(String text, String field) {
        octet('"');
        return textOctets(text.getBytes(StandardCharsets.UTF_8), field, false);
    }

    /** Encoded-string-value: plain Text-string without charset, else Value-length Char-set Text-string. */
    WspWriter encodedString(MmsEncodedString value, String field) {
        if (value.charset() == null) {
            return textString(value.text(), field);
        }
        int mib = MmsCharset.mibOfName(value.charset());
        if (mib < 0) {
            throw new MmsCodecException(size, field, "unknown charset name " + value.charset());
        }
        MmsCharset known = MmsCharset.byMib(mib);
        byte[] text = known == null || known == MmsCharset.ANY
                ? value.text().getBytes(StandardCharsets.UTF_8)
                : known.encode(value.text(), field, size);
        WspWriter inner = new WspWriter().integerValue(mib);
        if (known != null && known.isUtf16()) {
            inner.bytes(text).octet(0);
        } else {
            inner.textOctets(text, field, true);
        }
        return lengthPrefixed(inner);
    }

    static byte[] textStringBytes(String text) {
        return new WspWriter().textString(text, "Text-string").toByteArray();
    }
}
