package io.baton.prize.domain.draw;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A draw's frozen pool: one line per eligible serial, {@code "<serial> <owner>"}, where the owner is
 * the first 16 hex digits of HMAC-SHA256(campaign pool key, MSISDN), so that a subscriber is the
 * same owner in every draw of the campaign and no number is published. Lines are sorted by byte
 * value and joined by {@code \n}; a serial appears once.
 */
public final class DrawPool {

    /** Serials are ASCII without blanks (e.g. {@code T08-0000123-4}), so char order is byte order. */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern OWNER = Pattern.compile("[0-9a-f]{16}");

    /** One line of the pool. */
    public record Entry(String serial, String owner) {

        public Entry {
            if (serial == null || !SERIAL.matcher(serial).matches()) {
                throw new DrawException("serial " + quote(serial) + " is not 1-64 letters, digits, '.', '_' or '-'");
            }
            if (owner == null || !OWNER.matcher(owner).matches()) {
                throw new DrawException("owner " + quote(owner) + " is not 16 lower-case hex digits");
            }
        }

        public String line() {
            return serial + " " + owner;
        }
    }

    private final List<Entry> entries;
    private final List<String> lines;

    private DrawPool(List<Entry> sorted) {
        this.entries = List.copyOf(sorted);
        this.lines = sorted.stream().map(Entry::line).toList();
    }

    /** The pool of these entries, in pool order; a serial given twice is refused. */
    public static DrawPool of(Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.line().compareTo(b.line()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).serial().equals(sorted.get(i - 1).serial())) {
                throw new DrawException("serial " + sorted.get(i).serial() + " is in the pool twice");
            }
        }
        return new DrawPool(sorted);
    }

    /**
     * Reads a published pool: lines joined by {@code \n} (one final {@code \n} is tolerated), each a
     * well-formed entry, strictly ascending. Anything else is refused with its line number.
     */
    public static DrawPool parse(String text) {
        List<Entry> entries = new ArrayList<>();
        if (!text.isEmpty()) {
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            String[] raw = body.split("\n", -1);
            String previous = null;
            for (int i = 0; i < raw.length; i++) {
                String line = raw[i];
                int space = line.indexOf(' ');
                if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                    throw new DrawException("pool line " + (i + 1) + " is not \"<serial> <owner>\": " + quote(line));
                }
                Entry e;
                try {
                    e = new Entry(line.substring(0, space), line.substring(space + 1));
                } catch (DrawException bad) {
                    throw new DrawException("pool line " + (i + 1) + ": " + bad.getMessage());
                }
                if (previous != null && previous.compareTo(line) >= 0) {
                    throw new DrawException("pool line " + (i + 1) + " is not after line " + i
                            + " in byte order (the pool is sorted, each serial once)");
                }
                // a serial's lines are adjacent: ' ' sorts before every character a serial may hold
                if (!entries.isEmpty() && entries.get(entries.size() - 1).serial().equals(e.serial())) {
                    throw new DrawException("pool line " + (i + 1) + " repeats serial " + e.serial());
                }
                entries.add(e);
                previous = line;
            }
        }
        return new DrawPool(entries);
    }

    /** The owner of an MSISDN in a campaign: the first 16 hex digits of HMAC-SHA256(key, msisdn). */
    public static String owner(byte[] poolKey, String msisdn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(poolKey, "HmacSHA256"));
            byte[] h = mac.doFinal(msisdn.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 with a " + poolKey.length + "-byte key", e);
        }
    }

    public int size() {
        return entries.size();
    }

    public Entry entry(int index) {
        return entries.get(index);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The published text: the lines joined by {@code \n}, without a final newline. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The RFC 6962 Merkle root of the lines, hex. */
    public String root() {
        return MerkleRoot.of(lines);
    }

    /** How many different owners the pool holds. */
    public long owners() {
        return entries.stream().map(Entry::owner).distinct().count();
    }

    private static String quote(String s) {
        if (s == null) {
            return "(none)";
        }
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }
}
