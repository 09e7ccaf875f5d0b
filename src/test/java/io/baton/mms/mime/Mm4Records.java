package io.baton.mms.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written MM4 fixtures of {@code src/test/resources/mm4/} (our own, written from TS 23.140 §8.4). */
public final class Mm4Records {

    private Mm4Records() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Mm4Records.class.getResourceAsStream("/mm4/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mm4/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
