package io.baton.notify.smpp.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a {@code short_message} by its {@code data_coding}: GSM 7-bit (unpacked, as SMPP carries
 * it), IA5, Latin-1 or UCS-2, after the user data header when {@code esm_class} says there is one
 * (concatenation IEI 0x00 with an 8-bit reference or 0x08 with a 16-bit one; other elements are
 * skipped). Every read is bounds-checked; bad input is a {@link SmsDecodingException}.
 */
public final class SmsDecoder {

    private SmsDecoder() {
    }

    public static DecodedSms decode(byte dataCoding, byte[] message, boolean udhi) throws SmsDecodingException {
        int offset = 0;
        Optional<DecodedSms.Part> part = Optional.empty();
        if (udhi) {
            if (message.length < 1) {
                throw new SmsDecodingException("udh", "empty message with the UDHI flag");
            }
            int udhl = message[0] & 0xFF;
            if (1 + udhl > message.length) {
                throw new SmsDecodingException("udh", "header length " + udhl + " exceeds the "
                        + message.length + "-octet message");
            }
            part = concatenation(message, 1, 1 + udhl);
            offset = 1 + udhl;
        }
        int length = message.length - offset;
        String text = switch (dataCoding & 0xFF) {
            case 0x00 -> GsmAlphabet.decode(message, offset, length);
            case 0x01 -> new String(message, offset, length, StandardCharsets.US_ASCII);
            case 0x03 -> new String(message, offset, length, StandardCharsets.ISO_8859_1);
            case 0x08 -> {
                if (length % 2 != 0) {
                    throw new SmsDecodingException("short_message", "UCS-2 text of odd length " + length);
                }
                yield new String(message, offset, length, StandardCharsets.UTF_16BE);
            }
            default -> throw new SmsDecodingException("data_coding",
                    "unsupported 0x" + Integer.toHexString(dataCoding & 0xFF));
        };
        return new DecodedSms(text, part);
    }

    private static Optional<DecodedSms.Part> concatenation(byte[] m, int from, int to) throws SmsDecodingException {
        Optional<DecodedSms.Part> found = Optional.empty();
        int i = from;
        while (i < to) {
            if (i + 2 > to) {
                throw new SmsDecodingException("udh", "truncated information element at " + i);
            }
            int iei = m[i] & 0xFF;
            int iedl = m[i + 1] & 0xFF;
            int data = i + 2;
            if (data + iedl > to) {
                throw new SmsDecodingException("udh", "element 0x" + Integer.toHexString(iei) + " of length " + iedl
                        + " overruns the header");
            }
            if (iei == 0x00 && iedl == 3) {
                found = Optional.of(part(m[data] & 0xFF, m[data + 1] & 0xFF, m[data + 2] & 0xFF));
            } else if (iei == 0x08 && iedl == 4) {
                found = Optional.of(part(((m[data] & 0xFF) << 8) | (m[data + 1] & 0xFF), m[data + 2] & 0xFF,
                        m[data + 3] & 0xFF));
            }
            i = data + iedl;
        }
        return found;
    }

    private static DecodedSms.Part part(int reference, int total, int sequence) throws SmsDecodingException {
        if (total == 0 || sequence == 0 || sequence > total) {
            throw new SmsDecodingException("udh", "segment " + sequence + " of " + total);
        }
        return new DecodedSms.Part(reference, total, sequence);
    }
}
