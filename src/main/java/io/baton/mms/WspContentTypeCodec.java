package io.baton.mms;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content-type-value with its parameters (WAP-230 §8.4.2.24 and Table 38) and the part header
 * Content-Disposition, in both directions, so the two stay one table apart.
 */
final class WspContentTypeCodec {

    /** Parameter value shapes of Table 38. */
    private enum Shape { TEXT, TEXT_VALUE, INTEGER, SHORT, CHARSET, CONSTRAINED, VERSION, Q, NO_VALUE, FIELD_NAME }

    private static final String[] PARAM_NAMES = {
        "q", "charset", "level", "type", null, "name", "filename", "differences", "padding", "type", "start",
        "start-info", "comment", "domain", "max-age", "path", "secure", "sec", "mac", "creation-date",
        "modification-date", "read-date", "size", "name", "filename", "start", "start-info", "comment", "domain",
        "path",
    };

    private static final Shape[] PARAM_SHAPES = {
        Shape.Q, Shape.CHARSET, Shape.VERSION, Shape.INTEGER, null, Shape.TEXT, Shape.TEXT, Shape.FIELD_NAME,
        Shape.SHORT, Shape.CONSTRAINED, Shape.TEXT, Shape.TEXT, Shape.TEXT, Shape.TEXT, Shape.INTEGER, Shape.TEXT,
        Shape.NO_VALUE, Shape.SHORT, Shape.TEXT_VALUE, Shape.INTEGER, Shape.INTEGER, Shape.INTEGER, Shape.INTEGER,
        Shape.TEXT_VALUE, Shape.TEXT_VALUE, Shape.TEXT_VALUE, Shape.TEXT_VALUE, Shape.TEXT_VALUE, Shape.TEXT_VALUE,
        Shape.TEXT_VALUE,
    };

    /** What we write for each parameter name: the WSP 1.2/1.3 codes every MMS decoder knows. */
    private static final Map<String, Integer> ENCODE_CODES = Map.of(
            "charset", 0x01, "type", 0x09, "name", 0x05, "filename", 0x06, "start", 0x0A, "start-info", 0x0B,
            "comment", 0x0C, "domain", 0x0D, "path", 0x0F);

    private static final String[] DISPOSITIONS = { "form-data", "attachment", "inline" };

    static final int CONTENT_DISPOSITION = 0x2E;
    static final int CONTENT_DISPOSITION_WSP14 = 0x45;

    private WspContentTypeCodec() {
    }

    static MmsContentType read(WspCursor in, String field) {
        int b = in.peek(field);
        if (b >= 0x80) {
            return MmsContentType.of(wellKnownMedia(in, in.shortInteger(field), field));
        }
        if (b > 31) {
            return MmsContentType.of(in.textString(field));
        }
        WspCursor value = in.valueLengthRegion(field);
        String media;
        int m = value.peek(field);
        if (m >= 0x80 || m <= 30) {
            int at = value.position();
            long code = value.integerValue(field);
            media = wellKnownMedia(code, field, at);
        } else {
            media = value.textString(field);
        }
        Map<String, String> params = readParameters(value, field);
        return new MmsContentType(media, params);
    }

    /** The media type of a Short-integer just read. */
    private static String wellKnownMedia(WspCursor in, long code, String field) {
        return wellKnownMedia(code, field, in.position() - 1);
    }

    private static String wellKnownMedia(long code, String field, int at) {
        String name = WspContentTypes.name(code);
        if (name == null) {
            throw new MmsCodecException(at, field, "unknown well-known content type 0x" + Long.toHexString(code));
        }
        return name;
    }

