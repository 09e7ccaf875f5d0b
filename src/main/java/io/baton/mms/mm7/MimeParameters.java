package io.baton.mms.mm7;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Content-Type value ({@code boundary}, {@code start}, {@code type},
 * {@code charset}): names lower-cased (MMSCs write {@code Start=} and {@code Type=}), quoted values
 * unquoted, a trailing ';' and stray whitespace tolerated.
 */
final class MimeParameters {

    private MimeParameters() {
    }

    static Map<String, String> of(String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        if (contentType == null) {
            return params;
        }
        int i = contentType.indexOf(';');
        int n = contentType.length();
        while (i >= 0 && i < n) {
            i++;
            while (i < n && (Character.isWhitespace(contentType.charAt(i)) || contentType.charAt(i) == ';')) {
                i++;
            }
            int eq = contentType.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = contentType.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < n && Character.isWhitespace(contentType.charAt(v))) {
                v++;
            }
            String value;
            if (v < n && contentType.charAt(v) == '"') {
                int close = contentType.indexOf('"', v + 1);
                close = close < 0 ? n : close;
                value = contentType.substring(v + 1, close);
                i = contentType.indexOf(';', Math.min(close + 1, n));
            } else {
                int semi = contentType.indexOf(';', v);
                value = contentType.substring(v, semi < 0 ? n : semi).strip();
                i = semi;
            }
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** The media type without parameters, lower case; empty for null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A Content-ID or cid: reference reduced to what MMSCs agree on: no {@code cid:} scheme, no angle
     * brackets, no whitespace, %-escapes decoded, lower case.
     */
    static String normaliseContentId(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip();
        if (s.regionMatches(true, 0, "cid:", 0, 4)) {
            s = s.substring(4);
        }
        StringBuilder decoded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                decoded.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        StringBuilder b = new StringBuilder(decoded.length());
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c != '<' && c != '>' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
