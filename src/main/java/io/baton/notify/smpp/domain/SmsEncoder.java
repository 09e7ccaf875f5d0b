package io.baton.notify.smpp.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the encoding of a text and splits it into SMS segments: GSM 7-bit when every character
 * is in the default alphabet or its extension (an extension character costs two septets), UCS-2
 * otherwise. A text that does not fit one SMS (160 septets / 70 UCS-2 units) is sent as
 * concatenated segments of at most 153 septets / 67 units behind an 8-bit-reference UDH (IEI 0x00),
 * cut so that no escape sequence and no surrogate pair is split.
 */
public final class SmsEncoder {

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_SEGMENT = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_SEGMENT = 67;
    /** A reference is one octet, so at most 255 segments. */
    public static final int MAX_SEGMENTS = 255;
    /** The concatenation UDH: UDHL, IEI 0x00, IEDL 3, reference, total, sequence. */
    public static final int UDH_LENGTH = 6;

    private SmsEncoder() {
    }

    /**
     * @param reference the concatenation reference (only its low 8 bits are used); give the same one
     *                  on a resubmission so handsets reassemble segments of both attempts
     * @throws IllegalArgumentException when the text needs more than 255 segments
     */
    public static EncodedSms encode(String text, int reference) {
        int septets = GsmAlphabet.septets(text);
        if (septets >= 0) {
            return gsm7(text, septets, reference);
        }
        return ucs2(text, reference);
    }

    private static EncodedSms gsm7(String text, int septets, int reference) {
        if (septets <= GSM7_SINGLE) {
            return new EncodedSms(DataCoding.GSM7, List.of(GsmAlphabet.encode(text)), septets);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = GsmAlphabet.septets(text.charAt(i));
            if (used + cost > GSM7_SEGMENT) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
        }
        parts.add(text.substring(start));
        return new EncodedSms(DataCoding.GSM7, withHeaders(parts, reference, GsmAlphabet::encode), septets);
    }

    private static EncodedSms ucs2(String text, int reference) {
        if (text.length() <= UCS2_SINGLE) {
            return new EncodedSms(DataCoding.UCS2, List.of(text.getBytes(StandardCharsets.UTF_16BE)), text.length());
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_SEGMENT, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep the pair together in the next segment
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return new EncodedSms(DataCoding.UCS2,
                withHeaders(parts, reference, p -> p.getBytes(StandardCharsets.UTF_16BE)), text.length());
    }

    private static List<byte[]> withHeaders(List<String> parts, int reference,
            java.util.function.Function<String, byte[]> body) {
        if (parts.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("text needs " + parts.size() + " segments, at most 255 fit");
        }
        List<byte[]> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            byte[] payload = body.apply(parts.get(i));
            byte[] segment = new byte[UDH_LENGTH + payload.length];
            segment[0] = 5;
            segment[1] = 0x00;
            segment[2] = 3;
            segment[3] = (byte) reference;
            segment[4] = (byte) parts.size();
            segment[5] = (byte) (i + 1);
            System.arraycopy(payload, 0, segment, UDH_LENGTH, payload.length);
            out.add(segment);
        }
        return out;
    }

    /**
     * Octets of a segment on the air interface (TP-UD): UCS-2 and headers as they are, GSM septets
     * packed after the fill bits that align them behind the header. At most 140 for every segment.
     */
    public static int airOctets(DataCoding coding, byte[] segment, boolean udh) {
        int header = udh ? (segment[0] & 0xFF) + 1 : 0;
        if (coding != DataCoding.GSM7) {
            return segment.length;
        }
        int septets = segment.length - header;
        int headerSeptets = (header * 8 + 6) / 7;
        return (headerSeptets * 7 + septets * 7 + 7) / 8;
    }
}
