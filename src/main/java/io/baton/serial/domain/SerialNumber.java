package io.baton.serial.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A participation serial such as {@code T08-0000123-4}: campaign prefix, the campaign's sequence
 * number (at least seven digits) and a Damm check digit. Damm's quasigroup catches every
 * single-digit error and every adjacent transposition, which is what people make when they read
 * a serial off an SMS and type it in.
 */
public record SerialNumber(String prefix, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z0-9]{1,8})-([0-9]{7,18})-([0-9])");

    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    public SerialNumber {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
        if (prefix == null || !prefix.matches("[A-Z0-9]{1,8}")) {
            throw new IllegalArgumentException("prefix must be 1 to 8 upper-case letters or digits");
        }
    }

    public String digits() {
        return String.format("%07d", sequence);
    }

    public int checkDigit() {
        return damm(digits());
    }

    @Override
    public String toString() {
        return prefix + "-" + digits() + "-" + checkDigit();
    }

    /** The interim digit of Damm's algorithm over a string of digits (0 means valid). */
    static int damm(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    /** Reads a serial as a subscriber types it; empty when malformed or the check digit is wrong. */
    public static Optional<SerialNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (damm(m.group(2) + m.group(3)) != 0) {
            return Optional.empty();
        }
        long seq = Long.parseLong(m.group(2));
        if (seq < 1 || !String.format("%07d", seq).equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new SerialNumber(m.group(1), seq));
    }
}
