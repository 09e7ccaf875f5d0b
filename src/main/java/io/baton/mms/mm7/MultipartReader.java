package io.baton.mms.mm7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounded reader of MIME multipart bodies as MMSCs write them: CRLF or LF-only line ends, spaces
 * or tabs after a boundary line, boundaries containing spaces, folded header lines, a part whose
 * headers run into its body without the blank line (the first line that is not a header starts the
 * body). Works on offsets into the one body array; copies only decoded leaf bodies.
 */
final class MultipartReader {

    /** A part: its headers (names lower case) and where its body lies in the array. */
    record RawPart(Map<String, String> headers, int start, int end) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private MultipartReader() {
    }

    /** The boundary from the first {@code --} line of the body, for a multipart sent without one. */
    static String sniffBoundary(byte[] body, int from, int to) {
        int i = skipBlankLines(body, from, to);
        if (i + 2 < to && body[i] == '-' && body[i + 1] == '-') {
            int eol = lineEnd(body, i, to);
            String b = new String(body, i + 2, eol - i - 2, StandardCharsets.ISO_8859_1).stripTrailing();
            return b.isEmpty() ? null : b;
        }
        return null;
    }

    static List<RawPart> parts(byte[] body, int from, int to, String boundary, int maxParts, String where)
            throws Mm7Exception {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<RawPart> parts = new ArrayList<>();
        int line = from;
        int partStart = -1;
        int previousLineEnd = -1;
        boolean closed = false;
        while (line < to) {
            int eol = lineEnd(body, line, to);
            int next = eol < to ? eol + 1 : to;
            Boolean close = delimiterAt(body, line, eol, delimiter);
            if (close != null) {
                if (partStart >= 0) {
                    parts.add(part(body, partStart, bodyEnd(body, partStart, previousLineEnd, line), where,
                            parts.size() + 1));
                    if (parts.size() > maxParts) {
                        throw new Mm7Exception(where, "more than " + maxParts + " parts");
                    }
                }
                if (close) {
                    closed = true;
                    break;
                }
                partStart = next;
            }
            previousLineEnd = eol;
            line = next;
        }
        if (partStart < 0) {
            throw new Mm7Exception(where, "no boundary line \"--" + boundary + "\" in the body");
        }
        if (!closed) {
            throw new Mm7Exception(where, "the body ends before the closing boundary \"--" + boundary + "--\"");
        }
        return parts;
    }

    /** TRUE: closing delimiter, FALSE: delimiter, null: not a delimiter line. */
    private static Boolean delimiterAt(byte[] b, int line, int eol, byte[] delimiter) {
        if (eol - line < delimiter.length) {
            return null;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (b[line + i] != delimiter[i]) {
                return null;
            }
        }
        int i = line + delimiter.length;
        boolean close = i + 1 < eol && b[i] == '-' && b[i + 1] == '-';
        if (close) {
            i += 2;
        }
        for (; i < eol; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return null;
            }
        }
        return close;
    }

    /** A part's body ends before the line break that precedes the next delimiter line. */
    private static int bodyEnd(byte[] b, int partStart, int previousLineEnd, int delimiterLine) {
        int end = delimiterLine;
        if (end > partStart && b[end - 1] == '\n') {
            end--;
            if (end > partStart && b[end - 1] == '\r') {
                end--;
            }
        }
        return Math.max(end, partStart);
    }

    private static RawPart part(byte[] b, int start, int end, String where, int index) throws Mm7Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        int line = start;
        String last = null;
        while (line < end) {
            int eol = lineEnd(b, line, end);
            int contentEnd = eol > line && b[eol - 1] == '\r' ? eol - 1 : eol;
            int next = eol < end ? eol + 1 : end;
            if (contentEnd == line) {
                return new RawPart(headers, next, end);
            }
            String text = new String(b, line, contentEnd - line, StandardCharsets.UTF_8);
            if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + text.strip());
            } else {
                int colon = text.indexOf(':');
                if (colon <= 0 || text.charAt(0) == '<') {
                    // headers running straight into the body (no blank line): the body starts here
                    return new RawPart(headers, line, end);
                }
                last = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.putIfAbsent(last, text.substring(colon + 1).strip());
            }
            if (headers.size() > 64) {
                throw new Mm7Exception(where + " part " + index, "more than 64 header fields");
            }
            line = next;
        }
        return new RawPart(headers, end, end);
    }

    static int lineEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    static int skipBlankLines(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }
}
