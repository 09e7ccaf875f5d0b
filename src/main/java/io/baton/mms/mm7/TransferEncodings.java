package io.baton.mms.mm7;

import java.io.ByteArrayOutputStream;

/** Quoted-printable (RFC 2045 6.7) read leniently: a malformed escape is kept as written. */
final class TransferEncodings {

    private TransferEncodings() {
    }

    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < raw.length && Character.digit(raw[i + 1], 16) >= 0
                    && Character.digit(raw[i + 2], 16) >= 0) {
                out.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
