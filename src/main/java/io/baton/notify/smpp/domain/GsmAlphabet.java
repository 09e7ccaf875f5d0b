package io.baton.notify.smpp.domain;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 03.38 (3GPP TS 23.038) 7-bit default alphabet and its extension table. Septets are held
 * one per byte ("unpacked"), the form SMPP carries for {@code data_coding 0x00}; {@link #pack}
 * gives the air-interface form whose size decides what fits in one SMS (140 octets).
 */
public final class GsmAlphabet {

    /** The escape septet: the next septet is read from the extension table. */
    public static final int ESCAPE = 0x1B;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table: septet value → character (3GPP TS 23.038 6.2.1.1). */
    private static final int[][] EXTENSION = { { 0x0A, '\f' }, { 0x14, '^' }, { 0x28, '{' }, { 0x29, '}' },
            { 0x2F, '\\' }, { 0x3C, '[' }, { 0x3D, '~' }, { 0x3E, ']' }, { 0x40, '|' }, { 0x65, '€' } };

    private static final Map<Character, Integer> BASIC_SEPTET = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_SEPTET = new HashMap<>();
    private static final char[] EXTENSION_CHAR = new char[128];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM basic table has " + BASIC.length() + " entries");
        }
        for (int i = 0; i < 128; i++) {
            if (i != ESCAPE) {
                BASIC_SEPTET.put(BASIC.charAt(i), i);
            }
        }
        for (int[] e : EXTENSION) {
            EXTENSION_SEPTET.put((char) e[1], e[0]);
            EXTENSION_CHAR[e[0]] = (char) e[1];
        }
    }

    private GsmAlphabet() {
    }

    /** Septets {@code c} takes: 1 in the basic table, 2 (escape + septet) in the extension table, -1 if absent. */
    public static int septets(char c) {
        if (BASIC_SEPTET.containsKey(c)) {
            return 1;
        }
        return EXTENSION_SEPTET.containsKey(c) ? 2 : -1;
    }

    /** Septets the whole text takes, or -1 when a character is not in the alphabet. */
    public static int septets(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int s = septets(text.charAt(i));
            if (s < 0) {
                return -1;
            }
            n += s;
        }
        return n;
    }

    /** Unpacked septets of {@code text}; every character must be in the alphabet. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = BASIC_SEPTET.get(c);
            if (basic != null) {
                out.write(basic);
                continue;
            }
            Integer ext = EXTENSION_SEPTET.get(c);
            if (ext == null) {
                throw new IllegalArgumentException("not in the GSM 7-bit alphabet at " + i + ": U+"
                        + Integer.toHexString(c));
            }
            out.write(ESCAPE);
            out.write(ext);
        }
        return out.toByteArray();
    }

    /**
     * Text of unpacked septets. Bytes above 0x7F (not septets) and an escape before a septet the
     * extension table lacks decode as the basic character, as 3GPP TS 23.038 asks receivers to.
     */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESCAPE && i + 1 < end) {
                int next = septets[++i] & 0x7F;
                char ext = EXTENSION_CHAR[next];
                out.append(ext != 0 ? ext : BASIC.charAt(next));
            } else if (s == ESCAPE) {
                out.append(' '); // a dangling escape at the end: TS 23.038 says show a space
            } else {
                out.append(BASIC.charAt(s));
            }
        }
        return out.toString();
    }

    /**
     * Octets of the septets packed 8 per 7 octets, after {@code fillBits} zero bits (the padding
     * that aligns septets after a user data header).
     */
    public static byte[] pack(byte[] septets, int fillBits) {
        int bits = fillBits + septets.length * 7;
        byte[] out = new byte[(bits + 7) / 8];
        int bit = fillBits;
        for (byte s : septets) {
            int v = s & 0x7F;
            int index = bit / 8;
            int shift = bit % 8;
            out[index] |= (byte) (v << shift);
            if (shift > 1) {
                out[index + 1] |= (byte) (v >> (8 - shift));
            }
            bit += 7;
        }
        return out;
    }
}
