package io.baton.mms.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.baton.mms.mime.Mm4Exception.Reason;

/**
 * The header block of an RFC 2822 message as MM4 peers write it (3GPP TS 23.140 §8.4): field
 * names case-insensitive, folded lines unfolded, values as text (UTF-8 when the bytes are valid
 * UTF-8, else ISO-8859-1, so no byte throws). Read by hand rather than with mime4j because an MM4
 * delivery report is often a header block alone, and because every way a block can be wrong must
 * end as one precise {@link Mm4Exception} naming the line.
 *
 * <p>Tolerated: LF or CRLF line ends, an mbox {@code From } line first (logs kept as mbox), a
 * block that ends with the record (no body). Refused: a line that is neither a field nor a
 * continuation, a continuation before the first field, a field name outside RFC 2822's printable
 * ASCII, a NUL byte, more bytes or fields than the limits.
 */
public final class Mm4HeaderBlock {

    private final Map<String, List<String>> fields;
    private final int bodyOffset;

    private Mm4HeaderBlock(Map<String, List<String>> fields, int bodyOffset) {
        this.fields = fields;
        this.bodyOffset = bodyOffset;
    }

    /**
     * @param maxBytes  most bytes of the header block, blank line excluded
     * @param maxFields most header fields
     * @throws Mm4Exception for anything that is not a header block within the limits; never another exception
     */
    public static Mm4HeaderBlock read(byte[] raw, int maxBytes, int maxFields) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        int pos = 0;
        int lineNumber = 0;
        String name = null;
        StringBuilder value = null;
        while (pos < raw.length) {
            int end = lineEnd(raw, pos);
            int next = end < raw.length ? end + 1 : end;
            int contentEnd = end > pos && raw[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            if (contentEnd == pos) { // the blank line: the body follows
                add(fields, name, value);
                return new Mm4HeaderBlock(fields, next);
            }
            if (next > maxBytes) {
                throw new Mm4Exception(Reason.HEADER_TOO_LARGE, "header block longer than " + maxBytes + " bytes");
            }
            byte first = raw[pos];
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    throw new Mm4Exception(Reason.MALFORMED_HEADER, "line " + lineNumber + ": continuation before the first field");
                }
                value.append(text(raw, pos, contentEnd, lineNumber)); // unfolding keeps the white space, drops the line break
            } else if (lineNumber == 1 && startsWith(raw, pos, "From ")) {
                // mbox separator line of a logged message: not a header
            } else {
                int colon = colon(raw, pos, contentEnd, lineNumber);
                add(fields, name, value);
                if (++count > maxFields) {
                    throw new Mm4Exception(Reason.HEADER_TOO_LARGE, "more than " + maxFields + " header fields");
                }
                name = new String(raw, pos, colon - pos, java.nio.charset.StandardCharsets.US_ASCII).trim()
                        .toLowerCase(Locale.ROOT);
                value = new StringBuilder(text(raw, colon + 1, contentEnd, lineNumber));
            }
            pos = next;
        }
        add(fields, name, value);
        return new Mm4HeaderBlock(fields, raw.length);
    }

    /** The first value of a field (name case-insensitive), trimmed; empty when absent. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a field in order; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Number of distinct field names. */
    public int names() {
        return fields.size();
    }

    /** Offset of the first body byte; the record's length when there is no body. */
    public int bodyOffset() {
        return bodyOffset;
    }

    private static void add(Map<String, List<String>> fields, String name, StringBuilder value) {
        if (name != null) {
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value.toString().trim());
        }
    }

    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    private static boolean startsWith(byte[] raw, int pos, String prefix) {
        if (raw.length - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The colon ending the field name; the name must be printable ASCII without space (RFC 2822 §2.2), trailing blanks tolerated. */
    private static int colon(byte[] raw, int from, int to, int lineNumber) {
        boolean blank = false;
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == ':') {
                if (i == from) {
                    throw new Mm4Exception(Reason.MALFORMED_HEADER, "line " + lineNumber + ": empty field name");
                }
                return i;
            }
            if (b == ' ' || b == '\t') {
                blank = true;
            } else if (b < 33 || b > 126 || blank) {
                throw new Mm4Exception(Reason.MALFORMED_HEADER, "line " + lineNumber + ": not a header field (no \"name:\")");
            }
        }
        throw new Mm4Exception(Reason.MALFORMED_HEADER, "line " + lineNumber + ": not a header field (no colon)");
    }

    private static String text(byte[] raw, int from, int to, int lineNumber) {
        for (int i = from; i < to; i++) {
            if (raw[i] == 0) {
                throw new Mm4Exception(Reason.MALFORMED_HEADER, "line " + lineNumber + ": NUL byte in a header value");
            }
        }
        return MailHeaders.text(raw, from, to - from);
    }
}
