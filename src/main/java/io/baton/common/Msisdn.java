package io.baton.common;


/**
 * A subscriber number (or a short code): E.164 digits without '+'. Accepts the forms MMSCs and
 * gateways write ({@code +86 139...}, {@code tel:+86139...}, {@code 86139.../TYPE=PLMN},
 * {@code 0086139...}) and normalises them; anything else cannot become an {@code Msisdn}.
 * {@link #toString()} masks the middle digits: MSISDNs are personal data and end up in logs.
 */
public final class Msisdn implements Comparable<Msisdn> {

    public static final int MIN_DIGITS = 3;
    public static final int MAX_DIGITS = 15;

    private final String digits;

    private Msisdn(String digits) {
        this.digits = digits;
    }

    /** @throws MsisdnFormatException naming what is wrong with the input */
    public static Msisdn parse(String raw) {
        if (raw == null) {
            throw new MsisdnFormatException("missing");
        }
        String s = raw.strip();
        if (s.regionMatches(true, 0, "tel:", 0, 4)) {
            s = s.substring(4);
        }
        int type = indexOfIgnoreCase(s, "/TYPE=");
        if (type >= 0) {
            String kind = s.substring(type + 6);
            if (!kind.equalsIgnoreCase("PLMN")) {
                throw new MsisdnFormatException("address type " + kind + " is not a phone number");
            }
            s = s.substring(0, type);
        }
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c == '+' && d.length() == 0 && i == firstNonSeparator(s)) {
                // leading international prefix
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw new MsisdnFormatException("unexpected character '" + c + "'");
            }
        }
        String digits = d.toString();
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new MsisdnFormatException("must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, has "
                    + digits.length());
        }
        return new Msisdn(digits);
    }

    private static int firstNonSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String s, String needle) {
        for (int i = 0; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The normalised digits: for storage and for the wire, never for logs. */
    public String digits() {
        return digits;
    }

    /** The masked form for logs and public pages: {@code 8613905****01}. */
    public String masked() {
        return mask(digits);
    }

    /** Masks a digit string the way {@link #masked()} does. */
    public static String mask(String digits) {
        int n = digits.length();
        if (n <= 6) {
            return "*".repeat(Math.max(0, n - 2)) + digits.substring(Math.max(0, n - 2));
        }
        int head = Math.min(7, n - 4);
        return digits.substring(0, head) + "****" + digits.substring(Math.min(n, head + 4));
    }

    public boolean startsWith(String prefix) {
        return digits.startsWith(prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msisdn m && m.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public int compareTo(Msisdn o) {
        return digits.compareTo(o.digits);
    }

    @Override
    public String toString() {
        return masked();
    }

}
