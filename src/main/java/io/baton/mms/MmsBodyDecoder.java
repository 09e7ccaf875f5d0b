package io.baton.mms;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the body after Content-Type: a WSP multipart (WAP-230 §8.5: Uintvar entry count, then per
 * entry HeadersLen, DataLen, Content-type and headers, data) or the single part that is the rest of
 * the PDU. Lengths are checked against the octets that remain before anything is copied.
 */
final class MmsBodyDecoder {

    private static final int CONTENT_LOCATION = 0x0E;
    private static final int CONTENT_ID = 0x40;

    private final int maxParts;
    private final int maxHeaders;

    MmsBodyDecoder(int maxParts, int maxHeaders) {
        this.maxParts = maxParts;
        this.maxHeaders = maxHeaders;
    }

    MmsBody read(WspCursor in, MmsContentType contentType) {
        if (!contentType.isMultipart()) {
            return MmsBody.single(contentType, in.rest());
        }
        if (!in.hasRemaining()) {
            in.quirk(MmsQuirk.Kind.MISSING_PART_COUNT, in.position(), "multipart entry count");
            return MmsBody.multipart(contentType, List.of());
        }
        int countAt = in.position();
        long count = in.uintvar("multipart entry count");
        if (count > maxParts) {
            throw new MmsCodecException(countAt, "multipart entry count", count + " parts exceed the limit of " + maxParts);
        }
        // An entry takes at least three octets (two lengths and a content type).
        if (count * 3 > in.remaining()) {
            throw new MmsCodecException(countAt, "multipart entry count",
                    count + " parts cannot fit in the " + in.remaining() + " octets that remain");
        }
        List<MmsPart> parts = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            parts.add(part(in, i));
        }
        if (in.hasRemaining()) {
            in.quirk(MmsQuirk.Kind.BYTES_AFTER_LAST_PART, in.position(), "multipart");
            in.rest();
        }
        return MmsBody.multipart(contentType, parts);
    }

    private MmsPart part(WspCursor in, int index) {
        String field = "part " + index;
        int headersLength = in.length(field + " HeadersLen");
        int dataAt = in.position();
        long dataLength = in.uintvar(field + " DataLen");
        if (dataLength > in.remaining() - headersLength) {
            throw new MmsCodecException(dataAt, field + " DataLen", "length " + dataLength + " exceeds the "
                    + Math.max(0, in.remaining() - headersLength) + " octets after the part headers");
        }
        WspCursor headers = in.region(headersLength, field + " headers");
        MmsContentType contentType = WspContentTypeCodec.read(headers, field + " Content-Type");
        String contentId = null;
        String contentLocation = null;
        MmsContentDisposition disposition = null;
        List<MmsHeader> extra = new ArrayList<>();
        int count = 0;
        while (headers.hasRemaining()) {
            if (++count > maxHeaders) {
                throw headers.error(field + " headers", "more than " + maxHeaders + " headers");
            }
            int start = headers.position();
            int b = headers.peek(field + " header");
            if (b >= 0x80) {
                headers.octet(field + " header");
                int valueStart = headers.position();
                int code = b & 0x7F;
                if (code == CONTENT_LOCATION && contentLocation == null) {
                    contentLocation = headers.textString(field + " Content-Location");
                } else if (code == CONTENT_ID && contentId == null) {
                    contentId = headers.quotedOrText(field + " Content-ID");
                } else if ((code == WspContentTypeCodec.CONTENT_DISPOSITION
                        || code == WspContentTypeCodec.CONTENT_DISPOSITION_WSP14) && disposition == null) {
                    disposition = WspContentTypeCodec.readDisposition(headers, field + " Content-Disposition");
                } else {
                    String name = "wsp-0x" + WspCursor.hex(code);
                    headers.skipValue(field + " " + name);
                    byte[] raw = headers.since(valueStart);
                    extra.add(new MmsHeader(name, code, HexFormat.of().formatHex(raw), raw));
                }
            } else if (b > 0x20 && b < 0x7F) {
                String name = headers.textString(field + " header name");
                int appValueStart = headers.position();
                String value = headers.textString(field + " " + name);
                extra.add(new MmsHeader(name, -1, value, headers.since(appValueStart)));
            } else {
                throw new MmsCodecException(start, field + " header", "expected a header field, found 0x" + WspCursor.hex(b));
            }
        }
        byte[] data = in.bytes(dataLength, field + " data");
        return new MmsPart(contentType, contentId, contentLocation, disposition, extra, data);
    }
}
