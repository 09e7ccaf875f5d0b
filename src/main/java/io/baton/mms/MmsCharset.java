package io.baton.mms;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Charsets by IANA MIBenum, as WSP Well-known-charset carries them. GB2312 is read with GB18030
 * (its superset: handsets label GBK text as GB2312); UCS-2 and UTF-16 are read with or without a
 * byte order mark (big-endian without one) and written big-endian without one.
 */
enum MmsCharset {
    ANY(0, "*", "UTF-8"),
    US_ASCII(3, "us-ascii", "US-ASCII"),
    ISO_8859_1(4, "iso-8859-1", "ISO-8859-1"),
    ISO_8859_2(5, "iso-8859-2", "ISO-8859-2"),
    ISO_8859_3(6, "iso-8859-3", "ISO-8859-3"),
    ISO_8859_4(7, "iso-8859-4", "ISO-8859-4"),
    ISO_8859_5(8, "iso-8859-5", "ISO-8859-5"),
    ISO_8859_6(9, "iso-8859-6", "ISO-8859-6"),
    ISO_8859_7(10, "iso-8859-7", "ISO-8859-7"),
    ISO_8859_8(11, "iso-8859-8", "ISO-8859-8"),
    ISO_8859_9(12, "iso-8859-9", "ISO-8859-9"),
    SHIFT_JIS(17, "shift_jis", "Shift_JIS"),
    EUC_JP(18, "euc-jp", "EUC-JP"),
    EUC_KR(38, "euc-kr", "EUC-KR"),
    ISO_2022_JP(39, "iso-2022-jp", "ISO-2022-JP"),
    UTF_8(106, "utf-8", "UTF-8"),
    GBK(113, "gbk", "GBK"),
    GB18030(114, "gb18030", "GB18030"),
    ISO_10646_UCS_2(1000, "iso-10646-ucs-2", "UTF-16"),
    UTF_16BE(1013, "utf-16be", "UTF-16BE"),
    UTF_16LE(1014, "utf-16le", "UTF-16LE"),
    UTF_16(1015, "utf-16", "UTF-16"),
    GB2312(2025, "gb2312", "GB18030"),
    BIG5(2026, "big5", "Big5"),
    KOI8_R(2084, "koi8-r", "KOI8-R"),
    WINDOWS_1251(2251, "windows-1251", "windows-1251"),
    WINDOWS_1252(2252, "windows-1252", "windows-1252");

    private static final String UNKNOWN_PREFIX = "mib-";

    private final int mib;
    private final String canonicalName;
    private final Charset charset;

    MmsCharset(int mib, String canonicalName, String javaName) {
        this.mib = mib;
        this.canonicalName = canonicalName;
        this.charset = available(javaName);
    }

    /** Null when the JVM lacks it (a jlinked image without jdk.charsets): text then reads as undeclared. */
    private static Charset available(String javaName) {
        try {
            return Charset.forName(javaName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String canonicalName() {
        return canonicalName;
    }

    boolean isUtf16() {
        return this == ISO_10646_UCS_2 || this == UTF_16 || this == UTF_16BE || this == UTF_16LE;
    }

    static MmsCharset byMib(int mib) {
        for (MmsCharset c : values()) {
            if (c.mib == mib) {
                return c;
            }
        }
        return null;
    }

    /** By canonical name (case-insensitive) or the {@code mib-NNN} name given to unknown MIBenums. */
    static int mibOfName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (MmsCharset c : values()) {
            if (c.canonicalName.equals(lower)) {
                return c.mib;
            }
        }
        if (lower.startsWith(UNKNOWN_PREFIX)) {
            try {
                return Integer.parseInt(lower.substring(UNKNOWN_PREFIX.length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Canonical name of a MIBenum; {@code mib-NNN} when we do not know it, so it survives a round trip. */
    static String nameOfMib(int mib) {
        MmsCharset known = byMib(mib);
        return known != null ? known.canonicalName : UNKNOWN_PREFIX + mib;
    }

    /** Decodes, replacing malformed input: a bad octet in a subject must not lose the message. */
    String decode(byte[] bytes) {
        if (charset == null) {
            return decodeUndeclared(bytes);
        }
        byte[] in = bytes;
        if (isUtf16() && (in.length & 1) == 1) {
            // An odd UTF-16 length means a missing or extra octet; the last one cannot form a unit.
            in = java.util.Arrays.copyOf(in, in.length - 1);
        } else if (isUtf16() && in.length >= 2 && in[in.length - 1] == 0 && in[in.length - 2] == 0) {
            // Some encoders terminate UTF-16 text with a two-octet NUL.
            in = java.util.Arrays.copyOf(in, in.length - 2);
        }
        return new String(in, charset);
    }

    /** Encodes, refusing characters the charset cannot carry rather than writing '?'. */
    byte[] encode(String text, String field, int offset) {
        Charset target = isUtf16() ? (this == UTF_16LE ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
                : this == GB2312 ? available("GB2312") : charset;
        if (target == null) {
            throw new MmsCodecException(offset, field, "charset " + canonicalName + " is not available in this JVM");
        }
        CharsetEncoder encoder = target.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new MmsCodecException(offset, field, "text not representable in " + canonicalName);
        }
    }

    /** Text whose charset is unknown or absent: UTF-8 when valid, else ISO-8859-1 (never fails). */
    static String decodeUndeclared(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
