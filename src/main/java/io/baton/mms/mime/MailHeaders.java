package io.baton.mms.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

/** Header values as a reader of carrier mail needs them: raw bytes to text, unfolded, words decoded. */
final class MailHeaders {

    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private MailHeaders() {
    }

    /**
     * The field body from its raw bytes. Headers should be ASCII, but handsets write 8-bit subjects;
     * UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 so that no byte is lost or throws.
     */
    static String value(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return unfold(field.getBody() == null ? "" : field.getBody());
        }
        byte[] bytes = raw.toByteArray();
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        int start = Math.min(colon + 1, bytes.length);
        return unfold(text(bytes, start, bytes.length - start)).trim();
    }

    static String text(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    static String unfold(String value) {
        return FOLD.matcher(value).replaceAll("");
    }

    /** RFC 2047 encoded words decoded (any charset the JDK knows: GB2312, GBK, Big5, UTF-8...); as given when broken. */
    static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException unreadable) {
            return value;
        }
    }

    /** Unfolded lines keep their indentation; a subject reads as one line with single spaces. */
    static String oneLine(String value) {
        return WHITE_SPACE.matcher(value).replaceAll(" ").trim();
    }

    /**
     * The addresses of an address-list header as given: the text inside {@code <>} when there is one,
     * else the token without quotes. Split by hand because carrier addresses such as
     * {@code +1 555 123 4567/TYPE=PLMN@carrier} are not RFC 5322 and strict parsers drop them.
     */
    static List<String> addresses(String value) {
        List<String> addresses = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle++;
            } else if (!quoted && comment == 0 && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && comment == 0 && angle == 0 && (c == ',' || c == ';')) {
                addAddress(token.toString(), addresses);
                token.setLength(0);
                continue;
            }
            token.append(c);
        }
        addAddress(token.toString(), addresses);
        return addresses;
    }

    private static void addAddress(String token, List<String> addresses) {
        String address = token.trim();
        int open = address.indexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).trim();
        } else {
            address = address.replaceAll("\\([^)]*\\)", "").replace("\"", "").trim();
            int group = address.indexOf(':');
            if (group >= 0 && address.indexOf('@') < 0) {
                address = address.substring(group + 1).trim(); // "undisclosed-recipients:;"
            }
        }
        if (!address.isEmpty()) {
            addresses.add(address);
        }
    }

    /** A message id without its angle brackets (Message-ID, Content-ID) or quotes (MM4's X-Mms-Message-ID). */
    static String messageId(String value) {
        String id = value.trim();
        if (id.length() >= 2 && (id.startsWith("<") && id.endsWith(">") || id.startsWith("\"") && id.endsWith("\""))) {
            id = id.substring(1, id.length() - 1).trim();
        }
        return id.isEmpty() ? null : id;
    }

    /** RFC 5322 date, read leniently (carriers omit the day name, use odd zones); null when unreadable. */
    static Instant date(String value) {
        try {
            ParsedField parsed = LenientFieldParser.getParser().parse(new RawField("Date", value), DecodeMonitor.SILENT);
            if (parsed instanceof DateTimeField field) {
                Date date = field.getDate();
                return date == null ? null : date.toInstant();
            }
        } catch (RuntimeException unreadable) {
            // a date nobody can read is no date: the caller gets null, as for a missing header
        }
        return null;
    }
}
