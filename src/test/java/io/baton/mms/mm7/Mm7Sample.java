package io.baton.mms.mm7;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A sample of the MM7 corpus as an HTTP peer would receive it: the Content-Type (from the
 * {@code .headers} sidecar, or from the captured HTTP message of a {@code .http}/POST file, or none)
 * and the body.
 */
public record Mm7Sample(String contentType, byte[] body) {

    /** @param file a path relative to the testdata root ({@code mm7/...}) */
    public static Mm7Sample load(Path root, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(root.resolve(file));
        Path sidecar = root.resolve(file + ".headers");
        String head = new String(bytes, 0, Math.min(bytes.length, 16), StandardCharsets.ISO_8859_1);
        if (head.startsWith("POST ") || head.startsWith("HTTP/")) {
            int split = headerEnd(bytes);
            String headers = new String(bytes, 0, split, StandardCharsets.ISO_8859_1);
            int bodyStart = split + (bytes[split] == '\r' ? 4 : 2);
            return new Mm7Sample(header(headers, "content-type"), Arrays.copyOfRange(bytes, bodyStart, bytes.length));
        }
        String contentType = Files.exists(sidecar)
                ? header(Files.readString(sidecar, StandardCharsets.ISO_8859_1), "content-type") : null;
        return new Mm7Sample(contentType, bytes);
    }

    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (b[i] == '\r' && i + 3 < b.length && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    private static String header(String headers, String name) {
        String unfolded = headers.replaceAll("\r?\n[ \t]+", " ");
        for (String line : unfolded.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
