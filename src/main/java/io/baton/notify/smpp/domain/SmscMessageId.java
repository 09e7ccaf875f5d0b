package io.baton.notify.smpp.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SMSC message ids as Baton stores and looks them up. Some SMSCs answer submit_sm_resp with a hex
 * id and write the same number in decimal in the receipt (or the reverse), with or without leading
 * zeros, in either case. Ids are stored {@link #normalise normalised}; a receipt's id is looked up
 * by its {@link #candidates}, the literal form first, so an exact match wins over a conversion.
 */
public final class SmscMessageId {

    /** SMPP 3.4 message_id is a C-octet string of at most 65 octets including the terminator. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private SmscMessageId() {
    }

    /** Lower case, trimmed, leading zeros of a hex or decimal id dropped ({@code "0"} stays). */
    public static String normalise(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("message id longer than " + MAX_LENGTH);
        }
        if (HEX.matcher(s).matches()) {
            int i = 0;
            while (i < s.length() - 1 && s.charAt(i) == '0') {
                i++;
            }
            s = s.substring(i);
        }
        return s;
    }

    /**
     * The stored forms a receipt's id may correspond to: itself normalised, then (decimal) the same
     * number in hex, then (hex digits) the same number in decimal. Empty for a blank or overlong id.
     */
    public static List<String> candidates(String raw) {
        List<String> out = new ArrayList<>(3);
        if (raw == null || raw.isBlank() || raw.trim().length() > MAX_LENGTH) {
            return out;
        }
        String id = normalise(raw);
        out.add(id);
        if (DECIMAL.matcher(id).matches()) {
            add(out, new BigInteger(id).toString(16));
        }
        if (HEX.matcher(id).matches()) {
            add(out, new BigInteger(id, 16).toString());
        }
        return out;
    }

    private static void add(List<String> out, String s) {
        if (!out.contains(s)) {
            out.add(s);
        }
    }
}