    /** Parameters up to the end of a Value-length region. */
    private static Map<String, String> readParameters(WspCursor in, String field) {
        Map<String, String> params = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            int at = in.position();
            int b = in.peek(field);
            if (b >= 0x80) {
                int code = in.shortInteger(field);
                if (code >= PARAM_SHAPES.length || PARAM_SHAPES[code] == null) {
                    throw new MmsCodecException(at, field, "unknown well-known parameter 0x" + WspCursor.hex(code));
                }
                params.putIfAbsent(PARAM_NAMES[code], typedValue(in, PARAM_SHAPES[code], field));
            } else if (b > 31) {
                String name = in.textString(field).toLowerCase(Locale.ROOT);
                params.putIfAbsent(name, untypedValue(in, field));
            } else {
                throw new MmsCodecException(at, field, "expected a parameter, found 0x" + WspCursor.hex(b));
            }
        }
        return params;
    }

    private static String typedValue(WspCursor in, Shape shape, String field) {
        switch (shape) {
            case TEXT:
                return in.textString(field);
            case TEXT_VALUE:
                return textValue(in, field);
            case INTEGER:
                return Long.toString(in.integerValue(field));
            case SHORT:
                return Integer.toString(in.shortInteger(field));
            case CHARSET:
                int b = in.peek(field);
                if (b >= 0x80 || b <= 30) {
                    return MmsCharset.nameOfMib(in.charset(field));
                }
                return in.textString(field);
            case CONSTRAINED:
                if (in.peek(field) >= 0x80) {
                    return wellKnownMedia(in, in.shortInteger(field), field);
                }
                return in.textString(field);
            case VERSION:
                if (in.peek(field) >= 0x80) {
                    return MmsVersions.text(in.shortInteger(field));
                }
                return in.textString(field);
            case Q:
                return Long.toString(in.uintvar(field));
            case NO_VALUE:
                if (in.octet(field) != 0) {
                    throw new MmsCodecException(in.position() - 1, field, "expected No-value (0x00)");
                }
                return "";
            case FIELD_NAME:
                if (in.peek(field) >= 0x80) {
                    return Integer.toString(in.shortInteger(field));
                }
                return in.textString(field);
            default:
                throw new IllegalStateException(shape.name());
        }
    }

    /** Text-value: No-value, Token-text or Quoted-string. */
    private static String textValue(WspCursor in, String field) {
        if (in.peek(field) == 0) {
            in.octet(field);
            return "";
        }
        return in.quotedOrText(field);
    }

    /** Untyped-value: Integer-value or Text-value. */
    private static String untypedValue(WspCursor in, String field) {
        int b = in.peek(field);
        if (b >= 0x80 || (b > 0 && b <= 30)) {
            return Long.toString(in.integerValue(field));
        }
        return textValue(in, field);
    }

    /** Content-Disposition value (WAP-230 §8.4.2.53): general form, or a bare token as some handsets send. */
    static MmsContentDisposition readDisposition(WspCursor in, String field) {
        int b = in.peek(field);
        if (b >= 0x80) {
            return new MmsContentDisposition(disposition(in, field), Map.of());
        }
        if (b > 31) {
            return new MmsContentDisposition(in.textString(field), Map.of());
        }
        WspCursor value = in.valueLengthRegion(field);
        String disposition = value.peek(field) >= 0x80 ? disposition(value, field) : value.textString(field);
        return new MmsContentDisposition(disposition, readParameters(value, field));
    }

    private static String disposition(WspCursor in, String field) {
        int at = in.position();
        int code = in.octet(field) - 0x80;
        if (code < 0 || code >= DISPOSITIONS.length) {
            throw new MmsCodecException(at, field, "unknown Content-Disposition token 0x" + WspCursor.hex(code + 0x80));
        }
        return DISPOSITIONS[code];
    }

    static void write(WspWriter out, MmsContentType type, String field) {
        int code = WspContentTypes.code(type.mediaType());
        if (type.parameters().isEmpty()) {
            writeMedia(out, type.mediaType(), code, field);
            return;
        }
        WspWriter value = new WspWriter();
        writeMedia(value, type.mediaType(), code, field);
        writeParameters(value, type.parameters(), field);
        out.lengthPrefixed(value);
    }

    private static void writeMedia(WspWriter out, String media, int code, String field) {
        if (code >= 0) {
            out.shortInteger(code);
        } else {
            out.textString(media, field);
        }
    }

    static void writeDisposition(WspWriter out, MmsContentDisposition disposition, String field) {
        WspWriter value = new WspWriter();
        int code = java.util.Arrays.asList(DISPOSITIONS).indexOf(disposition.disposition());
        if (code >= 0) {
            value.octet(0x80 + code);
        } else {
            value.textString(disposition.disposition(), field);
        }
        writeParameters(value, disposition.parameters(), field);
        out.lengthPrefixed(value);
    }

    private static void writeParameters(WspWriter out, Map<String, String> params, String field) {
        params.forEach((name, value) -> {
            Integer code = ENCODE_CODES.get(name);
            if (code == null) {
                out.textString(name, field);
                writeUntyped(out, value, field);
            } else if (code == 0x01) {
                writeCharset(out, value, field);
            } else if (code == 0x09) {
                out.shortInteger(code);
                writeMedia(out, value, WspContentTypes.code(value), field);
            } else {
                out.shortInteger(code);
                out.textString(value, field);
            }
        });
    }

    private static void writeCharset(WspWriter out, String value, String field) {
        int mib = MmsCharset.mibOfName(value);
        if (mib >= 0 && MmsCharset.nameOfMib(mib).equals(value)) {
            out.shortInteger(0x01).integerValue(mib);
        } else {
            // A charset we cannot name by number goes as an untyped parameter, spelt as received.
            out.textString("charset", field);
            writeUntyped(out, value, field);
        }
    }

    private static void writeUntyped(WspWriter out, String value, String field) {
        if (value.isEmpty()) {
            out.octet(0);
        } else if (value.charAt(0) > 0x20 && value.charAt(0) < 0x7F && value.charAt(0) != '"') {
            out.textString(value, field);
        } else {
            out.quotedString(value, field);
        }
    }
}
