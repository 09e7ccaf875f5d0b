package io.baton.mms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds PDUs in tests from octets (ints), ASCII text (Strings, no NUL added) and byte arrays. */
final class Bytes {

    private Bytes() {
    }

    static byte[] of(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            if (piece instanceof Integer i) {
                if (i < 0 || i > 0xFF) {
                    throw new IllegalArgumentException("not an octet: " + i);
                }
                out.write(i);
            } else if (piece instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else if (piece instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                throw new IllegalArgumentException("cannot write " + piece);
            }
        }
        return out.toByteArray();
    }
}
