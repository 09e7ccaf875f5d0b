package io.baton.mms.mm7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an MM7 HTTP body: a multipart/related whose SOAP part is named by {@code start} (or, when
 * {@code start} is missing or names nothing, the first part that is XML), or a bare SOAP envelope.
 * The content a {@code Content href} points at is matched by Content-ID leniently (brackets,
 * spaces, case, {@code cid:}), else taken as the one non-SOAP part; nested multiparts are flattened
 * into leaf parts. Every failure is one {@link Mm7Exception} naming the part or element.
 * Thread-safe.
 */
public final class Mm7Decoder {

    /** 4 MB of body, 100 parts, 8 levels of multipart and 64 of XML. */
    public static final Mm7Decoder DEFAULT = new Mm7Decoder(4 * 1024 * 1024, 100, 8);

    private final int maxBytes;
    private final int maxParts;
    private final int maxDepth;
    private final EnvelopeReader envelopes;

    /**
     * @param maxBytes largest body accepted
     * @param maxParts most MIME parts, counted over all nesting levels
     * @param maxDepth most levels of nested multipart
     */
    public Mm7Decoder(int maxBytes, int maxParts, int maxDepth) {
        if (maxBytes <= 0 || maxParts <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("MM7 limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxParts = maxParts;
        this.maxDepth = maxDepth;
        this.envelopes = new EnvelopeReader(64);
    }

    /**
     * @param contentType the HTTP Content-Type (null when unknown: the body decides)
     * @param body the HTTP body
     */
    public Mm7Message decode(String contentType, byte[] body) throws Mm7Exception {
        if (body == null || body.length == 0) {
            throw new Mm7Exception("body", "empty");
        }
        if (body.length > maxBytes) {
            throw new Mm7Exception("body", body.length + " bytes, over the limit of " + maxBytes);
        }
        int start = MultipartReader.skipBlankLines(body, 0, body.length);
        String media = MimeParameters.mediaType(contentType);
        var params = MimeParameters.of(contentType);
        boolean looksXml = start < body.length && (body[start] == '<' || body[start] == (byte) 0xEF);
        if (looksXml || (!media.startsWith("multipart/") && MultipartReader.sniffBoundary(body, 0, body.length) == null)) {
            // a bare envelope, also when the Content-Type claims a multipart without a boundary
            return envelopes.read(body, start, body.length, "SOAP envelope", href -> List.of());
        }
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            boundary = MultipartReader.sniffBoundary(body, 0, body.length);
            if (boundary == null) {
                throw new Mm7Exception("multipart", "no boundary parameter and no boundary line");
            }
        }
        List<MultipartReader.RawPart> parts = MultipartReader.parts(body, 0, body.length, boundary, maxParts,
                "multipart");
        int soapIndex = soapPart(parts, params.get("start"), body);
        MultipartReader.RawPart soap = parts.get(soapIndex);
        int[] partCount = {parts.size()};
        int xmlStart = MultipartReader.skipBlankLines(body, soap.start(), soap.end());
        return envelopes.read(body, xmlStart, soap.end(), "part " + (soapIndex + 1) + " (SOAP)",
                href -> content(body, parts, soapIndex, href, partCount));
    }

    private static int soapPart(List<MultipartReader.RawPart> parts, String start, byte[] body) throws Mm7Exception {
        if (start != null && !start.isBlank()) {
            String wanted = MimeParameters.normaliseContentId(start);
            for (int i = 0; i < parts.size(); i++) {
                if (wanted.equals(MimeParameters.normaliseContentId(parts.get(i).header("content-id")))) {
                    return i;
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            String media = MimeParameters.mediaType(parts.get(i).header("content-type"));
            if (media.equals("text/xml") || media.equals("application/xml") || media.equals("application/soap+xml")) {
                return i;
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            MultipartReader.RawPart p = parts.get(i);
            int s = MultipartReader.skipBlankLines(body, p.start(), p.end());
            if (s < p.end() && body[s] == '<') {
                return i;
            }
        }
        throw new Mm7Exception("multipart", "no SOAP part: start names no part and no part is XML");
    }

    private List<Mm7Part> content(byte[] body, List<MultipartReader.RawPart> parts, int soapIndex, String href,
            int[] partCount) throws Mm7Exception {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i != soapIndex) {
                others.add(i);
            }
        }
        if (others.isEmpty()) {
            return List.of();
        }
        String wanted = MimeParameters.normaliseContentId(href);
        for (int i : others) {
            MultipartReader.RawPart p = parts.get(i);
            if (!wanted.isEmpty() && (wanted.equals(MimeParameters.normaliseContentId(p.header("content-id")))
                    || wanted.equals(MimeParameters.normaliseContentId(p.header("content-location"))))) {
                others = List.of(i);
                break;
            }
        }
        // an href matching nothing: the content is every part that is not SOAP, in order
        List<Mm7Part> leaves = new ArrayList<>();
        for (int i : others) {
            flatten(body, parts.get(i), "part " + (i + 1), 1, leaves, partCount);
        }
        return leaves;
    }

    private void flatten(byte[] body, MultipartReader.RawPart part, String where, int depth, List<Mm7Part> out,
            int[] partCount) throws Mm7Exception {
        String type = part.header("content-type");
        if (MimeParameters.mediaType(type).startsWith("multipart/")) {
            if (depth >= maxDepth) {
                throw new Mm7Exception(where, "multipart nested deeper than " + maxDepth + " levels");
            }
            String boundary = MimeParameters.of(type).get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                boundary = MultipartReader.sniffBoundary(body, part.start(), part.end());
                if (boundary == null) {
                    throw new Mm7Exception(where, "multipart without a boundary");
                }
            }
            List<MultipartReader.RawPart> children = MultipartReader.parts(body, part.start(), part.end(), boundary,
                    maxParts, where);
            partCount[0] += children.size();
            if (partCount[0] > maxParts) {
                throw new Mm7Exception(where, "more than " + maxParts + " parts in all");
            }
            for (int i = 0; i < children.size(); i++) {
                flatten(body, children.get(i), where + "." + (i + 1), depth + 1, out, partCount);
            }
            return;
        }
        out.add(new Mm7Part(type, contentIdOf(part.header("content-id")), part.header("content-location"),
                decodeBody(body, part, where)));
    }

    private static String contentIdOf(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static byte[] decodeBody(byte[] body, MultipartReader.RawPart part, String where) throws Mm7Exception {
        String encoding = part.header("content-transfer-encoding");
        encoding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        byte[] raw = java.util.Arrays.copyOfRange(body, part.start(), part.end());
        return switch (encoding) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> TransferEncodings.quotedPrintable(raw);
            case "", "7bit", "8bit", "binary" -> raw;
            default -> throw new Mm7Exception(where, "unknown Content-Transfer-Encoding " + encoding);
        };
    }

    private static final byte[] BASE64 = new byte[256];

    static {
        java.util.Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    /** Base64 as MMSCs send it: line breaks anywhere, padding optional, a cut-off last group dropped. */
    private static byte[] base64(byte[] raw) {
        byte[] out = new byte[raw.length / 4 * 3 + 3];
        int o = 0;
        int acc = 0;
        int bits = 0;
        for (byte b : raw) {
            int v = BASE64[b & 0xFF];
            if (v < 0) {
                if (b == '=') {
                    break;
                }
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return java.util.Arrays.copyOf(out, o);
    }
}
