package io.baton.mms;

import java.util.HexFormat;

/**
 * Reads one MMS header (OMA-MMS-ENC §7.2–7.3): a well-known field (0x80 | code) with the value
 * shape {@link MmsHeaderField} gives it, or an application header (Token-text name, Text-string
 * value). Values with fixed meanings are checked here, so an unknown code fails at its offset.
 */
final class MmsHeaderReader {

    static final String[] MESSAGE_CLASSES = { "Personal", "Advertisement", "Informational", "Auto" };
    static final String[] MM_FLAG_TOKENS = { "add", "remove", "filter" };

    private MmsHeaderReader() {
    }

    static MmsHeader read(WspCursor in) {
        int start = in.position();
        int b = in.peek("header field");
        if (b >= 0x80) {
            in.octet("header field");
            int code = b & 0x7F;
            MmsHeaderField field = MmsHeaderField.fromCode(code);
            int valueStart = in.position();
            if (field == null) {
                String name = "X-Mms-0x" + WspCursor.hex(b);
                in.quirk(MmsQuirk.Kind.UNKNOWN_HEADER_FIELD, start, name);
                in.skipValue(name);
                byte[] raw = in.since(valueStart);
                return new MmsHeader(name, code, HexFormat.of().formatHex(raw), raw);
            }
            Object value = value(in, field);
            return new MmsHeader(field.specName(), code, value, in.since(valueStart));
        }
        // Token-text starts with a visible character; a space or DEL here is not a header name.
        if (b > 0x20 && b < 0x7F) {
            String name = in.textString("application header name");
            int valueStart = in.position();
            String value = in.textString(name);
            return new MmsHeader(name, -1, value, in.since(valueStart));
        }
        throw new MmsCodecException(start, "header field", "expected a header field, found 0x" + WspCursor.hex(b));
    }

    private static Object value(WspCursor in, MmsHeaderField field) {
        String name = field.specName();
        switch (field.kind()) {
            case TEXT:
                return in.textString(name);
            case ENCODED_STRING:
                return in.encodedString(name);
            case LONG:
            case INTEGER:
                return in.integerValue(name);
            case OCTET:
                return in.octet(name);
            case YES_NO:
                return yesNo(in, name);
            case VERSION:
                return in.peek(name) >= 0x80 ? MmsVersions.text(in.shortInteger(name)) : in.textString(name);
            case DATE:
                return in.date(name);
            case TIME:
                return time(in, name);
            case FROM:
                return from(in, name);
            case MESSAGE_CLASS:
                return messageClass(in, name);
            case MESSAGE_TYPE:
                return known(in, name, MmsMessageType::fromCode);
            case PRIORITY:
                return known(in, name, MmsPriority::fromCode);
            case SENDER_VISIBILITY:
                return known(in, name, MmsSenderVisibility::fromCode);
            case RESPONSE_STATUS:
                return known(in, name, MmsResponseStatus::fromCode);
            case RETRIEVE_STATUS:
                return known(in, name, MmsRetrieveStatus::fromCode);
            case STATUS:
                return known(in, name, MmsStatus::fromCode);
            case READ_STATUS:
                return known(in, name, MmsReadStatus::fromCode);
            case CONTENT_TYPE:
                return WspContentTypeCodec.read(in, name);
            case PREVIOUSLY_SENT_BY:
                return previouslySent(in, name, true);
            case PREVIOUSLY_SENT_DATE:
                return previouslySent(in, name, false);
            case MM_FLAGS:
                return mmFlags(in, name);
            case OPAQUE:
                WspCursor opaque = in.valueLengthRegion(name);
                return HexFormat.of().formatHex(opaque.rest());
            default:
                throw new IllegalStateException(field.kind().name());
        }
    }

    private static <T> T known(WspCursor in, String name, java.util.function.IntFunction<T> lookup) {
        int at = in.position();
        int code = in.octet(name);
        T value = lookup.apply(code);
        if (value == null) {
            throw new MmsCodecException(at, name, "unknown value 0x" + WspCursor.hex(code));
        }
        return value;
    }

    private static Boolean yesNo(WspCursor in, String name) {
        int at = in.position();
        int code = in.octet(name);
        if (code == 0x80) {
            return Boolean.TRUE;
        }
        if (code == 0x81) {
            return Boolean.FALSE;
        }
        throw new MmsCodecException(at, name, "expected Yes (0x80) or No (0x81), found 0x" + WspCursor.hex(code));
    }

    /** Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value). */
    private static MmsTimeValue time(WspCursor in, String name) {
        WspCursor value = in.valueLengthRegion(name);
        int at = value.position();
        int token = value.octet(name);
        MmsTimeValue result;
        if (token == 0x80) {
            result = MmsTimeValue.at(value.date(name));
        } else if (token == 0x81) {
            result = new MmsTimeValue(true, value.integerValue(name));
        } else {
            throw new MmsCodecException(at, name, "expected Absolute-token (0x80) or Relative-token (0x81), found 0x"
                    + WspCursor.hex(token));
        }
        value.finish(name);
        return result;
    }

    /** Value-length (Address-present-token Encoded-string-value | Insert-address-token). */
    private static String from(WspCursor in, String name) {
        WspCursor value = in.valueLengthRegion(name);
        int at = value.position();
        int token = value.octet(name);
        String result;
        if (token == 0x80) {
            result = value.encodedString(name).text();
        } else if (token == 0x81) {
            result = MmsPdu.INSERT_ADDRESS_TOKEN;
        } else {
            throw new MmsCodecException(at, name, "expected Address-present-token (0x80) or Insert-address-token (0x81),"
                    + " found 0x" + WspCursor.hex(token));
        }
        value.finish(name);
        return result;
    }

    private static String messageClass(WspCursor in, String name) {
        int at = in.position();
        int b = in.peek(name);
        if (b >= 0x80) {
            in.octet(name);
            if (b - 0x80 >= MESSAGE_CLASSES.length) {
                throw new MmsCodecException(at, name, "unknown Class-identifier 0x" + WspCursor.hex(b));
            }
            return MESSAGE_CLASSES[b - 0x80];
        }
        return in.textString(name);
    }

    private static MmsPreviouslySent previouslySent(WspCursor in, String name, boolean by) {
        WspCursor value = in.valueLengthRegion(name);
        long counter = value.integerValue(name);
        MmsPreviouslySent result = by
                ? new MmsPreviouslySent(counter, value.encodedString(name).text(), null)
                : new MmsPreviouslySent(counter, null, value.date(name));
        value.finish(name);
        return result;
    }

    /** Value-length (Add-token | Remove-token | Filter-token) Encoded-string-value, as "add:flag". */
    private static String mmFlags(WspCursor in, String name) {
        WspCursor value = in.valueLengthRegion(name);
        int at = value.position();
        int token = value.octet(name) - 0x80;
        if (token < 0 || token >= MM_FLAG_TOKENS.length) {
            throw new MmsCodecException(at, name, "unknown MM-flags token 0x" + WspCursor.hex(token + 0x80));
        }
        String result = MM_FLAG_TOKENS[token] + ":" + value.encodedString(name).text();
        value.finish(name);
        return result;
    }
}
